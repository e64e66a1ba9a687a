package org.opentokens.powerauth.token.domain.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.generator.KeyGenerator;
import io.getlime.security.powerauth.crypto.lib.util.AESEncryptionUtils;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Oracle: KeyGenerator.deriveSecretKeyFromPassword and AES-CBC-NoPadding from AESEncryptionUtils. */
class KnowledgeKeyProtectionTest {
    private static final int CASES = 200;
    private static final byte[] ZERO_IV = new byte[16];

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    @Test
    void passwordKeyMatchesWultraForRandomUnicodePasswordsSaltsAndIterationCounts() throws Exception {
        SecureRandom random = OracleKeys.seeded(31);
        KeyGenerator wultra = new KeyGenerator();
        for (int i = 0; i < CASES; i++) {
            String password = randomPassword(random, i);
            byte[] salt = bytes(random, 16);
            int iterations = 1 + random.nextInt(64);

            SymmetricKey ours = KnowledgeKeyProtection.deriveFromPassword(password.toCharArray(), salt, iterations);

            assertThat(OracleKeys.raw(ours))
                    .as("password #%d", i)
                    .isEqualTo(wultra.deriveSecretKeyFromPassword(password, salt, iterations).getEncoded());
        }
    }

    @Test
    void protectUsesTenThousandIterationsByDefaultLikeWultra() throws Exception {
        SecureRandom random = OracleKeys.seeded(32);
        KeyGenerator wultra = new KeyGenerator();
        AESEncryptionUtils aes = new AESEncryptionUtils();
        for (int i = 0; i < 5; i++) {
            String password = randomPassword(random, i);
            byte[] salt = bytes(random, 16);
            SymmetricKey knowledge = SymmetricKey.of(bytes(random, 16));
            SecretKey theirKey = wultra.deriveSecretKeyFromPassword(password, salt);

            byte[] ours = KnowledgeKeyProtection.protect(knowledge, password.toCharArray(), salt);

            assertThat(ours).isEqualTo(aes.encrypt(OracleKeys.raw(knowledge), ZERO_IV, theirKey, "AES/CBC/NoPadding"));
            assertThat(KnowledgeKeyProtection.unprotect(ours, password.toCharArray(), salt).sameKeyAs(knowledge))
                    .isTrue();
        }
    }

    @Test
    void protectAndUnprotectInteroperateWithWultraAesInBothDirections() throws Exception {
        SecureRandom random = OracleKeys.seeded(33);
        KeyGenerator wultra = new KeyGenerator();
        AESEncryptionUtils aes = new AESEncryptionUtils();
        for (int i = 0; i < CASES; i++) {
            String password = randomPassword(random, i);
            byte[] salt = bytes(random, 16);
            int iterations = 1 + random.nextInt(32);
            SymmetricKey knowledge = SymmetricKey.of(bytes(random, 16));
            SecretKey theirKey = wultra.deriveSecretKeyFromPassword(password, salt, iterations);

            byte[] ours = KnowledgeKeyProtection.protect(knowledge, password.toCharArray(), salt, iterations);
            byte[] theirs = aes.encrypt(OracleKeys.raw(knowledge), ZERO_IV, theirKey, "AES/CBC/NoPadding");

            assertThat(ours).hasSize(16).isEqualTo(theirs);
            assertThat(aes.decrypt(ours, ZERO_IV, theirKey, "AES/CBC/NoPadding")).isEqualTo(OracleKeys.raw(knowledge));
            SymmetricKey back = KnowledgeKeyProtection.unprotect(theirs, password.toCharArray(), salt, iterations);
            assertThat(back.sameKeyAs(knowledge)).isTrue();
        }
    }

    @Test
    void wrongPasswordSilentlyYieldsAWrongKey() {
        SecureRandom random = OracleKeys.seeded(34);
        for (int i = 0; i < 50; i++) {
            byte[] salt = bytes(random, 16);
            SymmetricKey knowledge = SymmetricKey.of(bytes(random, 16));
            byte[] protectedKey = KnowledgeKeyProtection.protect(knowledge, "1234".toCharArray(), salt, 10);

            SymmetricKey wrong = KnowledgeKeyProtection.unprotect(protectedKey, ("4321" + i).toCharArray(), salt, 10);

            assertThat(wrong.sameKeyAs(knowledge)).isFalse();
        }
    }

    @Test
    void leavesThePasswordArrayUntouched() {
        char[] password = "correct horse".toCharArray();
        KnowledgeKeyProtection.protect(SymmetricKey.of(new byte[16]), password, new byte[16], 2);
        assertThat(password).containsExactly("correct horse".toCharArray());
    }

    @Test
    void rejectsSaltOfWrongLength() {
        SymmetricKey k = SymmetricKey.of(new byte[16]);
        assertThatThrownBy(() -> KnowledgeKeyProtection.protect(k, "1".toCharArray(), new byte[15]))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> KnowledgeKeyProtection.unprotect(new byte[16], "1".toCharArray(), new byte[17]))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void rejectsProtectedKeyOfWrongLength() {
        assertThatThrownBy(() -> KnowledgeKeyProtection.unprotect(new byte[15], "1".toCharArray(), new byte[16], 1))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> KnowledgeKeyProtection.unprotect(new byte[32], "1".toCharArray(), new byte[16], 1))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void rejectsIterationCountBelowOne() {
        assertThatThrownBy(() -> KnowledgeKeyProtection.deriveFromPassword("1".toCharArray(), new byte[16], 0))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void rejectsEmptyPasswordLikeWultra() {
        assertThatThrownBy(() -> new KeyGenerator().deriveSecretKeyFromPassword("", new byte[16], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KnowledgeKeyProtection.deriveFromPassword(new char[0], new byte[16], 1))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void rejectsPasswordWithUnpairedSurrogate() {
        char[] password = {'1', '\uD800', '2'};
        assertThatThrownBy(() -> KnowledgeKeyProtection.deriveFromPassword(password, new byte[16], 1))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageNotContaining("1\uD8002");
    }

    static String randomPassword(SecureRandom random, int caseIndex) {
        int length = 1 + random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < length; j++) {
            switch ((caseIndex + j) % 5) {
                case 0 -> sb.append((char) ('0' + random.nextInt(10)));
                case 1 -> sb.append((char) (0x20 + random.nextInt(0x5F)));
                case 2 -> sb.append((char) (0xA0 + random.nextInt(0x160)));
                case 3 -> sb.append((char) (0x4E00 + random.nextInt(0x5000)));
                default -> sb.appendCodePoint(0x1F600 + random.nextInt(0x50));
            }
        }
        return sb.toString();
    }

    static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
