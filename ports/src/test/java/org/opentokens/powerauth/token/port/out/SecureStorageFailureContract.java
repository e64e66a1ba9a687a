package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.ofText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentokens.powerauth.token.domain.error.StorageException;

/**
 * Typed failures of a {@link SecureStorage}: "unavailable", "locked" and "corrupt" as the adapter can stage
 * them for real (a missing keychain library, a locked collection, a damaged file, a wrong key). An adapter
 * test implements this interface next to {@link SecureStorageContract} and lists its scenarios; an adapter
 * that cannot fail this way (the in-memory one) does not implement it.
 *
 * <p>For each scenario, either opening throws the expected type, or every method of the opened storage that
 * reads or writes the backend does ({@link SecureStorage#exclusive} may not touch it). No message may contain
 * the value or the name being written.
 */
public interface SecureStorageFailureContract {
    /** Text of the value and the name the scenario tests try to write; must never show in a message. */
    String PROBE_TEXT = "probe-secret-7d3f0c";

    /** @return the scenarios this adapter can stage; at least one */
    List<StorageFailureScenario> failureScenarios();

    @TestFactory
    default Stream<DynamicTest> everyCallFailsWithTheTypedException() {
        List<StorageFailureScenario> scenarios = failureScenarios();
        assertThat(scenarios).as("failure scenarios").isNotEmpty();
        return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> check(scenario)));
    }

    private static void check(StorageFailureScenario scenario) throws Exception {
        SecureStorage storage;
        try {
            storage = scenario.opener().open();
        } catch (StorageException e) {
            assertTyped(scenario, "open", e);
            return;
        }
        StorageNamespace ns = StorageNamespace.of("failure-contract");
        Map<String, Consumer<SecureStorage>> calls = new LinkedHashMap<>();
        calls.put("get", s -> s.get(ns, PROBE_TEXT));
        calls.put("put", s -> s.put(ns, PROBE_TEXT, ofText(PROBE_TEXT)));
        calls.put("putAll", s -> s.putAll(ns, Map.of(PROBE_TEXT, ofText(PROBE_TEXT), "other", ofText(PROBE_TEXT))));
        calls.put("delete", s -> s.delete(ns, PROBE_TEXT));
        calls.put("deleteAll(names)", s -> s.deleteAll(ns, List.of(PROBE_TEXT)));
        calls.put("deleteAll", s -> s.deleteAll(ns));
        calls.put("names", s -> s.names(ns));
        calls.put("version", s -> s.version(ns));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Consumer<SecureStorage>> call : calls.entrySet()) {
            Throwable thrown = catchThrowable(() -> call.getValue().accept(storage));
            if (thrown == null) {
                failures.add(call.getKey() + " did not throw");
                continue;
            }
            assertTyped(scenario, call.getKey(), thrown);
        }
        assertThat(failures).as("calls in scenario '%s'", scenario.name()).isEmpty();
    }

    private static void assertTyped(StorageFailureScenario scenario, String call, Throwable thrown) {
        assertThat(thrown).as("%s in scenario '%s'", call, scenario.name()).isInstanceOf(scenario.expected());
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getName())
                    .doesNotContain(PROBE_TEXT);
        }
    }
}
