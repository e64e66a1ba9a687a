/**
 * PowerAuth cryptographic building blocks: P-256 keys and ECDH on Bouncy Castle's lightweight API,
 * the PowerAuth KDFs, HMAC-SHA256 and SHA-256 on the JDK's digest, AES-CBC, and byte helpers.
 *
 * <p>No JCA provider is registered or looked up by name.
 */
package org.opentokens.powerauth.token.domain.internal.crypto;
