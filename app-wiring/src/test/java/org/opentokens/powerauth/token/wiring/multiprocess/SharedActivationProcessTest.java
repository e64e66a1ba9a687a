package org.opentokens.powerauth.token.wiring.multiprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.testkit.EmulatorGate;
import org.opentokens.powerauth.token.domain.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.v4.counter.V4HashCounter;
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

    @ParameterizedTest(name = "protocol 4.0: {0}")
    @ValueSource(booleans = {false, true})
    void fourProcessesMakeMixedSignedCallsWithoutOneRejection(boolean v4) throws Exception {
        bed = new SharedBed(v4);
        String id = bed.activate();
        int perWorker = 25;
        for (int w = 0; w < 4; w++) {
            worker("mix", "w" + w + "-", Integer.toString(perWorker));
        }

        for (WorkerJvm worker : workers) {
            assertThat(worker.awaitExit()).as(worker.describe()).isZero();
            assertThat(worker.awaitLine("DONE")).isEqualTo("DONE ok=" + perWorker + " failed=0");
        }

        // A 4.0 activation's commit sends one signed call of its own: activation/confirm.
        long signatures = 4L * perWorker + (v4 ? 1 : 0);
        System.out.println("[multiprocess] protocol " + (v4 ? "4.0" : "3.3") + ", 4 JVMs x " + perWorker + " signed calls: server counter "
                + bed.emulator.activation(id).counter() + ", failed attempts "
                + bed.emulator.activation(id).failedAttempts());
        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
        assertThat(bed.emulator.activation(id).counter()).as("one server counter step per signature")
                .isEqualTo(signatures);
        assertCountersAgree(id);
    }

    @ParameterizedTest(name = "protocol 4.0: {0}")
    @ValueSource(booleans = {false, true})
    void aProcessKilledInsideTheSectionReleasesItToTheOthers(boolean v4) throws Exception {
        bed = new SharedBed(v4);
        String id = bed.activate();
        String create = bed.tokenCreatePath();
        EmulatorGate held = bed.emulator.faults().holdRequest(create);
        WorkerJvm holder = worker("request", "held");
        assertThat(held.awaitArrival(Duration.ofSeconds(WorkerJvm.HANG_GUARD_SECONDS))).isTrue();
        WorkerJvm waiter = worker("request", "after-kill");
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

    private int resource(String header) {
        return BedSteps.resourceStatus(java.net.http.HttpClient.newHttpClient(), bed.baseUri, header,
                Duration.ofSeconds(10));
    }

    private void assertCountersAgree(String id) {
        PowerAuthActivationStatus status = bed.client(Duration.ZERO).activation().fetchActivationStatus().join();
        assertThat(status.counterResynchronized()).as("the client's counter had not fallen behind").isFalse();
        ActivationRecord stored = bed.storedActivation();
        assertThat(stored.isV4()).isEqualTo(bed.isV4());
        if (stored.isV4()) {
            V4HashCounter server = V4HashCounter.of(java.util.Base64.getDecoder().decode(
                    bed.emulator.activation(id).ctrDataBase64()), (int) (bed.emulator.activation(id).counter() & 0xFF));
            assertThat(stored.v4Counter().sameCounterAs(server)).as("CTR_DATA agrees").isTrue();
        }
        assertThat(stored.isV4() ? stored.v4Counter().ctrByte() : stored.counter().ctrByte())
                .as("client and server counters agree")
                .isEqualTo((int) (bed.emulator.activation(id).counter() & 0xFF));
    }
}
