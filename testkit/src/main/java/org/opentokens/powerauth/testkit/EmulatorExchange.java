package org.opentokens.powerauth.testkit;

/**
 * One handled request in the emulator's log. Carries no header or body.
 *
 * @param method HTTP method
 * @param path   path without query string
 * @param status HTTP status returned, or 0 when the connection was reset by an injected fault
 * @param reason why a token or signature check failed (the uniform 401 body does not say), or null when the
 *     request was not refused for an authentication reason
 */
public record EmulatorExchange(String method, String path, int status, EmulatorAuthFailure reason) {

    /**
     * An exchange without an authentication failure.
     *
     * @param method HTTP method
     * @param path   path without query string
     * @param status HTTP status returned
     */
    public EmulatorExchange(String method, String path, int status) {
        this(method, path, status, null);
    }
}
