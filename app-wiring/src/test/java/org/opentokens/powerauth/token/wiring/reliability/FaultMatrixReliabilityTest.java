package org.opentokens.powerauth.token.wiring.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.testkit.EmulatorGate;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * Every fault on every endpoint the client calls, over real HTTP: the caller gets the typed error (measured
 * against the configured request timeout), no client thread outlives the closed client, storage is as before
 * (a signed call keeps only its counter step), and the counter is consistent afterwards: a status call and then a
 * signed token create succeed with a fresh client, and the new token's header is accepted.
 */
@Tag("reliability")
class FaultMatrixReliabilityTest {
    /** The request timeout of the clients that meet a timeout or a slow body (which must outlast it). */
    static final Duration FAULT_TIMEOUT = Duration.ofMillis(1000);
    /** The request timeout of the other clients and of set-up and checks: generous, for a loaded machine. */
    private static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(10);
    private static final int ROUNDS = org.opentokens.powerauth.token.testing.Reliability.pick(1, 3);
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final AtomicLong MAX_ELAPSED_MS = new AtomicLong();
    private static final AtomicLong MAX_ELAPSED_OTHER_MS = new AtomicLong();
    private static final AtomicInteger THREADS_CHECKED = new AtomicInteger();
    private static ReliabilityBed bed;
    private static ThreadCensus classCensus;

    @BeforeAll
    static void start() {
        classCensus = ThreadCensus.take();
        bed = new ReliabilityBed();
    }

