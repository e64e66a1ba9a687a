/**
 * MAC token authentication: the token ID and secret handed out by {@code /pa/v3/token/create}, the
 * token digest, and the {@code X-PowerAuth-Token} header a client sends. Parsing and verifying that header is
 * server-side work; the tests' parser and verifier live in the domain's test-jar.
 *
 * <p>Time and nonces are parameters; nothing here reads a clock or draws randomness. Replay protection
 * (remembering used nonces) is stateful and lives outside the domain.
 */
package org.opentokens.powerauth.token.domain.internal.token;
