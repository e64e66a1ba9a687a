package org.opentokens.powerauth.token.wiring.multiprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import org.opentokens.powerauth.testkit.EmulatorGate;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * The kill scenario, on any store a {@link SharedBed} has: a worker SIGKILLed while it holds the instance's section
 * in the middle of a signed call (the emulator holds its request) releases the section to a waiting worker, and
 * the counters still agree afterwards.
 */
final class KilledHolder {
    /** Starts a worker JVM of the bed with a command. */
    @FunctionalInterface
    interface Workers {
        WorkerJvm start(String... command) throws Exception;
    }

    private KilledHolder() {
    }

    static void releasesTheSection(SharedBed bed, Workers workers) throws Exception {
        String id = bed.activate();
        String create = bed.tokenCreatePath();
        EmulatorGate held = bed.emulator.faults().holdRequest(create);
        WorkerJvm holder = workers.start("request", "held");
        assertThat(held.awaitArrival(Duration.ofSeconds(WorkerJvm.HANG_GUARD_SECONDS))).isTrue();
        WorkerJvm waiter = workers.start("request", "after-kill");
        waiter.awaitLine("REQUESTING");
        Thread.sleep(1000);
        // The emulator counts answered requests: the holder's is held, and a waiter's would have been answered.
        assertThat(bed.emulator.count(create)).as("the waiter sent nothing while the holder held the section")
                .isZero();

        holder.kill();
        held.drop();

        assertThat(waiter.awaitExit()).as(waiter.describe()).isZero();
        assertThat(waiter.awaitLine("TOKEN")).startsWith("TOKEN ");
        PowerAuthClient survivor = bed.client(Duration.ZERO);
        PowerAuthActivationStatus status = survivor.activation().fetchActivationStatus().join();
        survivor.tokenStore().requestAccessToken("later",
                PowerAuthAuthentication.possessionWithPassword(SharedBed.PASSWORD.toCharArray())).join();
        assertThat(status.failedAttempts()).isZero();
        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
        assertCountersAgree(bed, id);
    }

    static void assertCountersAgree(SharedBed bed, String id) {
        PowerAuthActivationStatus status = bed.client(Duration.ZERO).activation().fetchActivationStatus().join();
        assertThat(status.counterResynchronized()).as("the client's counter had not fallen behind").isFalse();
        ActivationRecord stored = bed.storedActivation();
        assertThat(stored.isV4()).isEqualTo(bed.isV4());
        if (stored.isV4()) {
            V4HashCounter server = V4HashCounter.of(Base64.getDecoder().decode(
                    bed.emulator.activation(id).ctrDataBase64()), (int) (bed.emulator.activation(id).counter() & 0xFF));
            assertThat(stored.v4Counter().sameCounterAs(server)).as("CTR_DATA agrees").isTrue();
        }
        assertThat(stored.isV4() ? stored.v4Counter().ctrByte() : stored.counter().ctrByte())
                .as("client and server counters agree")
                .isEqualTo((int) (bed.emulator.activation(id).counter() & 0xFF));
    }
}
