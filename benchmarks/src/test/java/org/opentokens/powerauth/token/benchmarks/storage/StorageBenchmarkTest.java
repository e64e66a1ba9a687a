package org.opentokens.powerauth.token.benchmarks.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The storage benchmarks touch real entries, and the wipe really removes all 10,000 tokens each time. */
class StorageBenchmarkTest {
    private static final StorageBenchmark BENCHMARK = new StorageBenchmark();

    @ParameterizedTest
    @ValueSource(strings = {Backends.MEMORY, Backends.SQLITE})
    void getsReadTheStoredValuesAndPutsKeepTheEntryCount(String backend) throws Exception {
        StorageState state = new StorageState();
        state.backend = backend;
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

    @ParameterizedTest
    @ValueSource(strings = {Backends.MEMORY, Backends.SQLITE})
    void removeAllLocalTokensWipesEveryStoredTokenAndTheRefillRestoresThem(String backend) throws Exception {
        RemoveAllState state = new RemoveAllState();
        state.backend = backend;
        state.setUp();
        try {
            for (int shot = 0; shot < 2; shot++) {
                state.fill();
                assertThat(state.storedTokens()).isEqualTo(RemoveAllState.TOKENS);

                BENCHMARK.removeAllLocalTokens(state);

                assertThat(state.storedTokens()).isZero();
                assertThat(state.graph.state().snapshot().activation()).as("the activation stays").isPresent();
            }
        } finally {
            state.tearDown();
        }
    }
}
