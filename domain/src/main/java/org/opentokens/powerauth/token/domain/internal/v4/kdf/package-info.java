/**
 * Protocol 4.0 key derivation: {@link org.opentokens.powerauth.token.domain.internal.v4.kdf.V4Kdf} (KMAC256 with
 * {@code "PA4KDF"} over length-prefixed label and diversifier), the labels of the key hierarchy and
 * {@link org.opentokens.powerauth.token.domain.internal.v4.kdf.V4KeyFactory}, which derives every key of an activation from
 * {@code KEY_ACTIVATION_SECRET}.
 */
package org.opentokens.powerauth.token.domain.internal.v4.kdf;
