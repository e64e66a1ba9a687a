/** Protocol 3.3 temporary encryption keys: fetched per scope, verified, cached until shortly before expiry. */
package org.opentokens.powerauth.token.application.internal.keystore;
