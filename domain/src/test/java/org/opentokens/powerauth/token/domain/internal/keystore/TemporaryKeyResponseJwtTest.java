package org.opentokens.powerauth.token.domain.internal.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException.Reason;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** ES256 verification of keystore responses signed by JCA (provider BC); every bad token is a typed error. */
class TemporaryKeyResponseJwtTest {
    private static final String ES256_HEADER = "{\"alg\":\"ES256\",\"typ\":\"JWT\"}";
    private static final SecureRandom RANDOM = JwtTestSupport.seeded(9001);
    private static final EcKeyPair SERVER = P256.generateKeyPair(RANDOM);

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    private static byte[] randomClaims() throws Exception {
        return JwtTestSupport.serverClaims(UUID.randomUUID().toString(), B64.encode(bytes(16)),
                RANDOM.nextBoolean() ? UUID.randomUUID().toString() : null, B64.encode(bytes(18)),
                B64.encode(P256.generateKeyPair(RANDOM).publicKey().uncompressed()),
                1_700_000_000_000L, 1_700_000_300_000L);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void assertReason(String jwt, EcKeyPair key, Reason reason) {
        assertThatThrownBy(() -> TemporaryKeyResponseJwt.verifyEs256(jwt, key.publicKey()))
                .isInstanceOfSatisfying(TemporaryKeyException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .satisfies(e -> {
                    if (jwt.length() > 3) {
                        assertThat(e.getMessage()).doesNotContain(jwt);
                    }
                });
    }

    @RepeatedTest(200)
    void acceptsServerSignedJwtAndReturnsItsHeaderAndPayload() throws Exception {
        EcKeyPair server = P256.generateKeyPair(RANDOM);
        byte[] claims = randomClaims();
        String jwt = JwtTestSupport.signEs256(ES256_HEADER, claims, server);
        SignedJwt verified = TemporaryKeyResponseJwt.verifyEs256(jwt, server.publicKey());
        assertThat(verified.headerJson()).isEqualTo(ES256_HEADER);
        assertThat(verified.payloadJson()).isEqualTo(new String(claims, StandardCharsets.UTF_8));
    }

    @RepeatedTest(100)
    void rejectsJwtSignedByAnotherKey() throws Exception {
        String jwt = JwtTestSupport.signEs256(ES256_HEADER, randomClaims(), P256.generateKeyPair(RANDOM));
        assertReason(jwt, SERVER, Reason.SIGNATURE_INVALID);
    }

    @RepeatedTest(100)
    void rejectsFlippedSignatureBitAndAlteredPayload() throws Exception {
        String jwt = JwtTestSupport.signEs256(ES256_HEADER, randomClaims(), SERVER);
        String[] p = jwt.split("\\.");
        byte[] sig = Base64.getUrlDecoder().decode(p[2]);
        int bit = RANDOM.nextInt(512);
        sig[bit / 8] ^= (byte) (1 << (bit % 8));
        assertReason(p[0] + "." + p[1] + "." + JwtTestSupport.b64url(sig), SERVER, Reason.SIGNATURE_INVALID);
        String otherPayload = JwtTestSupport.b64url(randomClaims());
        assertReason(p[0] + "." + otherPayload + "." + p[2], SERVER, Reason.SIGNATURE_INVALID);
    }

    @Test
    void rejectsWrongNumberOfPartsAndEmptyParts() throws Exception {
        String jwt = JwtTestSupport.signEs256(ES256_HEADER, randomClaims(), SERVER);
        String[] p = jwt.split("\\.");
        for (String bad : new String[] {
            p[0] + "." + p[1],
            jwt + "." + p[2],
            jwt + ".",
            "." + p[1] + "." + p[2],
            p[0] + ".." + p[2],
            p[0] + "." + p[1] + ".",
            "",
            "..",
        }) {
            assertReason(bad, SERVER, Reason.MALFORMED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "/", "=", "*", " ", "é"})
    void rejectsCharactersOutsideUnpaddedBase64url(String bad) throws Exception {
        String jwt = JwtTestSupport.signEs256(ES256_HEADER, randomClaims(), SERVER);
        String[] p = jwt.split("\\.");
        assertReason(p[0] + bad + "." + p[1] + "." + p[2], SERVER, Reason.MALFORMED);
        assertReason(p[0] + "." + p[1] + bad + "." + p[2], SERVER, Reason.MALFORMED);
        assertReason(p[0] + "." + p[1] + "." + p[2] + bad, SERVER, Reason.MALFORMED);
    }

    @Test
    void rejectsSignatureOfWrongLengthAndImpossibleBase64urlLength() throws Exception {
        String jwt = JwtTestSupport.signEs256(ES256_HEADER, randomClaims(), SERVER);
        String[] p = jwt.split("\\.");
        String head = p[0] + "." + p[1] + ".";
        assertReason(head + JwtTestSupport.b64url(bytes(63)), SERVER, Reason.MALFORMED);
        assertReason(head + JwtTestSupport.b64url(bytes(72)), SERVER, Reason.MALFORMED);
        assertReason(head + "A", SERVER, Reason.MALFORMED);
        assertReason(p[0] + "A." + p[1] + "." + p[2], SERVER, Reason.MALFORMED);
    }

    @Test
    void rejectsUnsignedAlgNoneToken() throws Exception {
        String none = JwtTestSupport.b64url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + JwtTestSupport.b64url(randomClaims()) + ".";
        assertReason(none, SERVER, Reason.MALFORMED);
    }

    @Test
    void rejectsPayloadThatIsNotUtf8EvenWhenSigned() throws Exception {
        String jwt = JwtTestSupport.signEs256(ES256_HEADER, new byte[] {(byte) 0xC3, (byte) 0x28}, SERVER);
        assertReason(jwt, SERVER, Reason.MALFORMED);
    }
}
