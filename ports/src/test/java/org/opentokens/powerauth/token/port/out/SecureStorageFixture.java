package org.opentokens.powerauth.token.port.out;

/** What the parts of {@link SecureStorageContract} need from the running test. */
public interface SecureStorageFixture {
    /** @return the storage under test, fresh for each test */
    SecureStorage storage();

    /**
     * @param label a label unique within the test
     * @return a namespace whose id is the contract's prefix plus {@code label}; wiped after the test
     */
    StorageNamespace namespace(String label);

    /**
     * @param id the exact namespace id, without prefix
     * @return the namespace; wiped after the test
     */
    StorageNamespace exactNamespace(String id);
}
