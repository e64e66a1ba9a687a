package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link RandomSource} passes: production ({@link RandomSource#of}) and every test double.
 * Extend it and implement {@link #create()}; a source that repeats values on purpose overrides
 * {@link #producesDistinctValues()}.
 */
public abstract class RandomSourceContract {
    private static final int THREADS = 8;
    private static final int DRAWS_PER_THREAD = 500;

    /** @return a fresh source under test */
    protected abstract RandomSource create();

    /** @return whether consecutive draws differ; a fixed-bytes double returns {@code false} */
    protected boolean producesDistinctValues() {
        return true;
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 16, 1024})
    protected void returnsExactlyTheRequestedLength(int length) {
        assertThat(create().nextBytes(length)).hasSize(length);
    }

    @Test
    protected void rejectsNegativeLength() {
        RandomSource source = create();

        assertThatThrownBy(() -> source.nextBytes(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    protected void returnsAFreshArrayEachTime() {
        RandomSource source = create();
        byte[] first = source.nextBytes(16);
        byte[] copy = first.clone();

        byte[] second = source.nextBytes(16);
        first[0] ^= 0x55;

        assertThat(second).isNotSameAs(first);
        assertThat(source.nextBytes(0)).isNotSameAs(source.nextBytes(0));
        if (!producesDistinctValues()) {
            assertThat(second).isEqualTo(copy);
        }
    }

    @Test
    protected void suppliesAUsableSecureRandom() {
        RandomSource source = create();

        byte[] bytes = new byte[32];
        source.secureRandom().nextBytes(bytes);

        assertThat(source.secureRandom()).isNotNull();
        assertThat(bytes).hasSize(32);
    }

    @Test
    protected void consecutiveDrawsDiffer() {
        Assumptions.assumeTrue(producesDistinctValues(), "this source repeats values on purpose");
        RandomSource source = create();

        Set<ByteBuffer> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(ByteBuffer.wrap(source.nextBytes(16)));
        }

        assertThat(seen).hasSize(100);
    }

    @Test
    protected void isSafeUnderConcurrentUse() throws Exception {
        RandomSource source = create();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<byte[]>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<byte[]> draws = new ArrayList<>();
                    for (int i = 0; i < DRAWS_PER_THREAD; i++) {
                        draws.add(i % 2 == 0 ? source.nextBytes(16) : drawFromSecureRandom(source));
                    }
                    return draws;
                }));
            }
            start.countDown();

            Set<ByteBuffer> all = new HashSet<>();
            int count = 0;
            for (Future<List<byte[]>> f : futures) {
                for (byte[] draw : f.get(60, TimeUnit.SECONDS)) {
                    assertThat(draw).hasSize(16);
                    all.add(ByteBuffer.wrap(draw));
                    count++;
                }
            }
            assertThat(count).isEqualTo(THREADS * DRAWS_PER_THREAD);
            if (producesDistinctValues()) {
                assertThat(all).hasSize(count);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] drawFromSecureRandom(RandomSource source) {
        byte[] bytes = new byte[16];
        source.secureRandom().nextBytes(bytes);
        return bytes;
    }
}
