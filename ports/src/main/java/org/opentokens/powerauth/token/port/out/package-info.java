/**
 * The service provider interface: the outbound ports a host may implement or bind in the Guice modules, and that the
 * library's own adapters implement too. {@link org.opentokens.powerauth.token.port.out.SecureStorage} keeps the
 * records, one {@link org.opentokens.powerauth.token.port.out.StorageNamespace} per instance, and fails with the
 * unchecked {@link org.opentokens.powerauth.token.domain.error.StorageException} family;
 * {@link org.opentokens.powerauth.token.port.out.RandomSource} supplies nonces, challenges and the domain's
 * {@code SecureRandom}; {@link org.opentokens.powerauth.token.port.out.MonotonicClock} decides whether a stored
 * server time offset can still be trusted. The ports a host cannot plug in are in {@code port.internal.out}.
 */
package org.opentokens.powerauth.token.port.out;
