package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.adapter.storage.PassphraseKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKey;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.RandomSource;

/** A new store's key is derived once, not once to create the file and again to open it. */
class TrackedKeySourceTest {

    /** Counts the derivations of a real passphrase source. */
    private static final class Counting implements StorageKeySource {
        final AtomicInteger derivations = new AtomicInteger();
        final PassphraseKeySource passphrase = StorageKeySources.passphrase("pass".toCharArray(),
                RandomSource.of(new java.security.SecureRandom()), StorageKeySources.MIN_PBKDF2_ITERATIONS);

        @Override
        public String method() {
            return passphrase.method();
        }

        @Override
        public StorageKey createKey() {
            derivations.incrementAndGet();
            return passphrase.createKey();
        }

        @Override
        public SecretBytes recoverKey(byte[] parameters) {
            derivations.incrementAndGet();
            return passphrase.recoverKey(parameters);
        }
    }

    @Test
    void theCreatedKeyAnswersTheFirstRecoveryUntilItIsForgotten() {
        Counting source = new Counting();
        TrackedKeySource tracked = new TrackedKeySource(source);

        StorageKey created = tracked.createKey();
        SecretBytes recovered = tracked.recoverKey(created.parameters());

        assertThat(source.derivations).hasValue(1);
        assertThat(recovered.sameBytesAs(created.key())).isTrue();
        assertThat(tracked.created()).isTrue();

        tracked.forgetCreatedKey();
        SecretBytes again = tracked.recoverKey(created.parameters());
        assertThat(source.derivations).hasValue(2);
        assertThat(again.sameBytesAs(created.key())).isTrue();
    }

    @Test
    void otherParametersAndDiscardedKeysGoToTheSource() {
        Counting source = new Counting();
        TrackedKeySource tracked = new TrackedKeySource(source);
        StorageKey other = source.passphrase.createKey();
        StorageKey created = tracked.createKey();

        tracked.recoverKey(other.parameters());
        assertThat(source.derivations).hasValue(2);

        tracked.discardKey(created.parameters());
        tracked.recoverKey(created.parameters());
        assertThat(source.derivations).hasValue(3);
        assertThat(tracked.created()).isFalse();
    }
}
