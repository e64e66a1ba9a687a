package org.opentokens.powerauth.testkit;

import java.util.Set;

/** The protocol versions Wultra's 1.10.0 crypto supports, and what each one uses. */
final class ProtocolVersions {

    static final Set<String> SUPPORTED = Set.of("3.0", "3.1", "3.2", "3.3");

    private ProtocolVersions() {
    }

    static boolean supported(String version) {
        return version != null && SUPPORTED.contains(version);
    }

    static boolean usesTemporaryKeys(String version) {
        return "3.3".equals(version);
    }

    static boolean usesTimestamp(String version) {
        return "3.2".equals(version) || "3.3".equals(version);
    }

    /**
     * Whether the server's 60 s request-expiration check also bounds how far ahead a token header may be (3.2 and
     * 3.3, measured on a real deployment); 3.0 and 3.1 headers get the token window's own 30 min.
     */
    static boolean limitsTokensByRequestExpiration(String version) {
        return usesTimestamp(version);
    }

    static boolean usesRequestNonce(String version) {
        return !"3.0".equals(version);
    }
}
