package org.opentokens.powerauth.token.port.out;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link SecureStorageContract} for an adapter whose backing store outlives the storage object and is shared
 * by other objects and processes (a file, a keychain service, a database): it adds
 * {@link SecureStorageSharingContract} (two objects in this JVM) and {@link SecureStorageProcessesContract}
 * (peer JVMs). The adapter's test implements {@link #openSecondStorage()} and {@link #launchPeer()}.
 */
public abstract class SharedSecureStorageContract extends SecureStorageContract
        implements SecureStorageSharingContract, SecureStorageProcessesContract {
    private final List<StoragePeer> peers = new ArrayList<>();
    private SecureStorage second;

    /** @return a new storage object over the backing store of the current {@link #storage()} */
    protected abstract SecureStorage openSecondStorage();

    /**
     * @return a new peer JVM over the backing store of the current {@link #storage()}, from
     *     {@link StoragePeer#start}
     * @throws IOException if it cannot start
     */
    protected abstract StoragePeer launchPeer() throws IOException;

    @Override
    public final SecureStorage secondStorage() {
        if (second == null) {
            second = openSecondStorage();
        }
        return second;
    }

    @Override
    public final void closeSecondStorage() throws Exception {
        if (second instanceof AutoCloseable closeable) {
            closeable.close();
        }
        second = null;
    }

    @Override
    public final StoragePeer startPeer() throws IOException {
        StoragePeer peer = launchPeer();
        peers.add(peer);
        return peer;
    }

    @AfterEach
    final void stopPeersAndCloseTheSecondStorage() throws Exception {
        try {
            for (StoragePeer peer : peers) {
                peer.close();
            }
        } finally {
            closeSecondStorage();
        }
    }
}
