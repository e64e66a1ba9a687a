package org.opentokens.powerauth.token.wiring.multiprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * The signed calls added for hosts in four real JVMs over one SQLite file: signed requests sent inside the
 * section, password validation and both vault operations, all with the password. None is refused (a counter
 * collision would be a refused password signature, counted as a failed attempt), and the counters agree.
 */
class SignedCallsProcessTest {
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

    @Test
    void fourProcessesMakeHostSignedCallsWithoutOneRejection() throws Exception {
        bed = new SharedBed();
        String id = bed.activate();
        int perWorker = 12;
        for (int w = 0; w < 4; w++) {
            workers.add(WorkerJvm.start(bed, "mix-signed", Integer.toString(perWorker)));
        }

        for (WorkerJvm worker : workers) {
            assertThat(worker.awaitExit()).as(worker.describe()).isZero();
            assertThat(worker.awaitLine("DONE")).isEqualTo("DONE ok=" + perWorker + " failed=0");
        }

        System.out.println("[multiprocess] 4 JVMs x " + perWorker + " host signed calls: server counter "
                + bed.emulator.activation(id).counter() + ", failed attempts "
                + bed.emulator.activation(id).failedAttempts());
        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
        assertThat(bed.emulator.activation(id).counter()).isEqualTo(4L * perWorker);
        assertThat(Base64.getEncoder().encodeToString(
                bed.storedActivation().counter().copyBytes(InsecureSecretAccess.get())))
                .isEqualTo(bed.emulator.activation(id).ctrDataBase64());
    }
}
