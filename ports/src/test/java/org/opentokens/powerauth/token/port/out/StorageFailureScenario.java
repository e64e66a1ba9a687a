package org.opentokens.powerauth.token.port.out;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.StorageException;

/**
 * A backend failure an adapter can stage for {@link SecureStorageFailureContract}: opening the storage, or
 * any call on it, must throw {@code expected}.
 *
 * @param name what is staged, for the test report
 * @param expected the typed exception every call must throw
 * @param opener opens the storage in the failing state; it may itself throw {@code expected}
 */
public record StorageFailureScenario(String name, Class<? extends StorageException> expected, Opener opener) {
    /** Validates the components. */
    public StorageFailureScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(opener, "opener");
    }

    /** Opens a storage in the failing state. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @return the storage, whose calls then fail
         * @throws Exception if staging fails (a test error), or the expected {@link StorageException}
         */
        SecureStorage open() throws Exception;
    }

    @Override
    public String toString() {
        return name;
    }
}
