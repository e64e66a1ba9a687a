package org.opentokens.powerauth.token.port.out;

class FakeSecureStorageTest extends SecureStorageContract {

    @Override
    protected SecureStorage createStorage() {
        return new FakeSecureStorage();
    }
}
