package org.opentokens.powerauth.token.domain.internal.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory;
import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ServerEncryptorSecrets;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException.Reason;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptorId;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Validation of temporary key claims, and the full 3.3 flow from signed JWT to an ECIES request Wultra decrypts. */
class TemporaryKeyTest {
    private static final SecureRandom RANDOM = JwtTestSupport.seeded(31337);
    private static final long IAT = 1_700_000_000_000L;
    private static final long EXP = IAT + 300_000L;

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static TemporaryKeyClaims claims(String activationId) {
        return new TemporaryKeyClaims("ES256", "JWT", UUID.randomUUID().toString(), B64.encode(bytes(16)),
                activationId, TemporaryKeyRequestJwt.newChallenge(RANDOM),
                B64.encode(P256.generateKeyPair(RANDOM).publicKey().uncompressed()), IAT, EXP);
    }

    private static TemporaryKeyClaims with(TemporaryKeyClaims c, UnaryOperator<String[]> change, long iat, long exp) {
        String[] v = {c.alg(), c.typ(), c.keyId(), c.applicationKey(), c.activationId(), c.challenge(), c.publicKeyBase64()};
        v = change.apply(v);
        return new TemporaryKeyClaims(v[0], v[1], v[2], v[3], v[4], v[5], v[6], iat, exp);
    }

