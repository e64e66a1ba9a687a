package org.opentokens.powerauth.token.wiring.multiprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorGate;
import org.opentokens.powerauth.token.port.in.MissingActivationException;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.TokenNotFoundException;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.testing.BedSteps;

/**
 * One activation shared by separate JVMs over one SQLite file, against the emulator over HTTP: signed calls never
 * collide on the counter, a worker killed inside the exclusive section releases it, and headers follow the
 * tokens that other processes create and remove.
 */
class SharedActivationProcessTest {
    private static final String CREATE = "/pa/v3/token/create";
    private static final String REMOVE = "/pa/v3/token/remove";
    private static final Duration REFRESH = Duration.ofMillis(200);

    private final List<WorkerJvm> workers = new ArrayList<>();
    private SharedBed bed;

    @AfterEach
    void close() throws Exception {
        for (WorkerJvm worker : workers) {
            worker.close();
        }
        if (bed != null) {
            bed.close();
        }
    }

    private WorkerJvm worker(String... command) throws Exception {
        WorkerJvm worker = WorkerJvm.start(bed, command);
        workers.add(worker);
        return worker;
    }

    @Test
    void fourProcessesMakeMixedSignedCallsWithoutOneRejection() throws Exception {
        bed = new SharedBed();
        String id = bed.activate();
        int perWorker = 25;
        for (int w = 0; w < 4; w++) {
            worker("mix", "w" + w + "-", Integer.toString(perWorker));
        }

        for (WorkerJvm worker : workers) {
            assertThat(worker.awaitExit()).as(worker.describe()).isZero();
            assertThat(worker.awaitLine("DONE")).isEqualTo("DONE ok=" + perWorker + " failed=0");
        }

        long signatures = 4L * perWorker;
        System.out.println("[multiprocess] 4 JVMs x " + perWorker + " signed calls: server counter "
                + bed.emulator.activation(id).counter() + ", failed attempts "
                + bed.emulator.activation(id).failedAttempts());
        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
        assertThat(bed.emulator.activation(id).counter()).as("one server counter step per signature")
                .isEqualTo(signatures);
        assertCountersAgree(id);
    }

    @Test
    void aProcessKilledInsideTheSectionReleasesItToTheOthers() throws Exception {
        bed = new SharedBed();
        String id = bed.activate();
        EmulatorGate held = bed.emulator.faults().holdRequest(CREATE);
        WorkerJvm holder = worker("request", "held");
        assertThat(held.awaitArrival(Duration.ofSeconds(WorkerJvm.HANG_GUARD_SECONDS))).isTrue();
        WorkerJvm waiter = worker("request", "after-kill");
        waiter.awaitLine("REQUESTING");
        Thread.sleep(1000);
        // The emulator counts answered requests: the holder's is held, and a waiter's would have been answered.
        assertThat(bed.emulator.count(CREATE)).as("the waiter sent nothing while the holder held the section")
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
        assertCountersAgree(id);
    }

    @Test
    void headersOfOneProcessFollowTheTokensAndActivationOfAnother() throws Exception {
        bed = new SharedBed();
        bed.activate();
        PowerAuthClient reader = bed.client(REFRESH);
        assertThat(worker("request", "x").awaitExit()).isZero();

        assertThat(resource(reader.tokenStore().generateHeaderForToken("x").value())).isEqualTo(200);

        assertThat(worker("remove", "x").awaitExit()).isZero();
        Thread.sleep(REFRESH.toMillis());
        assertThatThrownBy(() -> reader.tokenStore().generateHeaderForToken("x"))
                .as("a token another process removed is not served after the refresh interval")
                .isInstanceOf(TokenNotFoundException.class);

        assertThat(worker("request", "y").awaitExit()).isZero();
        assertThat(resource(reader.tokenStore().generateHeaderForToken("y").value())).isEqualTo(200);
        assertThat(worker("wipe").awaitExit()).isZero();
        Thread.sleep(REFRESH.toMillis());
        assertThatThrownBy(() -> reader.tokenStore().generateHeaderForToken("y"))
                .as("an activation another process wiped is not used after the refresh interval")
                .isInstanceOf(MissingActivationException.class);
    }

    @Test
    void tombstonesOneProcessWroteAreFlushedOnceByTwoOthers() throws Exception {
        bed = new SharedBed();
        String id = bed.activate();
        PowerAuthClient writer = bed.client(Duration.ZERO);
        writer.tokenStore().requestAccessToken("x", PowerAuthAuthentication.possession()).join();
        bed.emulator.faults().reset(REMOVE);
        writer.tokenStore().removeAccessToken("x").join();
        assertThat(writer.tokenStore().pendingRemovalCount()).isEqualTo(1);
        assertThat(bed.emulator.tokens(id)).hasSize(1);

        WorkerJvm first = worker("flush");
        WorkerJvm second = worker("flush");

        assertThat(first.awaitExit()).as(first.describe()).isZero();
        assertThat(second.awaitExit()).as(second.describe()).isZero();
        int confirmed = Integer.parseInt(first.awaitLine("FLUSHED").substring(8))
                + Integer.parseInt(second.awaitLine("FLUSHED").substring(8));
        assertThat(confirmed).as("exactly one process removed it").isEqualTo(1);
        assertThat(bed.emulator.count(REMOVE)).as("the lost request and one retry").isEqualTo(2);
        assertThat(bed.emulator.tokens(id)).isEmpty();
        assertThat(writer.tokenStore().pendingRemovalCount()).isZero();
        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
        assertCountersAgree(id);
    }

    private int resource(String header) {
        return BedSteps.resourceStatus(java.net.http.HttpClient.newHttpClient(), bed.baseUri, header,
                Duration.ofSeconds(10));
    }

    private void assertCountersAgree(String id) {
        PowerAuthActivationStatus status = bed.client(Duration.ZERO).activation().fetchActivationStatus().join();
        assertThat(status.counterResynchronized()).as("the client's counter had not fallen behind").isFalse();
        assertThat(bed.storedActivation().counter().ctrByte())
                .as("client and server counters agree")
                .isEqualTo((int) (bed.emulator.activation(id).counter() & 0xFF));
    }
}
