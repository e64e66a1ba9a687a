package org.opentokens.powerauth.token.adapter.storage.inmemory;

import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SecureStorageContract;

class InMemorySecureStorageTest extends SecureStorageContract {

    @Override
    protected SecureStorage createStorage() {
        return new InMemorySecureStorage();
    }
}
