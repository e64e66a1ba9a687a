package org.opentokens.powerauth.token.wiring.multiprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.port.out.PostgresTestCluster;
import org.opentokens.powerauth.token.port.out.PostgresTestSchema;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.testing.BedSteps;

/**
 * A fleet of replicas on one PostgreSQL database, against the emulator over HTTP: three replica JVMs share one
 * activation, make 30 mixed signed calls at once and send headers for the tokens the others created; then one
 * replica removes the activation and the others stop serving its tokens within the header refresh interval. A
 * replica SIGKILLed in the middle of a signed call releases the section (its session ends with it).
 */
class PostgresFleetProcessTest extends WorkerBedTest {
    private static final Duration REFRESH = Duration.ofMillis(200);
    private static final int REPLICAS = 3;
    private static final int CALLS_PER_REPLICA = 10;

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema("fleet");

    private static PostgresTestCluster postgres() {
        return POSTGRES.cluster();
    }

    @Test
    void threeReplicasShareOneActivationWithoutOneRejection() throws Exception {
        bed = new SharedBed(postgres(), "fleet_");
        String id = bed.activate();
        for (int r = 0; r < REPLICAS; r++) {
            List<String> command = new ArrayList<>(
                    List.of("fleet", "r" + r + "-", Integer.toString(CALLS_PER_REPLICA)));
            for (int other = 0; other < REPLICAS; other++) {
                if (other != r) {
                    command.add("r" + other + "-");
                }
            }
            worker(command.toArray(String[]::new));
        }

        int headers = 0;
        for (WorkerJvm worker : workers()) {
            assertThat(worker.awaitExit()).as(worker.describe()).isZero();
            String done = worker.awaitLine("DONE");
            assertThat(done).as(worker.describe()).startsWith("DONE ok=" + CALLS_PER_REPLICA + " failed=0 ")
                    .endsWith(" rejected=0");
            headers += Integer.parseInt(done.replaceAll(".* headers=(\\d+) .*", "$1"));
        }
        long signatures = (long) REPLICAS * CALLS_PER_REPLICA;
        System.out.println("[multiprocess] PostgreSQL fleet, " + REPLICAS + " replica JVMs x " + CALLS_PER_REPLICA
                + " signed calls: server counter " + bed.emulator.activation(id).counter() + ", failed attempts "
                + bed.emulator.activation(id).failedAttempts() + ", " + headers + " headers accepted");
        assertThat(headers).as("headers for every replica's anchor after each call but the first")
                .isEqualTo(REPLICAS * (CALLS_PER_REPLICA - 1) * REPLICAS);
        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
        assertThat(bed.emulator.activation(id).counter()).as("one server counter step per signature")
                .isEqualTo(signatures);
        KilledHolder.assertCountersAgree(bed, id);
    }

    @Test
    void aReplicaKilledInsideTheSectionReleasesItToTheOthers() throws Exception {
        bed = new SharedBed(postgres(), "kill_");
        KilledHolder.releasesTheSection(bed, this::worker);
    }

    @Test
    void whenOneReplicaRemovesTheActivationTheOthersStopServingItsTokens() throws Exception {
        bed = new SharedBed(postgres(), "removal_");
        bed.activate();
        PowerAuthClient other = bed.client(REFRESH);
        assertThat(worker("request", "kept").awaitExit()).isZero();
        assertThat(resource(other.tokenStore().generateHeaderForToken("kept").value())).isEqualTo(200);

        assertThat(worker("deactivate").awaitExit()).isZero();
        Thread.sleep(REFRESH.toMillis());

        assertThatThrownBy(() -> other.tokenStore().generateHeaderForToken("kept"))
                .as("a replica stops serving the tokens of an activation another one removed, after the refresh "
                        + "interval")
                .isInstanceOf(MissingActivationException.class);
    }

    private int resource(String header) {
        return BedSteps.resourceStatus(java.net.http.HttpClient.newHttpClient(), bed.baseUri, header,
                Duration.ofSeconds(10));
    }
}