    /** The closed clients stay referenced by the bed, as a host may keep them; still no thread of theirs lives. */
    @AfterAll
    static void report() {
        bed.close();
        List<String> leftovers = classCensus.leftovers(name -> true, true);
        int httpThreads = classCensus.started();
        assertThat(leftovers).as("client-side threads alive after every client closed").isEmpty();
        assertThat(CASES.get()).isEqualTo(expectedCases());
        org.opentokens.powerauth.token.testing.Reliability.record("faults: every endpoint x every fault",
                CASES.get() + " cases (" + Target.values().length + " endpoints, " + ROUNDS + " rounds), all typed;"
                        + " max elapsed " + MAX_ELAPSED_MS.get() + " ms for timeouts and slow bodies against a "
                        + FAULT_TIMEOUT.toMillis() + " ms request timeout, " + MAX_ELAPSED_OTHER_MS.get()
                        + " ms for the other faults; " + THREADS_CHECKED.get() + " client worker threads, 0 alive after"
                        + " each close; " + httpThreads + " client-side threads (JDK HTTP included) still present"
                        + " at the end of the class, 0 alive after a GC and a bounded join; storage unchanged and counter consistent after each");
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Target target : Target.values()) {
                for (FaultKind kind : target.faults()) {
                    cases.add(Arguments.of(target, kind));
                }
            }
        }
        return cases.stream();
    }

    private static int expectedCases() {
        return Stream.of(Target.values()).mapToInt(t -> t.faults().size()).sum() * ROUNDS;
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void aFaultGivesATypedErrorInTimeLeaksNoThreadChangesNothingStoredAndTheCounterStaysConsistent(Target target,
            FaultKind kind) throws InterruptedException {
        bed.emulator.faults().clear();
        String instance = "f" + INSTANCES.incrementAndGet();
        prepare(instance, target);
        Map<String, SecretBytes> before = bed.snapshot(instance);
        ThreadCensus census = ThreadCensus.take();
        boolean waits = kind == FaultKind.TIMEOUT || kind == FaultKind.SLOW_BODY;
        PowerAuthClient faulty = bed.client(bed.config(instance, waits ? FAULT_TIMEOUT : NORMAL_TIMEOUT)
                .maxResponseBytes(FaultKind.RESPONSE_CAP).build());
        String code = target == Target.ACTIVATION_CREATE ? bed.emulator.initActivation(bed.application)
                .activationCode() : null;

        EmulatorGate gate = kind.inject(bed.emulator.faults(), target.path());
        long start = System.nanoTime();
        Throwable failure;
        try {
            failure = attempt(target, faulty, code);
        } finally {
            if (gate != null && !gate.hasArrived()) {
                gate.drop();
            }
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        (waits ? MAX_ELAPSED_MS : MAX_ELAPSED_OTHER_MS).accumulateAndGet(elapsed, Math::max);

        assertThat(bed.emulator.faults().pending()).as("the fault fired").isZero();
        if (gate != null) {
            assertThat(gate.hasArrived()).as("the request was held at the server when the client gave up").isTrue();
            gate.drop();
        }
        if (target == Target.TOKEN_REMOVE && kind.expected() == ServerUnreachableException.class) {
            // An unreachable server: removed locally all the same, the server-side removal owed (a tombstone).
            assertThat(failure).as("%s on %s", kind, target).isNull();
            assertThat(faulty.tokenStore().hasLocalToken("kept")).isFalse();
            assertThat(faulty.tokenStore().pendingRemovalCount()).isEqualTo(1);
        } else {
            Throwable typed = target == Target.SERVER_STATUS ? unwrapTimeSync(failure) : failure;
            assertThat(typed).as("%s on %s", kind, target).isInstanceOf(kind.expected());
            StorageCheck.assertUnchanged(before, bed.snapshot(instance),
                    target.signed() && target != Target.KEYSTORE);
        }
        faulty.close();
        List<String> leftovers = census.leftovers(ThreadCensus.HTTP_CLIENT.negate(), false);
        assertThat(leftovers).as("client threads alive after close").isEmpty();
        THREADS_CHECKED.addAndGet(census.started());
        Consistency.assertCarriesOn(bed, instance, target);
        CASES.incrementAndGet();
    }

    private static void prepare(String instance, Target target) {
        if (target == Target.ACTIVATION_CREATE) {
            return;
        }
        PowerAuthClient setup = bed.client(bed.config(instance, NORMAL_TIMEOUT).build());
        bed.activate(setup);
        setup.tokenStore().requestAccessToken("kept", PowerAuthAuthentication.possession()).join();
        setup.close();
        if (target == Target.SERVER_STATUS) {
            // without the stored offset, the faulty client's header needs the status call the fault hits
            bed.storage.delete(StorageNamespace.of(instance), InstanceStore.TIME_OFFSET_ENTRY);
        }
    }

    private static Throwable attempt(Target target, PowerAuthClient client, String code) {
        return switch (target) {
            case SERVER_STATUS -> {
                try {
                    client.tokenStore().generateHeaderForToken("kept");
                    throw new AssertionError("the header was generated without time synchronization");
                } catch (TimeNotSynchronizedException e) {
                    yield e;
                }
            }
            case KEYSTORE, TOKEN_CREATE -> ReliabilityBed.failure(
                    client.tokenStore().requestAccessToken("new", PowerAuthAuthentication.possession()));
            case ACTIVATION_CREATE -> ReliabilityBed.failure(client.activation().createActivation(
                    PowerAuthActivation.builder(code, "faulty").build()));
            case ACTIVATION_STATUS -> ReliabilityBed.failure(client.activation().fetchActivationStatus());
            case ACTIVATION_REMOVE -> ReliabilityBed.failure(
                    client.activation().removeActivation(ReliabilityBed.password()));
            case TOKEN_REMOVE -> outcome(client.tokenStore().removeAccessToken("kept"));
        };
    }

    /** @return the failure, or null when the future completed normally */
    private static Throwable outcome(java.util.concurrent.CompletableFuture<?> future) {
        try {
            future.get(60, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the call did not finish", e);
        }
    }

    private static Throwable unwrapTimeSync(Throwable failure) {
        assertThat(failure).isInstanceOf(TimeNotSynchronizedException.class);
        return failure.getCause();
    }
}