    private static void assertReason(TemporaryKeyClaims c, String challenge, String appKey, String activationId,
                                     long now, Reason reason) {
        assertThatThrownBy(() -> TemporaryKey.validate(c, challenge, appKey, activationId, now))
                .isInstanceOfSatisfying(TemporaryKeyException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @RepeatedTest(100)
    void acceptsMatchingClaimsAndExposesTheKey() {
        String activationId = RANDOM.nextBoolean() ? UUID.randomUUID().toString() : null;
        TemporaryKeyClaims c = claims(activationId);
        long now = IAT + RANDOM.nextInt(300_000);
        TemporaryKey key = TemporaryKey.validate(c, c.challenge(), c.applicationKey(), activationId, now);
        assertThat(key.keyId()).isEqualTo(c.keyId());
        assertThat(B64.encode(key.publicKey().uncompressed())).isEqualTo(c.publicKeyBase64());
        assertThat(key.issuedAtMs()).isEqualTo(IAT);
        assertThat(key.expiresAtMs()).isEqualTo(EXP);
        assertThat(key.activationId()).isEqualTo(activationId);
        assertThat(key.scope()).isEqualTo(activationId == null ? EciesScope.APPLICATION : EciesScope.ACTIVATION);
        assertThat(key.eciesParameters().temporaryKeyId()).isEqualTo(c.keyId());
        assertThat(key.eciesParameters().version()).isEqualTo(ProtocolVersion.V3_3);
    }

    @Test
    void isUsableUntilTheSafetyMarginBeforeExpiry() {
        TemporaryKeyClaims c = claims(null);
        TemporaryKey key = TemporaryKey.validate(c, c.challenge(), c.applicationKey(), null, IAT);
        long margin = TemporaryKey.DEFAULT_SAFETY_MARGIN_MS;
        assertThat(key.isUsableAt(EXP - margin - 1, margin)).isTrue();
        assertThat(key.isUsableAt(EXP - margin, margin)).isFalse();
        assertThat(key.isUsableAt(EXP - 1, 0)).isTrue();
        assertThat(key.isUsableAt(EXP, 0)).isFalse();
    }

    @RepeatedTest(50)
    void rejectsEveryMismatch() {
        String act = UUID.randomUUID().toString();
        TemporaryKeyClaims app = claims(null);
        TemporaryKeyClaims a = claims(act);
        String ch = a.challenge();
        String ak = a.applicationKey();
        assertReason(a, TemporaryKeyRequestJwt.newChallenge(RANDOM), ak, act, IAT, Reason.CHALLENGE_MISMATCH);
        assertReason(with(a, v -> { v[5] = null; return v; }, IAT, EXP), ch, ak, act, IAT, Reason.CHALLENGE_MISMATCH);
        assertReason(a, ch, B64.encode(bytes(16)), act, IAT, Reason.APPLICATION_KEY_MISMATCH);
        assertReason(a, ch, ak, UUID.randomUUID().toString(), IAT, Reason.ACTIVATION_ID_MISMATCH);
        assertReason(a, ch, ak, null, IAT, Reason.ACTIVATION_ID_MISMATCH);
        assertReason(app, app.challenge(), app.applicationKey(), act, IAT, Reason.ACTIVATION_ID_MISMATCH);
        assertReason(a, ch, ak, act, EXP, Reason.EXPIRED);
        assertReason(a, ch, ak, act, EXP + 1 + RANDOM.nextInt(1_000_000), Reason.EXPIRED);
    }

    @Test
    void rejectsOtherAlgorithmsAndTypes() {
        TemporaryKeyClaims a = claims(null);
        for (String alg : new String[] {"none", "HS256", "RS256", "es256", null}) {
            assertReason(with(a, v -> { v[0] = alg; return v; }, IAT, EXP), a.challenge(), a.applicationKey(), null,
                    IAT, Reason.UNSUPPORTED_ALGORITHM);
        }
        for (String typ : new String[] {"JWS", "jwt", null}) {
            assertReason(with(a, v -> { v[1] = typ; return v; }, IAT, EXP), a.challenge(), a.applicationKey(), null,
                    IAT, Reason.MALFORMED);
        }
    }

    @Test
    void rejectsMissingKeyIdBadPublicKeyAndInvertedLifetime() {
        TemporaryKeyClaims a = claims(null);
        String ch = a.challenge();
        String ak = a.applicationKey();
        assertReason(with(a, v -> { v[2] = null; return v; }, IAT, EXP), ch, ak, null, IAT, Reason.MALFORMED);
        assertReason(with(a, v -> { v[2] = " "; return v; }, IAT, EXP), ch, ak, null, IAT, Reason.MALFORMED);
        assertReason(with(a, v -> { v[6] = null; return v; }, IAT, EXP), ch, ak, null, IAT, Reason.MALFORMED);
        assertReason(with(a, v -> { v[6] = "%%%"; return v; }, IAT, EXP), ch, ak, null, IAT, Reason.MALFORMED);
        byte[] offCurve = P256.generateKeyPair(RANDOM).publicKey().uncompressed();
        offCurve[64] ^= 1;
        assertReason(with(a, v -> { v[6] = B64.encode(offCurve); return v; }, IAT, EXP), ch, ak, null, IAT,
                Reason.MALFORMED);
        assertReason(with(a, v -> v, EXP, IAT), ch, ak, null, IAT - 1, Reason.MALFORMED);
    }

    @RepeatedTest(100)
    void signedKeystoreResponseLeadsToAnEciesRequestWultraDecrypts() throws Exception {
        boolean activationScope = RANDOM.nextBoolean();
        EcKeyPair signingKey = P256.generateKeyPair(RANDOM);
        EcKeyPair temporary = P256.generateKeyPair(RANDOM);
        String appKey = B64.encode(bytes(16));
        String appSecret = B64.encode(bytes(16));
        byte[] transport = bytes(16);
        String activationId = activationScope ? UUID.randomUUID().toString() : null;
        String challenge = TemporaryKeyRequestJwt.newChallenge(RANDOM);
        String keyId = UUID.randomUUID().toString();
        String jwt = JwtTestSupport.signEs256("{\"alg\":\"ES256\",\"typ\":\"JWT\"}",
                JwtTestSupport.serverClaims(keyId, appKey, activationId, challenge,
                        B64.encode(temporary.publicKey().uncompressed()), IAT, EXP), signingKey);

        SignedJwt verified = TemporaryKeyResponseJwt.verifyEs256(jwt, signingKey.publicKey());
        TemporaryKey key = TemporaryKey.validate(JwtTestSupport.claimsOf(verified), challenge, appKey, activationId,
                IAT + 1000);
        EciesEncryptorId id = activationScope ? EciesEncryptorId.CREATE_TOKEN : EciesEncryptorId.APPLICATION_SCOPE_GENERIC;
        EciesSecrets secrets = activationScope
                ? EciesSecrets.forActivation(key.publicKey(), appSecret, SymmetricKey.of(transport))
                : EciesSecrets.forApplication(key.publicKey(), appSecret);
        byte[] plain = bytes(RANDOM.nextInt(100));
        EciesEncryptedRequest rq = EciesEncryptor.create(id, key.eciesParameters(), secrets)
                .encryptRequest(plain, RANDOM, IAT + 2000);

        var priv = JwtTestSupport.jcaPrivateKey(temporary);
        ServerEncryptor server = new EncryptorFactory().getServerEncryptor(EncryptorId.valueOf(id.name()),
                new EncryptorParameters("3.3", appKey, activationId, keyId),
                activationScope ? new ServerEncryptorSecrets(priv, appSecret, transport)
                        : new ServerEncryptorSecrets(priv, appSecret));
        assertThat(server.decryptRequest(new EncryptedRequest(rq.temporaryKeyId(), rq.ephemeralPublicKey(),
                rq.encryptedData(), rq.mac(), rq.nonce(), rq.timestamp()))).isEqualTo(plain);
    }

    @Test
    void messagesAndToStringCarryNoTokenOrKey() {
        TemporaryKeyClaims a = claims(null);
        TemporaryKey key = TemporaryKey.validate(a, a.challenge(), a.applicationKey(), null, IAT);
        assertThat(key.toString()).doesNotContain(a.publicKeyBase64(), a.challenge());
        String sent = TemporaryKeyRequestJwt.newChallenge(RANDOM);
        assertThatThrownBy(() -> TemporaryKey.validate(a, sent, a.applicationKey(), null, IAT))
                .hasMessageNotContaining(a.challenge()).hasMessageNotContaining(sent);
    }
}
