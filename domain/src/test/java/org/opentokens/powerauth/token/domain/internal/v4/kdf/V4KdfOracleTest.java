package org.opentokens.powerauth.token.domain.internal.v4.kdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wultra.security.powerauth.crypto.client.v4.keyfactory.PowerAuthClientKeyFactory;
import com.wultra.security.powerauth.crypto.lib.v4.kdf.Kdf;
import com.wultra.security.powerauth.crypto.lib.v4.kdf.KeyFactory;
import com.wultra.security.powerauth.crypto.lib.v4.kdf.Kmac;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.v4.V4Oracle;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Kmac256;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.PreparedKmac256;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;

/** KMAC256, the V4 KDF and the key hierarchy against Wultra 2.0.1 ({@code Kmac}, {@code Kdf}, {@code KeyFactory}). */
class V4KdfOracleTest {
    private static final String[] CUSTOMIZATIONS = {Kmac256.PA4KDF, Kmac256.PA4PBKDF, Kmac256.PA4CODE,
        Kmac256.PA4DIGEST, Kmac256.PA4DIGEST_DATA, Kmac256.PA4SH2, Kmac256.PA4MAC_AEAD, Kmac256.PA4MAC_CTR,
        Kmac256.PA4MAC_STATUS, Kmac256.KDF, ""};
    private static final PowerAuthClientKeyFactory CLIENT = new PowerAuthClientKeyFactory();

    @BeforeAll
    static void provider() {
        V4Oracle.ensureProvider();
    }

