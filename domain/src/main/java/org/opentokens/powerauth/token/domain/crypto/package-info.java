/**
 * PowerAuth cryptographic building blocks on Bouncy Castle's lightweight API: P-256 keys and ECDH,
 * the PowerAuth KDFs, HMAC-SHA256, AES-CBC, and byte helpers.
 *
 * <p>No JCA provider is registered or looked up by name.
 */
package org.opentokens.powerauth.token.domain.crypto;
