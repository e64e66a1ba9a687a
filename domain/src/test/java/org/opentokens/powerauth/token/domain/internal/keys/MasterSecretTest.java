package org.opentokens.powerauth.token.domain.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.client.keyfactory.PowerAuthClientKeyFactory;
import io.getlime.security.powerauth.crypto.lib.generator.KeyGenerator;
import io.getlime.security.powerauth.crypto.server.keyfactory.PowerAuthServerKeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPrivateKey;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors.Vector;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Vectors: compute-master-secret-key.json (Wultra powerauth-crypto test vectors). Oracle: key factories. */
class MasterSecretTest {
    private static final int CASES = 200;

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    static Stream<Vector> vectors() {
        return TestVectors.load("compute-master-secret-key.json").stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void computesTheMasterSecretOfEveryPublishedVectorOnBothSides(Vector v) {
        SymmetricKey expected = SymmetricKey.fromBase64(v.out("masterSecretKey"));
        SymmetricKey device = MasterSecret.compute(EcPrivateKey.fromBytes(v.inBytes("devicePrivateKey")),
                EcPublicKey.fromBytes(v.inBytes("serverPublicKey")));
        SymmetricKey server = MasterSecret.compute(EcPrivateKey.fromBytes(v.inBytes("serverPrivateKey")),
                EcPublicKey.fromBytes(v.inBytes("devicePublicKey")));
        assertThat(device.sameKeyAs(expected)).isTrue();
        assertThat(server.sameKeyAs(expected)).isTrue();
    }

    @Test
    void matchesWultraClientAndServerKeyFactoriesForRandomKeyPairs() throws Exception {
        SecureRandom random = OracleKeys.seeded(11);
        KeyGenerator wultra = new KeyGenerator();
        PowerAuthClientKeyFactory client = new PowerAuthClientKeyFactory();
        PowerAuthServerKeyFactory server = new PowerAuthServerKeyFactory();
        for (int i = 0; i < CASES; i++) {
            EcPrivateKey devicePrivate = i % 2 == 0 ? P256.generateKeyPair(random).privateKey()
                    : OracleKeys.randomScalar(random, i);
            EcKeyPair device = new EcKeyPair(devicePrivate, devicePrivate.publicKey());
            KeyPair serverPair = wultra.generateKeyPair();

            SymmetricKey ours = MasterSecret.compute(device.privateKey(), OracleKeys.ours(serverPair.getPublic()));

            byte[] theirsClient = client.generateClientMasterSecretKey(OracleKeys.jca(device.privateKey()),
                    serverPair.getPublic()).getEncoded();
            byte[] theirsServer = server.generateServerMasterSecretKey(serverPair.getPrivate(),
                    OracleKeys.jca(device.publicKey())).getEncoded();
            assertThat(OracleKeys.raw(ours)).isEqualTo(theirsClient).isEqualTo(theirsServer);
        }
    }
}
