package org.opentokens.powerauth.token.wiring.multiprocess;

import com.google.inject.Guice;
import com.google.inject.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.application.ClientProtocolVersion;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.v4.kem.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.SqliteStorageModule;

/**
 * A separate client process of the shared instance, run by {@link WorkerJvm}. Arguments: server URI, application
 * key, application secret, master public key, database file, instance id, the protocol ({@code 3.3}, or
 * {@code 4.0|P384_MASTER_KEY|ML_DSA_65_MASTER_KEY} for an {@code EC_P384_ML_L3} instance), then one command:
 * <ul>
 *   <li>{@code mix PREFIX N}: N signed calls, token creates (possession, or possession and password) and removes
 *       of its own earlier tokens; prints {@code DONE ok=.. failed=..} and one {@code FAIL} line per failure;</li>
 *   <li>{@code request NAME}: prints {@code REQUESTING}, requests a possession token, prints {@code TOKEN id};</li>
 *   <li>{@code remove NAME}: removes the token on the server and locally, prints {@code REMOVED};</li>
 *   <li>{@code wipe}: removes the activation locally, prints {@code WIPED}.</li>
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
    public static void main(String[] args) {
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
        try (PowerAuthClient client = Guice.createInjector(Stage.PRODUCTION, new PowerAuthTokenModule(config),
                        new SqliteStorageModule(Path.of(args[4]), StorageKeySources.rawKey(SecretBytes.takeOwnership(key))))
                .getInstance(PowerAuthClient.class)) {
            exit = run(client, Arrays.copyOfRange(args, 7, args.length));
        }
        System.out.flush();
        System.exit(exit);
    }

    private static int run(PowerAuthClient client, String[] command) {
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
            case "wipe":
                client.activation().removeActivationLocal();
                System.out.println("WIPED");
                return 0;
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
