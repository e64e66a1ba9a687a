/**
 * The composition root: the only place that reads the wall clock, creates {@code SecureRandom} and knows
 * about dependency injection.
 */
package org.opentokens.powerauth.token.wiring;
