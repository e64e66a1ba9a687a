package org.opentokens.powerauth.token.domain.testsupport;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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

    /**
     * @param seed the seed
     * @return a deterministic SecureRandom, so that a failing randomized case can be replayed
     */
    public static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
