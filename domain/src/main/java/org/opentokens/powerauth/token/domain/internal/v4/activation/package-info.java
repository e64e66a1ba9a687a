/**
 * Protocol 4.0 activation on the client: the two application-scope AEAD layers of {@code /pa/v4/activation/create}
 * and the processing of the layer-2 response ({@link org.opentokens.powerauth.token.domain.internal.v4.activation.V4Activation}),
 * the EC and hybrid fingerprints, activation-code signatures, and the MACed V4 status blob.
 */
package org.opentokens.powerauth.token.domain.internal.v4.activation;
