package org.opentokens.powerauth.token.wiring.multiprocess;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * What the multi-process tests share: the {@link SharedBed} a test sets up, and the worker JVMs it starts on it,
 * all killed and closed after the test.
 */
abstract class WorkerBedTest {
    private final List<WorkerJvm> workers = new ArrayList<>();
    /** The test's bed; set by the test, closed after it. */
    SharedBed bed;

    @AfterEach
    final void closeWorkersAndBed() throws Exception {
        for (WorkerJvm worker : workers) {
            worker.close();
        }
        if (bed != null) {
            bed.close();
        }
    }

    /** @return a new worker JVM on the bed, running {@code command} */
    final WorkerJvm worker(String... command) throws Exception {
        WorkerJvm worker = WorkerJvm.start(bed, command);
        workers.add(worker);
        return worker;
    }

    /** @return the workers started so far */
    final List<WorkerJvm> workers() {
        return List.copyOf(workers);
    }
}
