package org.opentokens.powerauth.token.adapter.storage.keyring;

import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SecureStorageContract;
import org.opentokens.powerauth.token.port.out.SecureStorageSharingContract;

/**
 * The contract over a keychain whose items hold {@value KeyringBackends#WINDOWS_MAX_ITEM_BYTES} bytes, as
 * java-keyring's Windows back-end does: large namespaces go through the chunked layout. Second storages share
 * the in-memory keychain and the lock file.
 */
class ChunkedKeyringStorageTest extends SecureStorageContract implements SecureStorageSharingContract {
    private static final String SERVICE = "org.opentokens.powerauth.chunked-test";
    private FakeKeyringBackend backend;

    @Override
    protected SecureStorage createStorage() {
        backend = new FakeKeyringBackend(KeyringBackends.WINDOWS_MAX_ITEM_BYTES);
        return TestKeyrings.over(SERVICE, backend);
    }

    @Override
    public SecureStorage secondStorage() {
        return TestKeyrings.over(SERVICE, backend.restarted());
    }

    @Override
    public void closeSecondStorage() {
        // keychain storages hold nothing to close
    }
}
