/**
 * A loopback PowerAuth 3.x and 4.0 server emulator for tests and manual runs.
 *
 * <p>{@link org.opentokens.powerauth.testkit.PowerAuthEmulator} answers the standard {@code /pa/v3} endpoints
 * (status, keystore, activation create/status/remove, token create/remove, signature validate) and a sample
 * resource protected by {@code X-PowerAuth-Token}, and beside them the protocol 4.0 {@code /pa/v4} endpoints, either
 * in process through
 * {@link org.opentokens.powerauth.testkit.PowerAuthEmulator#handle(EmulatorRequest)} or over HTTP on 127.0.0.1.
 * Its server-side crypto is Wultra's {@code powerauth-java-crypto} (1.10.0 for 3.x, 2.0.1 for 4.0), so a client
 * tested against it is tested against an independent implementation.
 *
 * <p>The package lies outside {@code org.opentokens.powerauth.token} on purpose: it registers the Bouncy Castle
 * provider (Wultra's classes look it up by name) and reads the system clock by default, which the library's
 * own rules forbid.
 */
package org.opentokens.powerauth.testkit;
