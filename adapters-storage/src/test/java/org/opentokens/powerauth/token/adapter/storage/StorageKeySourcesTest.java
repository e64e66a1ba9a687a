package org.opentokens.powerauth.token.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

class StorageKeySourcesTest {
    private static final int ITERATIONS = StorageKeySources.MIN_PBKDF2_ITERATIONS;

    @Test
    void aRawKeyMustBe32BytesAndIsCopiedIn() {
        SecretBytes key = TestStorageKeys.randomKey();
        StorageKeySource source = StorageKeySources.rawKey(key);
        SecretBytes expected = source.recoverKey(new byte[0]);

        key.destroy();

        assertThat(source.createKey().key().sameBytesAs(expected)).isTrue();
        assertThatThrownBy(() -> StorageKeySources.rawKey(SecretBytes.copyOf(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source.recoverKey(new byte[1])).isInstanceOf(StorageCorruptException.class);
    }

    @Test
    void aPassphraseKeyIsRecoveredFromItsSaltAndDiffersPerSalt() {
        PassphraseKeySource source = StorageKeySources.passphrase("correct horse".toCharArray(), TestStorageKeys.random(), ITERATIONS);
        StorageKey first = source.createKey();
        StorageKey second = source.createKey();

        assertThat(source.recoverKey(first.parameters()).sameBytesAs(first.key())).isTrue();
        assertThat(first.key().sameBytesAs(second.key())).as("fresh salt, fresh key").isFalse();
        assertThat(ByteBuffer.wrap(first.parameters()).getInt()).isEqualTo(ITERATIONS);
    }

    @Test
    void passphraseParametersAreChecked() {
        PassphraseKeySource source = StorageKeySources.passphrase("pw".toCharArray(), TestStorageKeys.random(), ITERATIONS);
        byte[] hugeCount = ByteBuffer.allocate(20).putInt(Integer.MAX_VALUE).array();

        assertThatThrownBy(() -> source.recoverKey(new byte[3])).isInstanceOf(StorageCorruptException.class);
        assertThatThrownBy(() -> source.recoverKey(hugeCount)).isInstanceOf(StorageCorruptException.class);
        assertThatThrownBy(() -> StorageKeySources.passphrase("pw".toCharArray(), TestStorageKeys.random(), 1000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageKeySources.passphrase(new char[0], TestStorageKeys.random()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDestroyedPassphraseSourceRefusesWork() {
        PassphraseKeySource source = StorageKeySources.passphrase("pw".toCharArray(), TestStorageKeys.random(), ITERATIONS);

        source.destroy();

        assertThat(source.isDestroyed()).isTrue();
        assertThatThrownBy(source::createKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keySourcesAndKeysRedactTheirToString() {
        SecretBytes key = SecretBytes.copyOf(new byte[32]);
        assertThat(StorageKeySources.rawKey(key).toString()).contains("redacted");
        assertThat(StorageKeySources.passphrase("hunter2".toCharArray(), TestStorageKeys.random(), ITERATIONS).toString())
                .contains("redacted").doesNotContain("hunter2");
        assertThat(new StorageKey(key, new byte[0])).hasToString("StorageKey[redacted]");
    }
}
