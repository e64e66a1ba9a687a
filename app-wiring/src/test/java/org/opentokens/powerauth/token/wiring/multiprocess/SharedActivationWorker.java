package org.opentokens.powerauth.token.wiring.multiprocess;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.postgres.PostgresSecureStorage;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.ClientProtocolVersion;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.out.PostgresTestCluster;
import org.opentokens.powerauth.token.wiring.PostgresStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.SqliteStorageModule;

/**
 * A separate client process of the shared instance, run by {@link WorkerJvm}. Arguments: server URI, application
 * key, application secret, master public key, store (an SQLite file, or {@code pg:SCHEMA:PREFIX} for PostgreSQL
 * tables in the cluster of {@code POWERAUTH_TOKEN_PG_URL}), instance id, the protocol ({@code 3.3}, or
 * {@code 4.0|P384_MASTER_KEY|ML_DSA_65_MASTER_KEY} for an {@code EC_P384_ML_L3} instance), then one command:
 * <ul>
 *   <li>{@code mix PREFIX N}: N signed calls, token creates (possession, or possession and password) and removes
 *       of its own earlier tokens; prints {@code DONE ok=.. failed=..} and one {@code FAIL} line per failure;</li>
 *   <li>{@code request NAME}: prints {@code REQUESTING}, requests a possession token, prints {@code TOKEN id};</li>
 *   <li>{@code remove NAME}: removes the token on the server and locally, prints {@code REMOVED};</li>
 *   <li>{@code wipe}: removes the activation locally, prints {@code WIPED};</li>
 *   <li>{@code change-password OLD NEW}: prints {@code CHANGING}, changes the password, prints {@code CHANGED};</li>
 *   <li>{@code mix-signed N}: N signed calls of the kinds added for hosts (a signed request sent to the
 *       emulator's signed resource inside the section, password validation, both vault operations); prints
 *       {@code DONE ok=.. failed=..}.</li>
 *   <li>{@code flush}: retries the pending token removals, prints {@code FLUSHED n} with the number confirmed.</li>
 *   <li>{@code deactivate}: removes the activation on the server (a signed call) and locally, prints
 *       {@code DEACTIVATED};</li>
 *   <li>{@code fleet PREFIX N OTHER...}: a replica of a fleet ({@link FleetReplica}).</li>
 * </ul>
 * The storage key comes from {@value #KEY_ENV} in hex. The exit code is 0 when every call succeeded.
 */
public final class SharedActivationWorker {
    /** Environment variable with the store's raw key in hex. */
    static final String KEY_ENV = "SHARED_WORKER_STORAGE_KEY";

    private SharedActivationWorker() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) throws Exception {
        byte[] key = HexFormat.of().parseHex(System.getenv(KEY_ENV));
        PowerAuthClientConfig.Builder builder = PowerAuthClientConfig.builder(args[0], args[1], args[2], args[3])
                .instanceId(args[5]).protocolVersion(ProtocolVersion.V3_3).knowledgeKeyIterations(10)
                .requestTimeout(Duration.ofSeconds(20));
        String[] protocol = args[6].split("\\|");
        if (protocol[0].equals("4.0")) {
            builder.protocolVersion(ClientProtocolVersion.V4_0).algorithm(SharedSecretAlgorithm.EC_P384_ML_L3)
                    .masterKeysV4(protocol[1], protocol[2]);
        }
        PowerAuthClientConfig config = builder.build();
        int exit;
        StorageKeySource keys = StorageKeySources.rawKey(SecretBytes.takeOwnership(key));
        DataSource pool = null;
        Module storage;
        if (args[4].startsWith("pg:")) {
            String[] store = args[4].split(":");
            pool = PostgresTestCluster.connect(4);
            storage = new PostgresStorageModule(PostgresSecureStorage.builder(pool).schema(store[1])
                    .tablePrefix(store[2]).keySource(keys));
        } else {
            storage = new SqliteStorageModule(Path.of(args[4]), keys);
        }
        try (PowerAuthClient client = Guice.createInjector(Stage.PRODUCTION, new PowerAuthTokenModule(config), storage)
                .getInstance(PowerAuthClient.class)) {
            exit = args.length > 7 && args[7].equals("mix-signed")
                    ? SignedMix.run(client, URI.create(args[0]), Integer.parseInt(args[8]))
                    : run(client, URI.create(args[0]), Arrays.copyOfRange(args, 7, args.length));
        } finally {
            if (pool instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        System.out.flush();
        System.exit(exit);
    }

    private static int run(PowerAuthClient client, URI baseUri, String[] command) throws InterruptedException {
        switch (command[0]) {
            case "mix":
                return mix(client, command[1], Integer.parseInt(command[2]));
            case "request":
                System.out.println("REQUESTING");
                System.out.flush();
                PowerAuthToken token = client.tokenStore()
                        .requestAccessToken(command[1], PowerAuthAuthentication.possession()).join();
                System.out.println("TOKEN " + token.tokenIdentifier().value());
                return 0;
            case "remove":
                client.tokenStore().removeAccessToken(command[1]).join();
                System.out.println("REMOVED");
                return 0;
            case "change-password":
                System.out.println("CHANGING");
                System.out.flush();
                client.passwords().changePassword(command[1].toCharArray(), command[2].toCharArray()).join();
                System.out.println("CHANGED");
                return 0;
            case "flush":
                int confirmed = client.tokenStore().flushPendingRemovals().join();
                System.out.println("FLUSHED " + confirmed);
                return 0;
            case "wipe":
                client.activation().removeActivationLocal();
                System.out.println("WIPED");
                return 0;
            case "deactivate":
                client.activation().removeActivation(
                        PowerAuthAuthentication.possessionWithPassword(SharedBed.PASSWORD.toCharArray())).join();
                System.out.println("DEACTIVATED");
                return 0;
            case "fleet":
                return new FleetReplica(client, baseUri, command[1],
                        Arrays.asList(command).subList(3, command.length)).run(Integer.parseInt(command[2]));
            default:
                System.out.println("UNKNOWN " + command[0]);
                return 2;
        }
    }

    private static int mix(PowerAuthClient client, String prefix, int calls) {
        Deque<String> mine = new ArrayDeque<>();
        int ok = 0;
        int failed = 0;
        for (int i = 0; i < calls; i++) {
            try {
                if (mine.size() >= 2 && i % 3 == 2) {
                    client.tokenStore().removeAccessToken(mine.removeFirst()).join();
                } else {
                    String name = prefix + i;
                    PowerAuthAuthentication factors = i % 2 == 0 ? PowerAuthAuthentication.possession()
                            : PowerAuthAuthentication.possessionWithPassword(SharedBed.PASSWORD.toCharArray());
                    client.tokenStore().requestAccessToken(name, factors).join();
                    mine.addLast(name);
                }
                ok++;
            } catch (CompletionException e) {
                failed++;
                System.out.println("FAIL " + e.getCause().getClass().getSimpleName() + " " + e.getCause().getMessage());
            }
        }
        System.out.println("DONE ok=" + ok + " failed=" + failed);
        return failed == 0 ? 0 : 1;
    }
}
