package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The production path for multi-threaded hosts: {@link RandomSource#perThread} over real JDK generators. */
class PerThreadRandomSourceTest extends RandomSourceContract {

    @Override
    protected RandomSource create() {
        return RandomSource.perThread(PerThreadRandomSourceTest::sha1Prng);
    }

    @Test
    void keepsOneGeneratorPerThread() throws Exception {
        RandomSource source = create();
        SecureRandom mine = source.secureRandom();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            SecureRandom theirs = CompletableFuture.supplyAsync(source::secureRandom, other).get(10, TimeUnit.SECONDS);
            SecureRandom theirsAgain = CompletableFuture.supplyAsync(source::secureRandom, other)
                    .get(10, TimeUnit.SECONDS);

            assertThat(source.secureRandom()).isSameAs(mine);
            assertThat(theirs).isNotSameAs(mine).isSameAs(theirsAgain);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void createsAGeneratorOnlyOnAThreadsFirstDraw() {
        AtomicInteger created = new AtomicInteger();
        RandomSource source = RandomSource.perThread(() -> {
            created.incrementAndGet();
            return sha1Prng();
        });

        assertThat(created).hasValue(0);
        source.nextBytes(16);
        source.nextBytes(16);
        source.secureRandom();

        assertThat(created).hasValue(1);
    }

    @Test
    void rejectsANullFactory() {
        assertThatThrownBy(() -> RandomSource.perThread(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejectsAFactoryThatReturnsNothing() {
        RandomSource source = RandomSource.perThread(() -> null);

        assertThatThrownBy(() -> source.nextBytes(16)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("factory");
    }

    @Test
    void toStringNamesNoGeneratorState() {
        assertThat(create()).hasToString("RandomSource[per thread]");
    }

    private static SecureRandom sha1Prng() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
