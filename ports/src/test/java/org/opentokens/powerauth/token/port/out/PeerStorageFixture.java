package org.opentokens.powerauth.token.port.out;

import java.io.IOException;

/** What the cross-process part needs: peers in other JVMs over the test's backing store. */
public interface PeerStorageFixture extends SharedStorageFixture {
    /**
     * @return a new peer JVM over the same backing store as {@link #storage()}, ready for commands; killed after
     *     the test
     * @throws IOException if it cannot start
     */
    StoragePeer startPeer() throws IOException;
}
