package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.util.Optional;

/**
 * A real keychain back-end that claims small items (as Windows' credentials are), so that a namespace of a
 * few records is stored through the chunked {@link ItemLayout} on the real Secret Service.
 */
final class ItemSizeLimitedBackend implements KeyringBackend {
    private final KeyringBackend delegate;
    private final int maxItemBytes;

    ItemSizeLimitedBackend(KeyringBackend delegate, int maxItemBytes) {
        this.delegate = delegate;
        this.maxItemBytes = maxItemBytes;
    }

    @Override
    public int maxItemBytes() {
        return maxItemBytes;
    }

    @Override
    public Optional<byte[]> read(String account) {
        return delegate.read(account);
    }

    @Override
    public void write(String account, String label, byte[] value) {
        if (value.length > maxItemBytes) {
            throw new IllegalArgumentException("item of " + value.length + " bytes exceeds " + maxItemBytes);
        }
        delegate.write(account, label, value);
    }

    @Override
    public boolean delete(String account) {
        return delegate.delete(account);
    }
}
