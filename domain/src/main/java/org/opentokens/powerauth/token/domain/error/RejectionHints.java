package org.opentokens.powerauth.token.domain.error;

import java.util.Locale;

/**
 * The hints a {@link ServerRejectedException} can carry: what a user can check or do about a rejection, in one
 * sentence each. The texts are this library's own and name no secret; the code that knows the context (the HTTP
 * adapter for a 404, the client for a failed signed call) picks one with {@link ServerRejectedException#withHint}.
 *
 * <p>A real deployment answers every failed signature or token check with the same 401 {@code ERR_AUTHENTICATION},
 * so these hints rest on the call's own context and, where one is cheap, on an activation status call.
 */
public final class RejectionHints {
    /** The path every PowerAuth endpoint lives under, below the server base URL. */
    public static final String ENDPOINT_PREFIX = "/pa/v3/";

    private RejectionHints() {
    }

    /**
     * For a 404 on a {@code /pa/v3/...} endpoint.
     *
     * @param basePath the path of the configured server base URL (for example {@code /enrollment-server} or
     *     {@code /pa}); may be empty
     * @return the hint
     */
    public static String endpointNotFound(String basePath) {
        String path = basePath == null ? "" : basePath.toLowerCase(Locale.ROOT);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/pa") || path.endsWith("/pa/v3")) {
            return "The server base URL ends in " + (path.endsWith("/pa") ? "/pa" : "/pa/v3")
                    + ": leave that out, since the client adds /pa/v3/... to the base URL itself";
        }
        return "No PowerAuth endpoint at this address: check the server base URL. It is the part before /pa/v3 "
                + "(the client adds /pa/v3/... itself); a base URL ending in /pa is a common mistake";
    }

    /**
     * For a 401 on a password-signed call, when the activation status told how many attempts remain.
     *
     * @param remaining attempts left before the server blocks the activation
     * @param max attempts the server allows
     * @return the hint
     */
    public static String passwordMayBeWrong(int remaining, int max) {
        return "The password may be wrong: " + remaining + " of " + max + " attempt" + (max == 1 ? "" : "s")
                + " remain before the server blocks the activation";
    }

    /**
     * For a 401 on a password-signed call, without a status.
     *
     * @return the hint
     */
    public static String passwordMayBeWrong() {
        return "The password may be wrong; every wrong password counts toward blocking the activation (the "
                + "activation status shows the attempts left)";
    }

    /**
     * For {@code ERR_TEMPORARY_KEY} (or a 401) on a token request soon after activation.
     *
     * @param confirmed true when the activation status says PENDING_COMMIT
     * @return the hint
     */
    public static String notCommittedYet(boolean confirmed) {
        return confirmed
                ? "The server has not committed the activation yet (PENDING_COMMIT): the back office must commit it "
                        + "before tokens can be requested or signed calls made"
                : "If the activation was created just now, the back office may not have committed it yet";
    }

    /**
     * For a failed signed call whose activation the status reports BLOCKED.
     *
     * @return the hint
     */
    public static String activationBlocked() {
        return "The activation is BLOCKED on the server (too many failed attempts, or blocked by the back office): "
                + "ask the back office to unblock it, or remove it and activate again";
    }

    /**
     * For a failed signed call whose activation the status reports REMOVED.
     *
     * @return the hint
     */
    public static String activationRemoved() {
        return "The activation was REMOVED on the server: remove it locally and activate again with a new code";
    }
}
