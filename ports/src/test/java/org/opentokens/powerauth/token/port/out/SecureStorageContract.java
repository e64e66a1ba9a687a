package org.opentokens.powerauth.token.port.out;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The behaviour every {@link SecureStorage} must show. An adapter's test extends this class and implements
 * {@link #createStorage()}; persistent adapters may override {@link #namespacePrefix()} (to keep runs apart
 * in a shared backend such as a keychain) and {@link #cleanUp(SecureStorage)}.
 *
 * <p>The tests live in five interfaces, one per theme: {@link SecureStorageBasicsContract},
 * {@link SecureStorageBatchContract}, {@link SecureStorageLimitsContract},
 * {@link SecureStorageConcurrencyContract} and {@link SecureStorageSectionsContract} (sections and versions
 * within one process). This class only runs the fixture. Adapters whose store other objects and processes can
 * open extend {@link SharedSecureStorageContract} instead.
 */
public abstract class SecureStorageContract implements SecureStorageBasicsContract, SecureStorageBatchContract,
        SecureStorageLimitsContract, SecureStorageConcurrencyContract, SecureStorageSectionsContract {
    private final List<StorageNamespace> usedNamespaces = new ArrayList<>();
    private SecureStorage storage;

    /** @return a fresh, empty storage (for persistent adapters: on a fresh file or a unique prefix) */
    protected abstract SecureStorage createStorage();

    /**
     * Called after each test, after the contract has wiped every namespace it used.
     *
     * @param storage the storage the test used
     * @throws Exception if clean-up fails
     */
    protected void cleanUp(SecureStorage storage) throws Exception {
        // nothing by default
    }

    /** @return prepended to the namespace ids the contract uses; override to keep runs apart */
    protected String namespacePrefix() {
        return "contract-";
    }

    /** @return the namespaces the current test used so far (for clean-up hooks) */
    protected final List<StorageNamespace> usedNamespaces() {
        return List.copyOf(usedNamespaces);
    }

    @Override
    public final SecureStorage storage() {
        return storage;
    }

    @Override
    public final StorageNamespace namespace(String label) {
        return exactNamespace(namespacePrefix() + label);
    }

    @Override
    public final StorageNamespace exactNamespace(String id) {
        StorageNamespace namespace = StorageNamespace.of(id);
        usedNamespaces.add(namespace);
        return namespace;
    }

    @BeforeEach
    final void createStorageUnderTest() {
        storage = createStorage();
    }

    @AfterEach
    final void wipeAndCleanUp() throws Exception {
        try {
            for (StorageNamespace namespace : usedNamespaces) {
                storage.deleteAll(namespace);
            }
        } finally {
            cleanUp(storage);
        }
    }
}
