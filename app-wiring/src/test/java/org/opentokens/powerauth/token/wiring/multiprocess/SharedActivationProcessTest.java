package org.opentokens.powerauth.token.wiring.multiprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.testing.BedSteps;

/**
 * One activation shared by separate JVMs over one SQLite file, against the emulator over HTTP: signed calls never
 * collide on the counter, a worker killed inside the exclusive section releases it, and headers follow the
 * tokens that other processes create and remove.
 */
class SharedActivationProcessTest extends WorkerBedTest {
    private static final Duration REFRESH = Duration.ofMillis(200);

    @ParameterizedTest(name = "protocol 4.0: {0}")
    @ValueSource(booleans = {false, true})
    void fourProcessesMakeMixedSignedCallsWithoutOneRejection(boolean v4) throws Exception {
        bed = new SharedBed(v4);
        String id = bed.activate();
        int perWorker = 25;
        for (int w = 0; w < 4; w++) {
            worker("mix", "w" + w + "-", Integer.toString(perWorker));
        }

        for (WorkerJvm worker : workers()) {
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
        KilledHolder.releasesTheSection(bed, this::worker);
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

    @ParameterizedTest(name = "protocol 4.0: {0}")
    @ValueSource(booleans = {false, true})
    void tombstonesOneProcessWroteAreFlushedOnceByTwoOthers(boolean v4) throws Exception {
        bed = new SharedBed(v4);
        String id = bed.activate();
        String remove = bed.tokenRemovePath();
        PowerAuthClient writer = bed.client(Duration.ZERO);
        writer.tokenStore().requestAccessToken("x", PowerAuthAuthentication.possession()).join();
        bed.emulator.faults().reset(remove);
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
        assertThat(bed.emulator.count(remove)).as("the lost request and one retry").isEqualTo(2);
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
        KilledHolder.assertCountersAgree(bed, id);
    }
}
