package org.opentokens.powerauth.token.wiring.multiprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorGate;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * A crash in the middle of {@code changePassword}, in a real separate JVM over a shared SQLite file: the worker
 * is SIGKILLed after the server validated the old password (its answer is held) and before the new protection
 * was written. The old password must still work, the new one must not, and the counters must agree.
 */
class PasswordChangeKillTest {
    private static final String VALIDATE = "/pa/v3/signature/validate";
    private static final String NEW_PASSWORD = "shared-new-pin-1357";

    private WorkerJvm worker;
    private SharedBed bed;

    @AfterEach
    void close() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aProcessKilledBetweenValidateAndReprotectLeavesTheOldPasswordWorking() throws Exception {
        bed = new SharedBed();
        String id = bed.activate();
        byte[] protectedBefore = bed.storedActivation().protectedKnowledgeKey();
        EmulatorGate held = bed.emulator.faults().holdResponse(VALIDATE);
        worker = WorkerJvm.start(bed, "change-password", SharedBed.PASSWORD, NEW_PASSWORD);
        worker.awaitLine("CHANGING");
        assertThat(held.awaitArrival(Duration.ofSeconds(WorkerJvm.HANG_GUARD_SECONDS))).isTrue();
        assertThat(bed.emulator.activation(id).counter()).as("the server validated the old password").isEqualTo(1);

        worker.kill();
        held.drop();

        assertThat(bed.storedActivation().protectedKnowledgeKey()).as("the re-protection was never written")
                .isEqualTo(protectedBefore);
        PowerAuthClient survivor = bed.client(Duration.ZERO);
        assertThat(survivor.passwords().validatePassword(NEW_PASSWORD.toCharArray()).join().valid()).isFalse();
        assertThat(survivor.passwords().validatePassword(SharedBed.PASSWORD.toCharArray()).join().valid()).isTrue();
        assertThat(Base64.getEncoder().encodeToString(
                bed.storedActivation().counter().copyBytes(InsecureSecretAccess.get())))
                .as("client and server counters agree").isEqualTo(bed.emulator.activation(id).ctrDataBase64());
        survivor.passwords().changePassword(SharedBed.PASSWORD.toCharArray(), NEW_PASSWORD.toCharArray()).join();
        assertThat(survivor.passwords().validatePassword(NEW_PASSWORD.toCharArray()).join().valid()).isTrue();
    }
}
