package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * Child-process entry point for the keychain failure tests: opens the Linux keychain in whatever environment
 * it was started with, tries a write and a read, and prints one line per step: {@code step: ok} or
 * {@code step: ExceptionClass}. Then returns from main: the JVM must exit by itself.
 */
public final class KeyringChildProcess {
    private KeyringChildProcess() {
    }

    public static void main(String[] args) {
        StorageNamespace ns = StorageNamespace.of("child");
        KeyringSecureStorage[] storage = new KeyringSecureStorage[1];
        step("open", () -> storage[0] = KeyringSecureStorage.builder(KeyringSecureStorageTest.SERVICE)
                .platform(KeyringPlatform.LINUX_SECRET_SERVICE).open());
        if (storage[0] == null) {
            return;
        }
        String mode = args.length > 0 ? args[0] : "";
        if (mode.equals("seed")) {
            step("put", () -> {
                storage[0].put(ns, "token", SecretBytes.copyOf("seeded".getBytes(StandardCharsets.UTF_8)));
                return null;
            });
            return;
        }
        step("put", () -> {
            storage[0].put(ns, "token", SecretBytes.copyOf("child-value".getBytes(StandardCharsets.UTF_8)));
            return null;
        });
        step("get", () -> storage[0].get(ns, "token"));
        step("names", () -> storage[0].names(ns));
    }

    private static void step(String name, Supplier<Object> action) {
        try {
            action.get();
            System.out.println(name + ": ok");
        } catch (RuntimeException e) {
            System.out.println(name + ": " + e.getClass().getSimpleName());
            System.err.println(name + " failed: " + e);
        }
    }
}
