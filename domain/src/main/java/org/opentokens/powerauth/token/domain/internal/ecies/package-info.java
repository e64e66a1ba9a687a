/**
 * Client side of PowerAuth 3.x ECIES end-to-end encryption: request encryption, response decryption and the
 * {@code X-PowerAuth-Encryption} header.
 *
 * <p>Start with {@link org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor#create}. Everything here is pure:
 * randomness and time are parameters, and JSON envelopes are left to the caller.
 */
package org.opentokens.powerauth.token.domain.internal.ecies;
