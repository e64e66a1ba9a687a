package org.opentokens.powerauth.token.domain.internal.activation;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.client.activation.PowerAuthClientActivation;
import io.getlime.security.powerauth.crypto.lib.model.ActivationVersion;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors.Vector;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Activation fingerprint against {@code public-key-fingerprint-v3.json} and Wultra's implementation. */
class ActivationFingerprintTest {
    private static final PowerAuthClientActivation CLIENT = new PowerAuthClientActivation();
    private static final KeyConvertor CONVERTOR = new KeyConvertor();

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    static Stream<Vector> vectors() {
        return TestVectors.load("public-key-fingerprint-v3.json").stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void matchesEveryPublishedFingerprint(Vector v) {
        EcPublicKey device = EcPublicKey.fromBase64(v.in("devicePublicKey"));
        EcPublicKey server = EcPublicKey.fromBase64(v.in("serverPublicKey"));

        assertThat(ActivationFingerprint.compute(device, server, v.out("activationId"))).isEqualTo(v.out("fingerprint"));
        assertThat(BigIntegers.asUnsignedByteArray(device.xAsInteger())).isEqualTo(v.outBytes("devicePublicKeyCoordX"));
        assertThat(BigIntegers.asUnsignedByteArray(server.xAsInteger())).isEqualTo(v.outBytes("serverPublicKeyCoordX"));
    }

    @Test
    void equalsWultraFingerprintForRandomKeysAndIds() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 300; i++) {
            EcPublicKey device = P256.generateKeyPair(random).publicKey();
            EcPublicKey server = P256.generateKeyPair(random).publicKey();
            assertSameAsWultra(device, server, UUID.randomUUID().toString());
        }
    }

    @Test
    void equalsWultraWhenAnXCoordinateHasLeadingZeroBytes() throws Exception {
        // Seeded so the run is reproducible; keys are drawn until enough have a leading zero byte in X.
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(89L);
        Random ids = new Random(89);
        int found = 0;
        while (found < 12) {
            EcPublicKey candidate = P256.generateKeyPair(random).publicKey();
            if (candidate.xCoordinate()[0] != 0) {
                continue;
            }
            found++;
            EcPublicKey other = P256.generateKeyPair(random).publicKey();
            String id = new UUID(ids.nextLong(), ids.nextLong()).toString();
            assertSameAsWultra(candidate, other, id);
            assertSameAsWultra(other, candidate, id);
        }
    }

    @Test
    void isAlwaysEightDigits() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            String fp = ActivationFingerprint.compute(P256.generateKeyPair(random).publicKey(),
                    P256.generateKeyPair(random).publicKey(), UUID.randomUUID().toString());
            assertThat(fp).matches("[0-9]{8}");
        }
    }

    private static void assertSameAsWultra(EcPublicKey device, EcPublicKey server, String id) throws Exception {
        PublicKey theirDevice = CONVERTOR.convertBytesToPublicKey(device.uncompressed());
        PublicKey theirServer = CONVERTOR.convertBytesToPublicKey(server.compressed());
        String ours = ActivationFingerprint.compute(device, server, id);
        assertThat(ours).isEqualTo(CLIENT.computeActivationFingerprint(theirDevice, theirServer, id, ActivationVersion.VERSION_3));
        assertThat(ours).isEqualTo(CLIENT.computeActivationFingerprint(theirDevice, theirServer, id));
    }
}
