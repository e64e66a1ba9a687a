/**
 * MAC token authentication: the token ID and secret handed out by {@code /pa/v3/token/create}, the
 * token digest, and the {@code X-PowerAuth-Token} header with its parser and server-side verifier.
 *
 * <p>Time and nonces are parameters; nothing here reads a clock or draws randomness. Replay protection
 * (remembering used nonces) is stateful and lives outside the domain.
 */
package org.opentokens.powerauth.token.domain.token;
