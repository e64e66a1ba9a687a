package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.PostgresTestCluster;
import org.opentokens.powerauth.token.port.out.StoragePeer;

/**
 * Peer JVM of the cross-process contract: reads the hex key from stdin, opens the tables of the schema and prefix
 * given as arguments in the cluster of {@code POWERAUTH_TOKEN_PG_URL}, and serves {@link StoragePeer}'s commands.
 */
public final class PostgresStoragePeer {
    private PostgresStoragePeer() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SecretBytes key = SecretBytes.takeOwnership(HexFormat.of().parseHex(stdin.readLine()));
        DataSource pool = PostgresTestCluster.connect(4);
        try (AutoCloseable closing = (AutoCloseable) pool) {
            try (PostgresSecureStorage storage = PostgresSecureStorage.builder(pool).schema(args[0]).tablePrefix(args[1])
                    .keySource(StorageKeySources.rawKey(key)).randomSource(TestStorageKeys.random()).open()) {
                StoragePeer.serve(storage, stdin, System.out);
            }
        }
    }
}
