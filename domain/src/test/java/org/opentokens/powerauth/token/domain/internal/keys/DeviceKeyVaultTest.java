package org.opentokens.powerauth.token.domain.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.client.vault.PowerAuthClientVault;
import io.getlime.security.powerauth.crypto.lib.generator.KeyGenerator;
import io.getlime.security.powerauth.crypto.lib.util.AESEncryptionUtils;
import io.getlime.security.powerauth.crypto.server.vault.PowerAuthServerVault;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPrivateKey;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Oracle: PowerAuthClientVault (both directions) and PowerAuthServerVault for the vault key. */
class DeviceKeyVaultTest {
    private static final int CASES = 300;
    private static final byte[] ZERO_IV = new byte[16];

    private final PowerAuthClientVault wultra = new PowerAuthClientVault();
    private final AESEncryptionUtils aes = new AESEncryptionUtils();

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    @Test
    void wultraDecryptsOurEncryptedPrivateKeysIncludingSignedAndShortScalarEncodings() throws Exception {
        SecureRandom random = OracleKeys.seeded(41);
        for (int i = 0; i < CASES; i++) {
            EcPrivateKey key = OracleKeys.randomScalar(random, i);
            SymmetricKey vault = SymmetricKey.of(KnowledgeKeyProtectionTest.bytes(random, 16));

            byte[] ours = DeviceKeyVault.encryptDevicePrivateKey(key, vault);

            PrivateKey theirs = wultra.decryptDevicePrivateKey(ours, OracleKeys.jca(vault));
            assertThat(OracleKeys.scalar(theirs)).isEqualTo(OracleKeys.scalar(key));
            assertThat(ours).isEqualTo(wultra.encryptDevicePrivateKey(OracleKeys.jca(key), OracleKeys.jca(vault)));
        }
    }

    @Test
    void weDecryptPrivateKeysWultraEncrypted() throws Exception {
        SecureRandom random = OracleKeys.seeded(42);
        KeyGenerator generator = new KeyGenerator();
        for (int i = 0; i < CASES; i++) {
            PrivateKey theirKey = i % 2 == 0 ? generator.generateKeyPair().getPrivate()
                    : OracleKeys.jca(OracleKeys.randomScalar(random, i / 2));
            SymmetricKey vault = SymmetricKey.of(KnowledgeKeyProtectionTest.bytes(random, 16));
            byte[] encrypted = wultra.encryptDevicePrivateKey(theirKey, OracleKeys.jca(vault));

            EcPrivateKey ours = DeviceKeyVault.decryptDevicePrivateKey(encrypted, vault);

            assertThat(OracleKeys.scalar(ours)).isEqualTo(OracleKeys.scalar(theirKey));
        }
    }

    @Test
    void decryptsTheVaultKeyTheServerEncryptedWithTheTransportKey() throws Exception {
        SecureRandom random = OracleKeys.seeded(43);
        KeyGenerator generator = new KeyGenerator();
        PowerAuthServerVault server = new PowerAuthServerVault();
        for (int i = 0; i < CASES; i++) {
            EcPrivateKey device = P256.generateKeyPair(random).privateKey();
            KeyPair serverPair = generator.generateKeyPair();
            byte[] encrypted = server.encryptVaultEncryptionKey(serverPair.getPrivate(),
                    OracleKeys.jca(device.publicKey()));
            ActivationKeys keys = ActivationKeys.derive(
                    MasterSecret.compute(device, OracleKeys.ours(serverPair.getPublic())));

            SymmetricKey vault = DeviceKeyVault.decryptVaultEncryptionKey(encrypted, keys.transport());

            assertThat(vault.sameKeyAs(keys.vault())).isTrue();
            SecretKey theirs = wultra.decryptVaultEncryptionKey(encrypted, OracleKeys.jca(keys.transport()));
            assertThat(OracleKeys.raw(vault)).isEqualTo(theirs.getEncoded());
        }
    }

    @Test
    void rejectsCiphertextOfWrongLength() {
        SymmetricKey key = SymmetricKey.of(new byte[16]);
        for (int len : new int[] {0, 1, 15, 17, 31}) {
            assertThatThrownBy(() -> DeviceKeyVault.decryptDevicePrivateKey(new byte[len], key))
                    .isInstanceOf(MalformedDataException.class);
            assertThatThrownBy(() -> DeviceKeyVault.decryptVaultEncryptionKey(new byte[len], key))
                    .isInstanceOf(MalformedDataException.class);
        }
    }

    @Test
    void rejectsBadPaddingWithTypedCryptoFailure() throws Exception {
        SymmetricKey key = SymmetricKey.of(new byte[16]);
        byte[] badPadding = new byte[32];
        badPadding[31] = 0;
        byte[] encrypted = aes.encrypt(badPadding, ZERO_IV, OracleKeys.jca(key), "AES/CBC/NoPadding");
        assertThatThrownBy(() -> DeviceKeyVault.decryptDevicePrivateKey(encrypted, key))
                .isInstanceOfSatisfying(CryptoFailureException.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoFailureException.Reason.BAD_PADDING));
        assertThatThrownBy(() -> DeviceKeyVault.decryptVaultEncryptionKey(encrypted, key))
                .isInstanceOfSatisfying(CryptoFailureException.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoFailureException.Reason.BAD_PADDING));
    }

    @Test
    void rejectsDecryptedPlaintextThatIsNotAScalarOrKey() throws Exception {
        SymmetricKey key = SymmetricKey.of(new byte[16]);
        SecretKey jca = OracleKeys.jca(key);
        byte[] tooLong = new byte[34];
        tooLong[33] = 1;
        byte[] badLead = new byte[33];
        badLead[0] = 1;
        byte[] zero = new byte[32];
        byte[] negativeShort = {(byte) 0x80, 1, 2};
        for (byte[] plain : new byte[][] {tooLong, badLead, zero, negativeShort, new byte[0]}) {
            byte[] encrypted = aes.encrypt(plain, ZERO_IV, jca);
            assertThatThrownBy(() -> DeviceKeyVault.decryptDevicePrivateKey(encrypted, key))
                    .isInstanceOf(MalformedDataException.class);
        }
        for (int len : new int[] {0, 15, 17, 32}) {
            byte[] encrypted = aes.encrypt(new byte[len], ZERO_IV, jca);
            assertThatThrownBy(() -> DeviceKeyVault.decryptVaultEncryptionKey(encrypted, key))
                    .isInstanceOf(MalformedDataException.class);
        }
    }

    @Test
    void errorMessagesRevealNoKeyMaterial() throws Exception {
        SymmetricKey key = SymmetricKey.of(KnowledgeKeyProtectionTest.bytes(OracleKeys.seeded(44), 16));
        byte[] encrypted = aes.encrypt(new byte[20], ZERO_IV, OracleKeys.jca(key));
        assertThatThrownBy(() -> DeviceKeyVault.decryptVaultEncryptionKey(encrypted, key))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageNotContaining(java.util.Base64.getEncoder().encodeToString(OracleKeys.raw(key)))
                .hasMessageNotContaining(java.util.HexFormat.of().formatHex(OracleKeys.raw(key)));
    }
}
