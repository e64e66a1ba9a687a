package org.opentokens.powerauth.token.domain.testsupport;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Test-only set-up for Wultra's reference implementation, which looks up the "BC" JCA provider by name.
 * Production code never registers a provider; only the oracle side of the tests needs this.
 */
public final class WultraOracle {
    private WultraOracle() {
    }

    /** Registers Bouncy Castle as a JCA provider once, for the oracle's benefit. */
    public static synchronized void ensureProvider() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }
}
