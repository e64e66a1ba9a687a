package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.util.Random;
import org.opentokens.powerauth.token.adapter.storage.CrashWorkload;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * Child-process entry point for {@link KeyringCrashTest}: opens the session's Secret Service with
 * {@value KeyringBackends#WINDOWS_MAX_ITEM_BYTES}-byte items (so namespaces are chunked), prints {@code ready}
 * and runs {@link CrashWorkload#KEYRING} on the namespace until killed. Arguments: namespace id, seed, first
 * sequence number.
 */
public final class KeyringCrashChild {
    private KeyringCrashChild() {
    }

    public static void main(String[] args) {
        KeyringSecureStorage storage = KeyringCrashTest.open();
        System.out.println("ready");
        CrashWorkload.KEYRING.run(storage, StorageNamespace.of(args[0]), new Random(Long.parseLong(args[1])),
                Long.parseLong(args[2]), System.out);
    }
}
