/**
 * The service provider interface: the outbound ports a host may implement or bind in the Guice modules
 * ({@code SecureStorage} with {@code StorageNamespace}, {@code RandomSource}, {@code MonotonicClock}); the
 * library's own adapters implement them too. The ports a host cannot plug in are in {@code port.internal.out}.
 *
 * <p>Storage: {@link org.opentokens.powerauth.token.port.out.SecureStorage} persists activation and token
 * records as byte values under string names, one {@link org.opentokens.powerauth.token.port.out.StorageNamespace}
 * per client instance. Its failures are the unchecked
 * {@link org.opentokens.powerauth.token.domain.error.StorageException} family; bad arguments are
 * {@link org.opentokens.powerauth.token.domain.error.MalformedDataException}, checked by
 * {@link org.opentokens.powerauth.token.port.internal.out.StorageArguments} before any backend is touched.
 *
 * <p>Randomness: {@link org.opentokens.powerauth.token.port.out.RandomSource} supplies nonces, challenges and the
 * {@code SecureRandom} the domain draws ephemeral keys from; the wiring creates the one shared generator.
 *
 * <p>Time: services take a {@code java.time.Clock}, and server-synced time comes from
 * {@code application.time.TimeSynchronizationService}. {@link org.opentokens.powerauth.token.port.out.MonotonicClock}
 * (a steady clock and the boot it belongs to) decides whether a stored server time offset can still be trusted.
 */
package org.opentokens.powerauth.token.port.out;
