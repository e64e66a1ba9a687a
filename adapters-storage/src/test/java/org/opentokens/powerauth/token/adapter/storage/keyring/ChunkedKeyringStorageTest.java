package org.opentokens.powerauth.token.adapter.storage.keyring;

import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SecureStorageContract;

/**
 * The contract over a keychain whose items hold {@value KeyringBackends#WINDOWS_MAX_ITEM_BYTES} bytes, as
 * java-keyring's Windows back-end does: large namespaces go through the chunked layout.
 */
class ChunkedKeyringStorageTest extends SecureStorageContract {
    @Override
    protected SecureStorage createStorage() {
        return new KeyringSecureStorage("org.opentokens.powerauth.test",
                new FakeKeyringBackend(KeyringBackends.WINDOWS_MAX_ITEM_BYTES));
    }
}
