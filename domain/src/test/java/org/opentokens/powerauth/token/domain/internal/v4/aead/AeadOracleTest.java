package org.opentokens.powerauth.token.domain.internal.v4.aead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorScope;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.ClientAeadEncryptor;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.ServerAeadEncryptor;
import com.wultra.security.powerauth.http.PowerAuthEncryptionHttpHeader;
import com.wultra.security.powerauth.http.validator.PowerAuthEncryptionHttpHeaderValidator;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.v4.V4Oracle;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.server.V4EncryptionHeaderParser;

/**
 * The AEAD and its envelope both ways against Wultra 2.0.1: raw {@code Aead.seal/open} in each direction, our
 * requests decrypted by its {@code ServerAeadEncryptor} and its responses decrypted by us, and its client's request
 * re-encrypted by us (same nonce and timestamp) byte for byte, for every encryptor ID.
 */
class AeadOracleTest {
    @BeforeAll
    static void provider() {
        V4Oracle.ensureProvider();
    }

    @Test
    void rawAeadSealsAndOpensLikeWultra() throws Exception {
        Random r = new Random(4401);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            byte[] key = V4Oracle.bytes(r, 32);
            byte[] context = V4Oracle.bytes(r, 1 + r.nextInt(60));
            byte[] nonce = V4Oracle.bytes(r, 12);
            byte[] ad = V4Oracle.bytes(r, r.nextInt(100));
            byte[] plain = V4Oracle.bytes(r, 1 + r.nextInt(500));
            byte[] ours = Aead.seal(V4SymmetricKey.of(key), context, nonce, ad, plain);
            byte[] theirs = com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.Aead.seal(V4Oracle.jca(key),
                    context, nonce, ad, plain);
            assertThat(ours).as("case %d", i).isEqualTo(theirs);
            assertThat(com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.Aead.open(V4Oracle.jca(key), context,
                    ad, ours)).isEqualTo(plain);
            assertThat(Aead.open(V4SymmetricKey.of(key), context, ad, theirs)).isEqualTo(plain);
            byte[] tampered = theirs.clone();
            tampered[r.nextInt(tampered.length)] ^= 1;
            assertThatThrownBy(() -> Aead.open(V4SymmetricKey.of(key), context, ad, tampered))
                    .isInstanceOf(CryptoFailureException.class);
        }
    }

    @Test
    void wultraServerDecryptsOurRequestsAndWeDecryptItsResponses() throws Exception {
        Random r = new Random(4402);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            AeadEncryptorId id = AeadEncryptorId.values()[i % AeadEncryptorId.values().length];
            Envelope e = new Envelope(r, id);
            byte[] plain = V4Oracle.bytes(r, r.nextInt(400) + 1);
            long ts = 1_769_422_877_091L + r.nextInt(1_000_000);
            AeadEncryptor ours = AeadEncryptor.create(id, e.ours(), e.ourSecrets());
            AeadEncryptedRequest request = i % 2 == 0 ? ours.encryptRequest(plain, V4Oracle.secureRandom(i), ts)
                    : ours.encryptRequest(plain, e.nonce24(r), ts);

            ServerAeadEncryptor server = new ServerAeadEncryptor(EncryptorId.valueOf(id.name()), e.theirs());
            server.configureSecrets(e.theirSecrets());
            byte[] decrypted = server.decryptRequest(new com.wultra.security.powerauth.crypto.lib.v4.encryptor.model
                    .request.AeadEncryptedRequest(request.temporaryKeyId(), request.encryptedData(), request.nonce(),
                    request.timestamp()));
            assertThat(decrypted).as("case %d %s", i, id).isEqualTo(plain);

            byte[] answer = V4Oracle.bytes(r, r.nextInt(400) + 1);
            var response = server.encryptResponse(answer);
            assertThat(ours.decryptResponse(new AeadEncryptedResponse(response.getEncryptedData(), response.getTimestamp())))
                    .isEqualTo(answer);
            assertThatThrownBy(() -> ours.decryptResponse(new AeadEncryptedResponse(response.getEncryptedData(),
                    response.getTimestamp() + 1))).isInstanceOf(CryptoFailureException.class);
        }
    }

    @Test
    void weEncryptExactlyWhatWultrasClientEncryptsForTheSameNonceAndTime() throws Exception {
        Random r = new Random(4403);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            AeadEncryptorId id = AeadEncryptorId.values()[i % AeadEncryptorId.values().length];
            Envelope e = new Envelope(r, id);
            byte[] plain = V4Oracle.bytes(r, r.nextInt(400) + 1);
            ClientAeadEncryptor client = new ClientAeadEncryptor(EncryptorId.valueOf(id.name()), e.theirs());
            client.configureSecrets(e.theirSecrets());
            var theirs = client.encryptRequest(plain);
            AeadEncryptedRequest ours = AeadEncryptor.create(id, e.ours(), e.ourSecrets())
                    .encryptRequest(plain, Base64.getDecoder().decode(theirs.getNonce()), theirs.getTimestamp());
            assertThat(ours.encryptedData()).as("case %d %s", i, id).isEqualTo(theirs.getEncryptedData());
            assertThat(ours.temporaryKeyId()).isEqualTo(theirs.getTemporaryKeyId());
        }
    }

    @Test
    void encryptionHeaderRoundTripsThroughWultra() throws Exception {
        Random r = new Random(4404);
        for (int i = 0; i < 50; i++) {
            String appKey = Base64.getEncoder().encodeToString(V4Oracle.bytes(r, 16));
            String activationId = i % 2 == 0 ? null : UUID.randomUUID().toString();
            V4EncryptionHeader ours = new V4EncryptionHeader(appKey, activationId);
            PowerAuthEncryptionHttpHeader parsed = new PowerAuthEncryptionHttpHeader().fromValue(ours.value());
            PowerAuthEncryptionHttpHeaderValidator.validate(parsed, activationId == null
                    ? EncryptorScope.APPLICATION_SCOPE : EncryptorScope.ACTIVATION_SCOPE);
            assertThat(parsed.getVersion()).isEqualTo("4.0");
            assertThat(parsed.getApplicationKey()).isEqualTo(appKey);
            assertThat(parsed.getActivationId()).isEqualTo(activationId);
            String theirs = (activationId == null ? new PowerAuthEncryptionHttpHeader(appKey, "4.0")
                    : new PowerAuthEncryptionHttpHeader(appKey, activationId, "4.0")).buildHttpHeader();
            assertThat(V4EncryptionHeaderParser.parse(theirs)).isEqualTo(ours);
        }
        assertThatThrownBy(() -> V4EncryptionHeaderParser.parse("PowerAuth version=\"3.3\", application_key=\"x\""))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4EncryptionHeaderParser.parse("PowerAuth version=\"4.0\", application_key=a\"b"))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> new V4EncryptionHeader(Base64.getEncoder().encodeToString(new byte[16]), "x"))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void rejectsMisuseWithTypedErrors() {
        Random r = new Random(4405);
        Envelope e = new Envelope(r, AeadEncryptorId.CREATE_TOKEN);
        AeadEncryptor ours = AeadEncryptor.create(AeadEncryptorId.CREATE_TOKEN, e.ours(), e.ourSecrets());
        assertThatThrownBy(() -> ours.decryptResponse(new AeadEncryptedResponse("AAAA", 1L)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ours.encryptRequest(new byte[1], new byte[24], 1L)).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> ours.encryptRequest(new byte[1], new byte[23], 1L)).isInstanceOf(MalformedDataException.class);
        ours.encryptRequest(new byte[1], e.nonce24(r), 1L);
        assertThatThrownBy(() -> ours.decryptResponse(new AeadEncryptedResponse("AAAA", 1L))).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> ours.decryptResponse(new AeadEncryptedResponse("%%%", 1L))).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> ours.decryptResponse(new AeadEncryptedResponse(null, 1L))).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> ours.decryptResponse(new AeadEncryptedResponse(Base64.getEncoder().encodeToString(new byte[60]), null)))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> ours.decryptResponse(new AeadEncryptedResponse(Base64.getEncoder().encodeToString(new byte[60]), 1L)))
                .isInstanceOf(CryptoFailureException.class);
        assertThatThrownBy(() -> AeadEncryptor.create(AeadEncryptorId.APPLICATION_SCOPE_GENERIC, e.ours(), e.ourSecrets()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(e.ourSecrets().toString()).isEqualTo("AeadSecrets[ACTIVATION, redacted]");
    }

    /** Random parameters and secrets for one encryptor, in both our and Wultra's form. */
    private static final class Envelope {
        final AeadEncryptorId id;
        final String appKey;
        final String appSecret;
        final String activationId;
        final String temporaryKeyId = UUID.randomUUID().toString();
        final byte[] envelopeKey;
        final byte[] sh2Key;

        Envelope(Random r, AeadEncryptorId id) {
            this.id = id;
            appKey = Base64.getEncoder().encodeToString(V4Oracle.bytes(r, 16));
            appSecret = Base64.getEncoder().encodeToString(V4Oracle.bytes(r, 16));
            activationId = id.scope() == AeadScope.ACTIVATION ? UUID.randomUUID().toString() : null;
            envelopeKey = V4Oracle.bytes(r, 32);
            sh2Key = V4Oracle.bytes(r, 32);
        }

        AeadParameters ours() {
            return new AeadParameters(appKey, activationId, temporaryKeyId);
        }

        AeadSecrets ourSecrets() {
            return activationId == null ? AeadSecrets.forApplication(V4SymmetricKey.of(envelopeKey), appSecret)
                    : AeadSecrets.forActivation(V4SymmetricKey.of(envelopeKey), appSecret, V4SymmetricKey.of(sh2Key));
        }

        EncryptorParameters theirs() {
            return new EncryptorParameters("4.0", appKey, activationId, temporaryKeyId);
        }

        com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.context.AeadSecrets theirSecrets() {
            return activationId == null
                    ? new com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.context.AeadSecrets(envelopeKey, appSecret)
                    : new com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.context.AeadSecrets(envelopeKey,
                            appSecret, sh2Key);
        }

        byte[] nonce24(Random r) {
            return V4Oracle.bytes(r, 24);
        }
    }
}
