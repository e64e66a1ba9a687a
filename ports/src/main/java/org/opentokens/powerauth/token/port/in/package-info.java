/**
 * Inbound ports: the API a host application calls. {@link org.opentokens.powerauth.token.port.in.PowerAuthTokenStore}
 * is the SDKs' token store; {@link org.opentokens.powerauth.token.port.in.ActivationUseCase} manages the activation
 * the tokens belong to; factors for signed calls travel in a single-use
 * {@link org.opentokens.powerauth.token.port.in.PowerAuthAuthentication}. Errors are unchecked and typed, under
 * {@link org.opentokens.powerauth.token.domain.error.PowerAuthClientException}; a future fails with the same types,
 * wrapped only in {@link java.util.concurrent.CompletionException} by {@code join()}.
 */
package org.opentokens.powerauth.token.port.in;
