package org.opentokens.powerauth.token.domain.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.lib.generator.KeyGenerator;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import io.getlime.security.powerauth.crypto.lib.util.SignatureUtils;
import java.security.PublicKey;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPrivateKey;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/**
 * Oracle for what the vault's keys are used for: {@code fetchEncryptionKey}'s derivation equals Wultra's
 * {@code KeyGenerator.deriveSecretKey}, and device-key signatures verify with Wultra's
 * {@code SignatureUtils.validateECDSASignature} (the server's check), for keys of every encoded length.
 */
class VaultUseOracleTest {
    private static final int CASES = 200;

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    @Test
    void derivedEncryptionKeysMatchWultra() throws Exception {
        SecureRandom random = OracleKeys.seeded(51);
        KeyGenerator generator = new KeyGenerator();
        for (int i = 0; i < CASES; i++) {
            SymmetricKey vault = SymmetricKey.of(KnowledgeKeyProtectionTest.bytes(random, 16));
            long index = i % 3 == 0 ? random.nextLong() : i;

            byte[] ours = DeviceKeyVault.deriveEncryptionKey(vault, index);

            // Wultra's index encoding (PowerAuthDerivedKey.getIndex): 8 zero bytes, then the index big-endian.
            byte[] wultraIndex = java.nio.ByteBuffer.allocate(16).putLong(0).putLong(index).array();
            SecretKey theirs = generator.deriveSecretKey(OracleKeys.jca(vault), wultraIndex);
            assertThat(ours).isEqualTo(new KeyConvertor().convertSharedSecretKeyToBytes(theirs));
        }
    }

    @Test
    void deviceSignaturesVerifyWithWultraAndOnlyForTheirData() throws Exception {
        SecureRandom random = OracleKeys.seeded(52);
        SignatureUtils wultra = new SignatureUtils();
        KeyConvertor convertor = new KeyConvertor();
        for (int i = 0; i < CASES; i++) {
            EcPrivateKey key = OracleKeys.randomScalar(random, i);
            byte[] data = KnowledgeKeyProtectionTest.bytes(random, i % 70);
            PublicKey publicKey = convertor.convertBytesToPublicKey(key.publicKey().uncompressed());

            byte[] signature = P256.signDer(key, data);

            assertThat(wultra.validateECDSASignature(data, signature, publicKey)).isTrue();
            P256.verifyDer(key.publicKey(), data, signature);
            byte[] other = data.clone();
            other = other.length == 0 ? new byte[] {1} : other;
            other[0] ^= 1;
            assertThat(wultra.validateECDSASignature(other, signature, publicKey)).isFalse();
        }
    }
}
