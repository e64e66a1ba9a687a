package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/**
 * An in-memory keychain with a per-item size limit (like Windows' credentials) and a crash switch: after a
 * given number of mutating calls every call throws, as if the process had died there.
 */
final class FakeKeyringBackend implements KeyringBackend {
    /** Thrown at the simulated crash point. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated crash");
        }
    }

    private final Map<String, byte[]> items;
    private final int maxItemBytes;
    private final AtomicInteger mutationsLeft = new AtomicInteger(Integer.MAX_VALUE);

    FakeKeyringBackend(int maxItemBytes) {
        this(new ConcurrentHashMap<>(), maxItemBytes);
    }

    private FakeKeyringBackend(Map<String, byte[]> items, int maxItemBytes) {
        this.items = items;
        this.maxItemBytes = maxItemBytes;
    }

    /** @return a backend over the same items, as a restarted process would see them */
    FakeKeyringBackend restarted() {
        return new FakeKeyringBackend(items, maxItemBytes);
    }

    /** @param mutations how many more writes and deletes succeed before the crash */
    void crashAfter(int mutations) {
        mutationsLeft.set(mutations);
    }

    Map<String, byte[]> items() {
        return items;
    }

    @Override
    public int maxItemBytes() {
        return maxItemBytes;
    }

    @Override
    public Optional<byte[]> read(String account) {
        byte[] value = items.get(account);
        return Optional.ofNullable(value).map(byte[]::clone);
    }

    @Override
    public void write(String account, String label, byte[] value) {
        if (value.length > maxItemBytes) {
            throw new StorageUnavailableException("item too large for the fake keychain");
        }
        mutate();
        items.put(account, value.clone());
    }

    @Override
    public boolean delete(String account) {
        mutate();
        return items.remove(account) != null;
    }

    private void mutate() {
        if (mutationsLeft.getAndDecrement() <= 0) {
            mutationsLeft.set(0);
            throw new Crash();
        }
    }
}
