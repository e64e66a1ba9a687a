package org.opentokens.powerauth.token.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Drives one fuzz target of the reliability suite: draws inputs from {@link FuzzInputs} with a seeded
 * {@link Random}, feeds each to the target, and sorts every outcome into accepted, a typed
 * error (an exception of one of the allowed types) or an untyped error (anything else, including an
 * {@link AssertionError} from an invariant check). The run's figure is recorded through
 * {@link Reliability#record}.
 *
 * <p>The seed comes from {@code -Dfuzz.seed} when set, so a failing run can be repeated; otherwise it is fresh
 * and printed with the figure and with every untyped failure.
 *
 * @param <T> the input type
 */
public final class Fuzz<T> {
    private static final int KEPT_FAILURES = 5;

    private final String target;
    private final FuzzInputs<T> inputs;
    private final Set<Class<? extends Throwable>> allowed;
    private Function<T, String> describe = String::valueOf;

    private Fuzz(String target, FuzzInputs<T> inputs, Set<Class<? extends Throwable>> allowed) {
        this.target = target;
        this.inputs = inputs;
        this.allowed = allowed;
    }

    /**
     * @param target the name of the fuzz target, e.g. {@code "fuzz: token header parser"}
     * @param inputs where inputs come from
     * @param allowed the typed errors the target may throw; subclasses count as the class itself
     * @param <T> the input type
     * @return a runner
     */
    @SafeVarargs
    public static <T> Fuzz<T> target(String target, FuzzInputs<T> inputs, Class<? extends Throwable>... allowed) {
        return new Fuzz<>(Objects.requireNonNull(target), Objects.requireNonNull(inputs), Set.of(allowed));
    }

    /**
     * @param describe how to print an input in a failure report (never used for passing inputs)
     * @return this
     */
    public Fuzz<T> describedBy(Function<T, String> describe) {
        this.describe = Objects.requireNonNull(describe);
        return this;
    }

    /**
     * Runs {@code count} inputs and records the figure.
     *
     * @param count how many inputs to run
     * @param action the target; returns normally when it accepts the input
     * @return the report
     */
    public FuzzReport run(long count, InputAction<T> action) {
        long seed = Long.getLong("fuzz.seed", new Random().nextLong());
        Random random = new Random(seed);
        long accepted = 0;
        long untypedCount = 0;
        Map<String, Long> typed = new HashMap<>();
        List<String> untyped = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            T input = inputs.next(random);
            try {
                action.accept(input);
                accepted++;
            } catch (Throwable t) {
                Class<? extends Throwable> type = allowedType(t);
                if (type != null) {
                    typed.merge(t.getClass().getSimpleName(), 1L, Long::sum);
                } else {
                    untypedCount++;
                    if (untyped.size() < KEPT_FAILURES) {
                        untyped.add(describeFailure(i, t, input));
                    }
                }
            }
        }
        FuzzReport report = new FuzzReport(target, seed, count, accepted, Map.copyOf(typed), untypedCount,
                List.copyOf(untyped));
        Reliability.record(target, report.figure());
        return report;
    }

    private Class<? extends Throwable> allowedType(Throwable t) {
        if (t instanceof Error) {
            return null;
        }
        for (Class<? extends Throwable> type : allowed) {
            if (type.isInstance(t)) {
                return type;
            }
        }
        return null;
    }

    private String describeFailure(long index, Throwable t, T input) {
        StringBuilder text = new StringBuilder("input #").append(index).append(": ").append(t);
        for (StackTraceElement frame : t.getStackTrace()) {
            if (text.length() > 1500) {
                break;
            }
            text.append("\n    at ").append(frame);
        }
        if (t.getCause() != null) {
            text.append("\n  caused by ").append(t.getCause());
        }
        String shown;
        try {
            shown = describe.apply(input);
        } catch (RuntimeException e) {
            shown = "(cannot describe: " + e + ")";
        }
        return text.append("\n  input: ").append(shown.length() > 2000 ? shown.substring(0, 2000) + "..." : shown)
                .toString();
    }

    /**
     * A fuzz target's action on one input.
     *
     * @param <T> the input type
     */
    @FunctionalInterface
    public interface InputAction<T> {
        /**
         * @param input the input
         * @throws Exception whatever the target throws; sorted by the runner
         */
        void accept(T input) throws Exception;
    }
}
