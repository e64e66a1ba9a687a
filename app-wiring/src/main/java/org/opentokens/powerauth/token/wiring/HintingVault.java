package org.opentokens.powerauth.token.wiring;

import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthVault;

/** The vault as hosts get it: the service, with {@link FailureHints hints} on a refused password. */
final class HintingVault implements PowerAuthVault {
    private final PowerAuthVault delegate;
    private final FailureHints hints;

    HintingVault(PowerAuthVault delegate, FailureHints hints) {
        this.delegate = delegate;
        this.hints = hints;
    }

    @Override
    public CompletableFuture<byte[]> fetchEncryptionKey(PowerAuthAuthentication authentication, long index) {
        if (authentication == null) {
            return delegate.fetchEncryptionKey(null, index);
        }
        return hints.explain(delegate.fetchEncryptionKey(authentication, index), authentication.signatureType(),
                false);
    }

    @Override
    public CompletableFuture<byte[]> signDataWithDevicePrivateKey(PowerAuthAuthentication authentication,
            byte[] data) {
        if (authentication == null) {
            return delegate.signDataWithDevicePrivateKey(null, data);
        }
        return hints.explain(delegate.signDataWithDevicePrivateKey(authentication, data),
                authentication.signatureType(), false);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
