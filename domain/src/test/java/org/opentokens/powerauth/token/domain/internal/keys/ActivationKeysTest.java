package org.opentokens.powerauth.token.domain.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.client.keyfactory.PowerAuthClientKeyFactory;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors.Vector;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Vectors: compute-derived-keys.json (Wultra powerauth-crypto test vectors). Oracle: PowerAuthClientKeyFactory. */
class ActivationKeysTest {
    private static final int CASES = 300;

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    static Stream<Vector> vectors() {
        return TestVectors.load("compute-derived-keys.json").stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void derivesEveryKeyOfEveryPublishedVector(Vector v) {
        ActivationKeys keys = ActivationKeys.derive(SymmetricKey.fromBase64(v.in("masterSecretKey")));
        assertThat(b64(keys.possession())).isEqualTo(v.out("signaturePossessionKey"));
        assertThat(b64(keys.knowledge())).isEqualTo(v.out("signatureKnowledgeKey"));
        assertThat(b64(keys.biometry())).isEqualTo(v.out("signatureBiometryKey"));
        assertThat(b64(keys.transport())).isEqualTo(v.out("transportKey"));
        assertThat(b64(keys.vault())).isEqualTo(v.out("vaultEncryptionKey"));
    }

    @Test
    void matchesWultraClientKeyFactoryForRandomMasterSecrets() throws Exception {
        SecureRandom random = OracleKeys.seeded(21);
        PowerAuthClientKeyFactory factory = new PowerAuthClientKeyFactory();
        for (int i = 0; i < CASES; i++) {
            byte[] masterBytes = new byte[16];
            random.nextBytes(masterBytes);
            SymmetricKey master = SymmetricKey.of(masterBytes);
            SecretKey jcaMaster = OracleKeys.jca(master);

            ActivationKeys keys = ActivationKeys.derive(master);

            assertThat(OracleKeys.raw(keys.possession()))
                    .isEqualTo(factory.generateClientSignaturePossessionKey(jcaMaster).getEncoded());
            assertThat(OracleKeys.raw(keys.knowledge()))
                    .isEqualTo(factory.generateClientSignatureKnowledgeKey(jcaMaster).getEncoded());
            assertThat(OracleKeys.raw(keys.biometry()))
                    .isEqualTo(factory.generateClientSignatureBiometryKey(jcaMaster).getEncoded());
            assertThat(OracleKeys.raw(keys.transport()))
                    .isEqualTo(factory.generateServerTransportKey(jcaMaster).getEncoded());
            assertThat(OracleKeys.raw(keys.vault()))
                    .isEqualTo(factory.generateServerEncryptedVaultKey(jcaMaster).getEncoded());
        }
    }

    @Test
    void toStringRevealsNoKeyMaterial() {
        ActivationKeys keys = ActivationKeys.derive(SymmetricKey.fromBase64("+miyqJykCZQTNpAzn+ZShw=="));
        String text = keys.toString();
        for (SymmetricKey k : List.of(keys.possession(), keys.knowledge(), keys.biometry(), keys.transport(),
                keys.vault())) {
            byte[] raw = OracleKeys.raw(k);
            assertThat(text).doesNotContain(B64.encode(raw))
                    .doesNotContainIgnoringCase(HexFormat.of().formatHex(raw));
            assertThat(k.toString()).doesNotContain(B64.encode(raw));
        }
        assertThat(text).contains("redacted");
    }

    @Test
    void destroyDestroysAllFiveKeys() {
        ActivationKeys keys = ActivationKeys.derive(SymmetricKey.fromBase64("MAlCYLkgl98rx3qxj8EeBQ=="));
        assertThat(keys.isDestroyed()).isFalse();
        keys.destroy();
        assertThat(keys.isDestroyed()).isTrue();
        assertThat(List.of(keys.possession(), keys.knowledge(), keys.biometry(), keys.transport(), keys.vault()))
                .allMatch(SymmetricKey::isDestroyed);
    }

    private static String b64(SymmetricKey key) {
        return B64.encode(OracleKeys.raw(key));
    }
}
