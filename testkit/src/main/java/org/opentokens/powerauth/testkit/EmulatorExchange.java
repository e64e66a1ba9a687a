package org.opentokens.powerauth.testkit;

/**
 * One handled request in the emulator's log. Carries no header or body.
 *
 * @param method HTTP method
 * @param path   path without query string
 * @param status HTTP status returned, or 0 when the connection was reset by an injected fault
 */
public record EmulatorExchange(String method, String path, int status) {
}
