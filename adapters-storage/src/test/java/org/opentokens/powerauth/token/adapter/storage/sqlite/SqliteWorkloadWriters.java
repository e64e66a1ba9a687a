package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.nio.file.Path;
import java.util.Map;
import org.opentokens.powerauth.token.adapter.storage.ChildJvm;
import org.opentokens.powerauth.token.adapter.storage.ValueStamp;
import org.opentokens.powerauth.token.adapter.storage.WorkloadWriter;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/** Starts {@link SqliteChildProcess} workload writers for the crash tests. */
final class SqliteWorkloadWriters {
    private SqliteWorkloadWriters() {
    }

    /**
     * @param file the store
     * @param keyHex its raw key, sent to the child on stdin
     * @param namespace the namespace the child writes
     * @param seed the child's random seed
     * @param firstSeq its first call's sequence number
     * @param initial the namespace's current state
     * @return the writer, ready and writing
     */
    static WorkloadWriter start(Path file, String keyHex, StorageNamespace namespace, long seed, long firstSeq,
            Map<String, ValueStamp> initial) throws Exception {
        ChildJvm child = ChildJvm.startKillable(SqliteChildProcess.class, Map.of(), file.toString(), "workload", namespace.id(),
                Long.toString(seed), Long.toString(firstSeq));
        child.send(keyHex);
        return WorkloadWriter.start(namespace.id(), child, initial);
    }
}
