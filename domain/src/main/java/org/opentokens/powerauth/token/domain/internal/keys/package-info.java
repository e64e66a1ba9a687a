/**
 * Activation keys: the master secret from ECDH, the keys derived from it, PIN protection of the knowledge key
 * and the vault that protects the device private key.
 *
 * <p>Every key type here is redacted in {@code toString} and destroyable (best effort).
 */
package org.opentokens.powerauth.token.domain.internal.keys;
