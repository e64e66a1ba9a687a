package org.opentokens.powerauth.token.benchmarks.multiprocess;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.postgres.PostgresSecureStorage;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.PostgresTestCluster;
import org.opentokens.powerauth.token.wiring.PostgresStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.SqliteStorageModule;

/**
 * One client process of {@link SignedCallsGroup}. Arguments: server URI, application key, application secret,
 * master public key, store (an SQLite file or {@code pg:SCHEMA}), instance id, worker label, warm-up calls, timed calls. It joins the shared
 * activation, makes the warm-up calls, prints {@code READY}, waits for {@code GO} on stdin, makes the timed calls
 * (token create and remove, alternating, each one signed call) and prints {@code DONE <failures>}. The storage key
 * comes from {@value #KEY_ENV} in hex.
 */
public final class SignedCallsWorker {
    /** Environment variable with the store's raw key in hex. */
    public static final String KEY_ENV = "SIGNED_CALLS_STORAGE_KEY";

    private SignedCallsWorker() {
    }

    /**
     * @param args see the class comment
     * @throws IOException if stdin fails
     */
    public static void main(String[] args) throws IOException {
        byte[] key = HexFormat.of().parseHex(System.getenv(KEY_ENV));
        PowerAuthClientConfig config = PowerAuthClientConfig.builder(args[0], args[1], args[2], args[3])
                .instanceId(args[5]).protocolVersion(ProtocolVersion.V3_3)
                .requestTimeout(Duration.ofSeconds(30)).build();
        String label = args[6];
        int warmUp = Integer.parseInt(args[7]);
        int timed = Integer.parseInt(args[8]);
        int failures;
        try (PowerAuthClient client = Guice.createInjector(Stage.PRODUCTION, new PowerAuthTokenModule(config),
                        storage(args[4], SecretBytes.takeOwnership(key)))
                .getInstance(PowerAuthClient.class)) {
            failures = calls(client, label + "-warm-", warmUp);
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"GO".equals(in.readLine())) {
                System.exit(3);
            }
            failures += calls(client, label + "-", timed);
        }
        System.out.println("DONE " + failures);
        System.out.flush();
        System.exit(0);
    }

    /**
     * @param store an SQLite file, or {@code pg:SCHEMA} for PostgreSQL tables in that schema of the private test
     *     cluster, through a HikariCP pool of 4 connections
     * @param key the store's raw key
     * @return the storage module a host would install
     */
    static Module storage(String store, SecretBytes key) {
        if (store.startsWith("pg:")) {
            return new PostgresStorageModule(PostgresSecureStorage.builder(PostgresTestCluster.connect(4))
                    .schema(store.substring("pg:".length())).keySource(StorageKeySources.rawKey(key)));
        }
        return new SqliteStorageModule(Path.of(store), StorageKeySources.rawKey(key));
    }

    private static int calls(PowerAuthClient client, String prefix, int count) {
        int failures = 0;
        for (int i = 0; i < count; i++) {
            String name = prefix + (i / 2);
            try {
                if (i % 2 == 0) {
                    client.tokenStore().requestAccessToken(name, PowerAuthAuthentication.possession()).join();
                } else {
                    client.tokenStore().removeAccessToken(name).join();
                }
            } catch (CompletionException e) {
                failures++;
                System.out.println("FAIL " + e.getCause());
            }
        }
        return failures;
    }
}
