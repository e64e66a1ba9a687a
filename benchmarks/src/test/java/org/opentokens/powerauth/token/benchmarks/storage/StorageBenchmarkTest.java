package org.opentokens.powerauth.token.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The storage benchmarks touch real entries, and the wipe really removes all 10,000 tokens each time. */
class StorageBenchmarkTest {
    private static final StorageBenchmark BENCHMARK = new StorageBenchmark();

    @Test
    void getsReadTheStoredValuesAndPutsKeepTheEntryCount() throws Exception {
        StorageState state = new StorageState();
        state.backend = Backends.MEMORY;
        state.setUp();
        try {
            for (int i = 0; i < 2 * StorageState.ENTRIES; i++) {
                assertThat(BENCHMARK.get(state)).hasValueSatisfying(v -> assertThat(v.length())
                        .isEqualTo(StorageState.VALUE_BYTES));
                BENCHMARK.put(state);
            }

            assertThat(state.storage.names(state.namespace)).hasSize(StorageState.ENTRIES);
        } finally {
            state.tearDown();
        }
    }

    @Test
    void removeAllLocalTokensWipesEveryStoredTokenAndTheRefillRestoresThem() throws Exception {
        RemoveAllState state = new RemoveAllState();
        state.backend = Backends.MEMORY;
        state.setUp();
        try {
            for (int shot = 0; shot < 2; shot++) {
                state.fill();
                assertThat(state.storedTokens()).isEqualTo(RemoveAllState.TOKENS);

                BENCHMARK.removeAllLocalTokens(state);

                assertThat(state.storedTokens()).isZero();
                assertThat(state.graph.session().current()).as("the activation stays").isPresent();
            }
        } finally {
            state.tearDown();
        }
    }
}
