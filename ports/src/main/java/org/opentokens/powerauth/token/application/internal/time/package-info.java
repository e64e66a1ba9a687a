/**
 * Server time synchronization: the offset between the local {@link java.time.Clock} and the PowerAuth server,
 * learned from {@code /pa/v3/status}, temporary-key JWTs and ECIES response timestamps, and a {@code Clock} view
 * ({@link org.opentokens.powerauth.token.application.internal.time.ServerClock}) for code that stamps headers.
 *
 * <p>Nothing here reads the wall clock: every local time comes from the injected {@code Clock}.
 */
package org.opentokens.powerauth.token.application.internal.time;
