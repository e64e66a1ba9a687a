package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * Child-process entry point for the two-process and crash tests. Reads the hex key from stdin, opens the
 * store given as the first argument, prints {@code ready}, and then:
 * <ul>
 *   <li>{@code writer ID COUNT}: waits for {@code go}, writes COUNT own entries and a shared batch every fifth,
 *       prints {@code done};</li>
 *   <li>{@code crasher}: loops forever writing batches of stamped values, printing {@code committed N} after
 *       each commit, until killed.</li>
 * </ul>
 */
public final class SqliteChildProcess {
    static final StorageNamespace NAMESPACE = StorageNamespace.of("multi-process");
    static final String[] BATCH = {"batch-a", "batch-b", "batch-c"};
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
                crash(storage);
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

    private static void crash(SqliteSecureStorage storage) {
        long n = storage.get(NAMESPACE, BATCH[0]).map(StampedValue::stampOf).orElse(0L);
        while (true) {
            n++;
            Map<String, SecretBytes> batch = new LinkedHashMap<>();
            batch.put(BATCH[0], StampedValue.of(n, 0, 64 * 1024));
            batch.put(BATCH[1], StampedValue.of(n, 1, 40 * 1024));
            batch.put(BATCH[2], StampedValue.of(n, 2, 1000));
            storage.putAll(NAMESPACE, batch);
            if (n % 3 == 0) {
                storage.deleteAll(NAMESPACE, java.util.List.of("single-" + (n - 3)));
            }
            storage.put(NAMESPACE, "single-" + n, StampedValue.of(n, 9, 5000));
            System.out.println("committed " + n);
        }
    }

    /** A value that carries its stamp and part and can check its own bytes. */
    static final class StampedValue {
        private StampedValue() {
        }

        static SecretBytes of(long stamp, int part, int length) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (stamp >>> (56 - 8 * i));
            }
            bytes[8] = (byte) part;
            for (int i = 9; i < length; i++) {
                bytes[i] = (byte) (stamp * 31 + part * 17 + i * 7 + (i >>> 8));
            }
            return SecretBytes.takeOwnership(bytes);
        }

        static long stampOf(SecretBytes value) {
            byte[] bytes = value.copyBytes(InsecureSecretAccess.get());
            long stamp = 0;
            for (int i = 0; i < 8; i++) {
                stamp = (stamp << 8) | (bytes[i] & 0xff);
            }
            return stamp;
        }

        /** @return the stamp, if the value is exactly what {@link #of} makes for it with this part and length */
        static Optional<Long> check(SecretBytes value, int part, int length) {
            if (value.length() != length) {
                return Optional.empty();
            }
            long stamp = stampOf(value);
            return value.sameBytesAs(of(stamp, part, length)) ? Optional.of(stamp) : Optional.empty();
        }
    }
}
