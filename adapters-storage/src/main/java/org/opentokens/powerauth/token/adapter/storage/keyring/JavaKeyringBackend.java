package org.opentokens.powerauth.token.adapter.storage.keyring;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.StorageLockedException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/**
 * macOS and Windows back-end over java-keyring, with its back-end chosen explicitly (never its auto-probe,
 * which on Linux can leave non-daemon D-Bus threads behind). java-keyring's API is strings, so values travel
 * as Base64 text. Not run in this project's Linux CI; see {@link JavaKeyringErrors} for how its failures are
 * told apart.
 */
final class JavaKeyringBackend implements KeyringBackend {
    private final Keyring keyring;
    private final KeyringStorageType type;
    private final String service;
    private final int maxItemBytes;
    private final Duration timeout;

    private JavaKeyringBackend(Keyring keyring, KeyringStorageType type, String service, int maxItemBytes,
            Duration timeout) {
        this.keyring = keyring;
        this.type = type;
        this.service = service;
        this.maxItemBytes = maxItemBytes;
        this.timeout = timeout;
    }

    static JavaKeyringBackend open(String service, KeyringStorageType type, int maxItemBytes, Duration timeout) {
        Keyring keyring = KeyringCalls.run("open", timeout, () -> {
            try {
                return Keyring.create(type);
            } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                throw new StorageUnavailableException("keychain back-end " + type + " is not available here", e);
            }
        });
        return new JavaKeyringBackend(keyring, type, service, maxItemBytes, timeout);
    }

    @Override
    public int maxItemBytes() {
        return maxItemBytes;
    }

    @Override
    public Optional<byte[]> read(String account) {
        return KeyringCalls.run("read", timeout, () -> readNow(account));
    }

    @Override
    public void write(String account, String label, byte[] value) {
        KeyringCalls.run("write", timeout, () -> {
            writeNow(account, value);
            return null;
        });
    }

    @Override
    public boolean delete(String account) {
        return KeyringCalls.run("delete", timeout, () -> deleteNow(account));
    }

    private Optional<byte[]> readNow(String account) {
        String text;
        try {
            text = keyring.getPassword(service, account);
        } catch (PasswordAccessException e) {
            if (JavaKeyringErrors.meansMissing(type, e.getMessage())) {
                return Optional.empty();
            }
            throw map("read", e);
        } catch (RuntimeException e) {
            throw map("read", e);
        }
        try {
            return Optional.of(Base64.getDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException e) {
            throw new StorageCorruptException("keychain item is not Base64", e);
        }
    }

    private void writeNow(String account, byte[] value) {
        try {
            keyring.setPassword(service, account, Base64.getEncoder().encodeToString(value));
        } catch (PasswordAccessException | RuntimeException e) {
            throw map("write", e);
        }
    }

    private boolean deleteNow(String account) {
        if (readNow(account).isEmpty()) {
            return false;
        }
        try {
            keyring.deletePassword(service, account);
            return true;
        } catch (PasswordAccessException e) {
            if (JavaKeyringErrors.meansMissing(type, e.getMessage())) {
                return false;
            }
            throw map("delete", e);
        } catch (RuntimeException e) {
            throw map("delete", e);
        }
    }

    private StorageException map(String action, Exception e) {
        return JavaKeyringErrors.locked(type, e.getMessage())
                ? new StorageLockedException("keychain is locked (" + action + ")", e)
                : new StorageUnavailableException("keychain " + action + " failed", e);
    }

    @Override
    public String toString() {
        return "JavaKeyringBackend[" + type + ", " + service + "]";
    }
}
