package org.opentokens.powerauth.token.port.out;

/** What the parts on shared backing stores need: a second storage object over the test's backing store. */
public interface SharedStorageFixture extends SecureStorageFixture {
    /**
     * @return another storage object over the same backing store as {@link #storage()}, opened on first use in a
     *     test and closed (if it is {@link AutoCloseable}) after it
     */
    SecureStorage secondStorage();

    /** Closes the second storage now, if it is open and {@link AutoCloseable}; the next call opens a new one. */
    void closeSecondStorage() throws Exception;
}
