package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.opentokens.powerauth.token.adapter.storage.CrashWorkload;
import org.opentokens.powerauth.token.adapter.storage.StampedValue;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * Child-process entry point for the two-process and crash tests. Reads the hex key from stdin, opens the
 * store given as the first argument, prints {@code ready}, and then:
 * <ul>
 *   <li>{@code writer ID COUNT}: waits for {@code go}, writes COUNT own entries and a shared batch every fifth,
 *       prints {@code done};</li>
 *   <li>{@code workload NAMESPACE SEED FIRST_SEQ}: runs {@link CrashWorkload#SQLITE} on the namespace until
 *       killed.</li>
 * </ul>
 */
public final class SqliteChildProcess {
    static final StorageNamespace NAMESPACE = StorageNamespace.of("multi-process");
    static final String[] SHARED = {"shared-x", "shared-y", "shared-z"};

    private SqliteChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SecretBytes key = SecretBytes.takeOwnership(HexFormat.of().parseHex(stdin.readLine()));
        try (SqliteSecureStorage storage = SqliteSecureStorage.builder(Path.of(args[0]))
                .keySource(StorageKeySources.rawKey(key)).randomSource(TestStorageKeys.random()).open()) {
            System.out.println("ready");
            if (args[1].equals("writer")) {
                if (!"go".equals(stdin.readLine())) {
                    throw new IllegalStateException("expected go");
                }
                write(storage, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                System.out.println("done");
            } else {
                CrashWorkload.SQLITE.run(storage, StorageNamespace.of(args[2]), new Random(Long.parseLong(args[3])),
                        Long.parseLong(args[4]), System.out);
            }
        }
    }

    private static void write(SqliteSecureStorage storage, int id, int count) {
        for (int i = 0; i < count; i++) {
            storage.put(NAMESPACE, "w" + id + "-" + i, StampedValue.of(id * 100_000L + i, 0, 300));
            if (i % 5 == 4) {
                Map<String, SecretBytes> batch = new LinkedHashMap<>();
                for (int part = 0; part < SHARED.length; part++) {
                    batch.put(SHARED[part], StampedValue.of(id * 100_000L + i, part, 200));
                }
                storage.putAll(NAMESPACE, batch);
            }
        }
    }
}
