/**
 * The protocol 4.0 client side of the token store and the activation: {@code /pa/v4} temporary keys, activation,
 * status, authentication codes, tokens. {@link org.opentokens.powerauth.token.application.internal.v4.V4ClientProtocol} is
 * the one entry point the version-neutral services call when a stored activation (or, for a new one, the
 * configuration) says 4.0.
 */
package org.opentokens.powerauth.token.application.internal.v4;
