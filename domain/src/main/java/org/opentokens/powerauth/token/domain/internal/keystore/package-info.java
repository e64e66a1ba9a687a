/**
 * PowerAuth 3.3 temporary encryption keys ({@code /pa/v3/keystore/create}): the HS256 request JWT, the ES256
 * response JWT check, and validation of the returned key.
 *
 * <p>No JSON is built or parsed here: the caller supplies the claims bytes and parses the verified payload with its
 * own JSON codec, then hands the values back as {@link org.opentokens.powerauth.token.domain.internal.keystore.TemporaryKeyClaims}.
 */
package org.opentokens.powerauth.token.domain.internal.keystore;
