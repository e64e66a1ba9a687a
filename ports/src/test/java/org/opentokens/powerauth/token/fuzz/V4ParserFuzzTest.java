package org.opentokens.powerauth.token.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.StatusBlobException;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException;
import org.opentokens.powerauth.token.domain.internal.v4.activation.V4ActivationStatus;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptor;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptorId;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadParameters;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadSecrets;
import org.opentokens.powerauth.token.domain.internal.v4.aead.V4EncryptionHeader;
import org.opentokens.powerauth.token.domain.internal.v4.auth.AuthenticationCodeType;
import org.opentokens.powerauth.token.domain.internal.v4.auth.V4AuthorizationHeader;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4CounterSync;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PrivateKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.JwsSignature;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKeyResponseJws;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenHeader;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenSecret;
import org.opentokens.powerauth.token.domain.server.V4AuthorizationHeaderParser;
import org.opentokens.powerauth.token.domain.server.V4EncryptionHeaderParser;
import org.opentokens.powerauth.token.domain.server.V4TokenHeaderParser;
import org.opentokens.powerauth.token.domain.server.V4TokenHeaderVerifier;
import org.opentokens.powerauth.token.testing.Fuzz;
import org.opentokens.powerauth.token.testing.FuzzInputs;
import org.opentokens.powerauth.token.testing.FuzzReport;
import org.opentokens.powerauth.token.testing.Mutations;
import org.opentokens.powerauth.token.testing.Reliability;

/**
 * Fuzzes the protocol 4.0 parsers: the {@code X-PowerAuth-Token}, {@code X-PowerAuth-Authorization} and
 * {@code X-PowerAuth-Encryption} 4.0 headers, the MACed status blob with counter sync, the byte level of AEAD
 * responses, and the temporary-key JWS. Each may throw only its documented typed errors.
 */
@Tag("reliability")
class V4ParserFuzzTest {
    private static final Random SEEDS = new Random(19);
    private final V4TokenSecret secret = V4TokenSecret.of(bytes(32));

