package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.opentokens.powerauth.token.port.out.StoragePeer;

/**
 * Peer JVM of the cross-process contract: opens the session's Secret Service under the service name and with
 * the lock directory given as arguments, and serves {@link StoragePeer}'s commands.
 */
public final class KeyringStoragePeer {
    private KeyringStoragePeer() {
    }

    public static void main(String[] args) throws Exception {
        KeyringSecureStorage storage = KeyringSecureStorage.builder(args[0])
                .platform(KeyringPlatform.LINUX_SECRET_SERVICE).lockDirectory(Path.of(args[1])).open();
        StoragePeer.serve(storage, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.out);
    }
}