    @Test
    void kmacMatchesWultraForRandomKeysMessagesCustomizationsAndLengths() throws Exception {
        Random r = new Random(4001);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            // key lengths cross the 136-byte block; messages cross one and two blocks
            byte[] key = V4Oracle.bytes(r, 1 + r.nextInt(PreparedKmac256.MAX_KEY_LENGTH));
            byte[] data = V4Oracle.bytes(r, r.nextInt(400));
            String custom = CUSTOMIZATIONS[r.nextInt(CUSTOMIZATIONS.length)];
            int outLength = 1 + r.nextInt(200);
            byte[] theirs = Kmac.kmac256(key, data, custom.getBytes(StandardCharsets.UTF_8), outLength);
            assertThat(Kmac256.mac(key, data, custom, outLength)).as("case %d", i).isEqualTo(theirs);
        }
    }

    @Test
    void preparedKmacGivesTheSameMacOnEveryUseAndFromEveryThread() throws Exception {
        Random r = new Random(4002);
        byte[] key = V4Oracle.bytes(r, 32);
        PreparedKmac256 prepared = PreparedKmac256.of(key, Kmac256.PA4DIGEST.getBytes(StandardCharsets.UTF_8));
        byte[][] data = new byte[V4Oracle.CASES][];
        byte[][] expected = new byte[V4Oracle.CASES][];
        for (int i = 0; i < data.length; i++) {
            data[i] = V4Oracle.bytes(r, r.nextInt(300));
            expected[i] = Kmac.kmac256(key, data[i], Kmac256.PA4DIGEST.getBytes(StandardCharsets.UTF_8), 32);
            assertThat(prepared.mac(data[i], 32)).as("case %d", i).isEqualTo(expected[i]);
        }
        Thread[] threads = new Thread[4];
        boolean[] ok = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                boolean all = true;
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < data.length; i++) {
                        all &= java.util.Arrays.equals(prepared.mac(data[i], 32), expected[i]);
                    }
                }
                ok[id] = all;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ok).containsOnly(true);
        prepared.destroy();
        assertThatThrownBy(() -> prepared.mac(data[0], 32)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void kdfDeriveMatchesWultraWithAndWithoutDiversifier() throws Exception {
        Random r = new Random(4003);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            byte[] key = V4Oracle.bytes(r, 32);
            String label = randomLabel(r);
            byte[] diversifier = r.nextInt(4) == 0 ? null : V4Oracle.bytes(r, r.nextInt(80));
            int outLength = 16 + r.nextInt(49);
            SecretKey theirs = Kdf.derive(V4Oracle.jca(key), label, diversifier, outLength);
            assertThat(V4Kdf.derive(key, label, diversifier, outLength)).as("case %d", i)
                    .isEqualTo(theirs.getEncoded());
        }
    }

    @Test
    void passwordKdfMatchesWultra() throws Exception {
        Random r = new Random(4004);
        String alphabet = "0123456789abcdefXYZ!@#ěščřžýáíé€";
        for (int i = 0; i < V4Oracle.CASES; i++) {
            StringBuilder password = new StringBuilder();
            for (int n = 1 + r.nextInt(20); n > 0; n--) {
                password.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            byte[] salt = V4Oracle.bytes(r, 32 + r.nextInt(32));
            SecretKey theirs = Kdf.derivePassword(password.toString(), salt, 32);
            assertThat(V4Kdf.derivePassword(password.toString().toCharArray(), salt, 32)).as("case %d", i)
                    .isEqualTo(theirs.getEncoded());
        }
        assertThatThrownBy(() -> V4Kdf.derivePassword("1234".toCharArray(), new byte[31], 32))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4Kdf.derivePassword(new char[0], new byte[32], 32))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> PreparedKmac256.of(new byte[256], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyActivationKeyMatchesWultrasKeyFactories() throws Exception {
        Random r = new Random(4005);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            byte[] secretBytes = V4Oracle.bytes(r, 32);
            SecretKey s = V4Oracle.jca(secretBytes);
            V4SymmetricKey secret = V4SymmetricKey.of(secretBytes);
            expect(V4KeyFactory.possessionKey(secret), CLIENT.generatePossessionFactorKey(s), i);
            expect(V4KeyFactory.knowledgeKey(secret), CLIENT.generateKnowledgeFactorKey(s), i);
            expect(V4KeyFactory.biometryKey(secret), CLIENT.generateBiometryFactorKey(s), i);
            expect(V4KeyFactory.statusMacKey(secret), CLIENT.generateKeyMacStatus(s), i);
            expect(V4KeyFactory.ctrDataMacKey(secret), CLIENT.generateKeyMacCtrData(s), i);
            expect(V4KeyFactory.sharedInfo2Key(secret), CLIENT.generateSharedInfo2Key(s), i);
            expect(V4KeyFactory.devicePrivateKeyKek(secret), CLIENT.generateKeyKekDevicePrivate(s), i);
            expect(V4KeyFactory.activationTemporaryKeyMacKey(secret), CLIENT.generateKeyMacGetActTempKey(s), i);
            expect(V4KeyFactory.personalizedDataMacKey(secret), CLIENT.generateKeyMacPersonalizedData(s), i);
            expect(V4KeyFactory.derive(secret, KeyLabel.VAULT_KDK_APP_VAULT_KNOWLEDGE),
                    KeyFactory.deriveKeyKdkAppVaultKnowledge(s), i);
            expect(V4KeyFactory.derive(secret, KeyLabel.VAULT_KDK_APP_VAULT_2FA),
                    KeyFactory.deriveKeyKdkAppVault2fa(s), i);

            byte[] appSecret = V4Oracle.bytes(r, 16);
            expect(V4KeyFactory.applicationTemporaryKeyMacKey(Base64.getEncoder().encodeToString(appSecret)),
                    CLIENT.generateKeyMacGetAppTempKey(V4Oracle.jca(appSecret)), i);

            byte[] keyContext = V4Oracle.bytes(r, 20 + r.nextInt(40));
            expect(V4Kdf.derive(secret, KeyLabel.AEAD_ENC, keyContext), KeyFactory.deriveKeyAeadEnc(s, keyContext), i);
            expect(V4Kdf.derive(secret, KeyLabel.AEAD_MAC, keyContext), KeyFactory.deriveKeyAeadMac(s, keyContext), i);
        }
    }

    @Test
    void labelsNotUnderTheActivationSecretAreRefused() {
        V4SymmetricKey secret = V4SymmetricKey.of(new byte[32]);
        for (KeyLabel label : new KeyLabel[] {KeyLabel.UTIL_MAC_GET_APP_TEMP_KEY, KeyLabel.AEAD_ENC, KeyLabel.AEAD_MAC}) {
            assertThatThrownBy(() -> V4KeyFactory.derive(secret, label)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void expect(V4SymmetricKey ours, SecretKey theirs, int i) {
        assertThat(V4Oracle.raw(ours)).as("case %d", i).isEqualTo(theirs.getEncoded());
        ours.destroy();
    }

    private static String randomLabel(Random r) {
        KeyLabel[] all = KeyLabel.values();
        if (r.nextBoolean()) {
            return all[r.nextInt(all.length)].label();
        }
        StringBuilder s = new StringBuilder();
        for (int n = r.nextInt(40); n > 0; n--) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }
}
