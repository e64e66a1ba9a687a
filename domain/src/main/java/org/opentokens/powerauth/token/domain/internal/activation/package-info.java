/**
 * Activation-time values: the activation code (and its QR signature), the activation fingerprint shown
 * to the user, and the encrypted activation status blob returned by {@code /pa/v3/activation/status}.
 */
package org.opentokens.powerauth.token.domain.internal.activation;
