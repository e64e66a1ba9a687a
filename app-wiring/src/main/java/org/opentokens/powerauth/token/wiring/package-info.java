/**
 * The composition root: the only place that reads the wall clock, creates {@code SecureRandom} and knows
 * about dependency injection.
 *
 * <p>A host builds an injector from {@link org.opentokens.powerauth.token.wiring.PowerAuthTokenModule} (given a
 * {@link org.opentokens.powerauth.token.wiring.PowerAuthClientConfig}) and one storage module such as
 * {@link org.opentokens.powerauth.token.wiring.InMemoryStorageModule}, then takes the
 * {@link org.opentokens.powerauth.token.wiring.PowerAuthClient} facade or the token store and activation API
 * from it.
 */
package org.opentokens.powerauth.token.wiring;
