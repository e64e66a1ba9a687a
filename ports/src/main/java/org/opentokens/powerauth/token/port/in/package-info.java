/**
 * Inbound ports: the public API a host application calls.
 *
 * <p>{@link org.opentokens.powerauth.token.port.in.PowerAuthTokenStore} is the token store of the PowerAuth
 * mobile SDKs; {@link org.opentokens.powerauth.token.port.in.ActivationUseCase} creates, commits, checks and
 * removes the activation the tokens belong to. Factors for signed calls travel in a single-use
 * {@link org.opentokens.powerauth.token.port.in.PowerAuthAuthentication}.
 *
 * <p>Errors are unchecked and typed, rooted at
 * {@link org.opentokens.powerauth.token.domain.error.PowerAuthClientException}: the exceptions of this package
 * (missing activation, token not found, factor mismatch, wrong activation state, client closed), the server
 * failures of {@code port.out} (rejected, unreachable, invalid response), {@code StorageException} and
 * {@code TimeNotSynchronizedException}. Asynchronous operations complete their future exceptionally with the
 * same types, never wrapped in anything but {@link java.util.concurrent.CompletionException} by
 * {@code join()}.
 */
package org.opentokens.powerauth.token.port.in;
