package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.StoragePeer;

/**
 * Peer JVM of the cross-process contract: reads the hex key from stdin, opens the store file given as the only
 * argument and serves {@link StoragePeer}'s commands.
 */
public final class SqliteStoragePeer {
    private SqliteStoragePeer() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SecretBytes key = SecretBytes.takeOwnership(HexFormat.of().parseHex(stdin.readLine()));
        try (SqliteSecureStorage storage = SqliteSecureStorage.builder(Path.of(args[0]))
                .keySource(StorageKeySources.rawKey(key)).randomSource(TestStorageKeys.random()).open()) {
            StoragePeer.serve(storage, stdin, System.out);
        }
    }
}
