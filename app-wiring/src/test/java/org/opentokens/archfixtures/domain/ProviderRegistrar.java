package org.opentokens.archfixtures.domain;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Violates: no global JCA provider registration. */
public final class ProviderRegistrar {
    public void register() {
        Security.addProvider(new BouncyCastleProvider());
    }
}
