/**
 * Access control for raw secret bytes.
 *
 * <p>Secret types hand out their bytes only against a {@link org.opentokens.powerauth.token.domain.secret.SecretAccess}
 * token. {@link org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess#get()} is deliberately easy to
 * grep for, and the architecture tests allow it only in the domain and storage adapters.
 */
package org.opentokens.powerauth.token.domain.secret;