    @Test
    void v4HeaderParsersThrowOnlyMalformedData() {
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String token = V4TokenHeader.generate(TokenId.of(UUID.randomUUID().toString()), secret, bytes(16),
                    1_700_000_000_123L + i).value();
            seeds.add(token);
            seeds.add(token.replace(", ", ","));
            AuthenticationCodeType type = AuthenticationCodeType.values()[i];
            seeds.add(V4AuthorizationHeader.of(UUID.randomUUID().toString(), b64(bytes(16)), bytes(16), type,
                    b64(bytes(32 * type.factorCount()))).value());
            seeds.add(new V4EncryptionHeader(b64(bytes(16)), i % 2 == 0 ? null : UUID.randomUUID().toString()).value());
        }
        V4TokenHeaderVerifier verifier = new V4TokenHeaderVerifier();
        FuzzReport report = Fuzz.target("fuzz: V4 header parsers (token, authorization, encryption)",
                        Mutations.strings(seeds, 300), MalformedDataException.class)
                .run(Reliability.pick(20_000, 1_000_000), input -> {
                    int kind = Math.floorMod(input.hashCode(), 3);
                    if (kind == 0 || input.contains("token_id")) {
                        V4TokenHeader parsed = V4TokenHeaderParser.parse(input);
                        if (!V4TokenHeaderParser.parse(parsed.value()).value().equals(parsed.value())) {
                            throw new AssertionError("a parsed V4 token header does not survive rendering");
                        }
                        verifier.verify(parsed, parsed.tokenId(), secret, parsed.timestampMs());
                    } else if (kind == 1 || input.contains("pa_auth_code")) {
                        V4AuthorizationHeader parsed = V4AuthorizationHeaderParser.parse(input);
                        if (!V4AuthorizationHeaderParser.parse(parsed.value()).value().equals(parsed.value())) {
                            throw new AssertionError("a parsed V4 authorization header does not survive rendering");
                        }
                    } else {
                        V4EncryptionHeader parsed = V4EncryptionHeaderParser.parse(input);
                        if (!V4EncryptionHeaderParser.parse(parsed.value()).equals(parsed)) {
                            throw new AssertionError("a parsed V4 encryption header does not survive rendering");
                        }
                    }
                });
        report.assertNoUntypedErrors();
        assertThat(report.accepted()).isPositive();
    }

    @Test
    void v4StatusBlobAndCounterSyncThrowOnlyTypedErrors() {
        V4SymmetricKey macKey = V4SymmetricKey.of(bytes(32));
        V4SymmetricKey ctrKey = V4SymmetricKey.of(bytes(32));
        byte[] ctr = bytes(32);
        List<byte[]> blobs = new ArrayList<>();
        for (int state = 1; state <= 5; state++) {
            V4HashCounter server = V4HashCounter.of(ctr, 0);
            for (int s = 0; s < state; s++) {
                server = server.next();
            }
            blobs.add(new V4ActivationStatus(ActivationState.fromByte(state), 4, 4, state & 15, server.ctrByte(), 1, 5,
                    state * 7, server.ctrDataHash(ctrKey)).toBytes());
        }
        var mutants = Mutations.bytes(blobs, 100);
        V4HashCounter local = V4HashCounter.of(ctr, 0);
        FuzzReport report = Fuzz.target("fuzz: V4 status blob (MAC, parse, counter sync)",
                        FuzzInputs.of(r -> new Object[] {r.nextBoolean(), mutants.next(r)}),
                        MalformedDataException.class, CryptoFailureException.class, StatusBlobException.class)
                .describedBy(in -> Mutations.hex((byte[]) in[1]))
                .run(Reliability.pick(10_000, 500_000), in -> {
                    byte[] blob = (byte[]) in[1];
                    // half the inputs carry a valid MAC over the mutated bytes, so the parser sees them
                    byte[] mac = (Boolean) in[0] && blob.length == V4ActivationStatus.BLOB_LENGTH
                            ? V4ActivationStatus.mac(blob, macKey) : bytes(32);
                    String field = b64(org.bouncycastle.util.Arrays.concatenate(blob, mac));
                    V4ActivationStatus status = V4ActivationStatus.fromActivationStatus(field, macKey);
                    V4CounterSync.synchronize(local, status, ctrKey);
                });
        report.assertNoUntypedErrors();
        assertThat(report.accepted()).isPositive();
        assertThat(report.typed()).containsKeys("CryptoFailureException");
    }

    @Test
    void aeadResponsesAtTheByteLevelThrowOnlyTypedErrors() {
        AeadParameters parameters = new AeadParameters(b64(bytes(16)), UUID.randomUUID().toString(), "tk");
        AeadSecrets secrets = AeadSecrets.forActivation(V4SymmetricKey.of(bytes(32)), b64(bytes(16)),
                V4SymmetricKey.of(bytes(32)));
        AeadEncryptor client = AeadEncryptor.create(AeadEncryptorId.CREATE_TOKEN, parameters, secrets);
        client.encryptRequest("{}".getBytes(), seeded(1), 1_700_000_000_000L);
        List<byte[]> seeds = List.of(bytes(44), bytes(60), bytes(200));
        var mutants = Mutations.bytes(seeds, 300);
        FuzzReport report = Fuzz.target("fuzz: V4 AEAD response bytes", mutants,
                        MalformedDataException.class, CryptoFailureException.class)
                .run(Reliability.pick(5_000, 200_000), data -> client.decryptResponse(
                        new AeadEncryptedResponse(b64(data), data.length % 7 == 0 ? null : 1_700_000_000_000L)));
        report.assertNoUntypedErrors();
    }

    @Test
    void temporaryKeyJwsThrowsOnlyTemporaryKeyErrors() {
        var ec = P384PrivateKey.generate(seeded(2)).publicKey();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"x\"}".getBytes());
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"ES384\"}".getBytes());
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(96));
        var mutants = Mutations.strings(List.of(payload, header, signature, "ES384", "ML-DSA-65"), 200);
        FuzzReport report = Fuzz.target("fuzz: V4 temporary-key JWS", FuzzInputs.of(r -> new String[] {
                            mutants.next(r), mutants.next(r), mutants.next(r), mutants.next(r)}),
                        TemporaryKeyException.class)
                .describedBy(in -> String.join(" | ", in))
                .run(Reliability.pick(5_000, 200_000), in -> V4TemporaryKeyResponseJws.verify(in[0],
                        List.of(new JwsSignature(in[1], in[3], in[2])), ec, null));
        report.assertNoUntypedErrors();
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        SEEDS.nextBytes(b);
        return b;
    }
}
