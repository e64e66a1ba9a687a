package org.opentokens.powerauth.token.port.internal.out;

import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;

/**
 * Computes the {@code X-PowerAuth-Authorization} header for one request body, supplied by a service to a signed
 * {@link PowerAuthServer} call.
 *
 * <p>Signing advances the activation's hash counter and persists it before returning, so a signer is called at
 * most once per request and only when the request is about to be sent.
 */
@FunctionalInterface
public interface RequestSigner {

    /**
     * Signs a request body.
     *
     * @param body the exact bytes that will be sent; not modified and not retained
     * @return the header to send with those bytes
     * @throws org.opentokens.powerauth.token.domain.error.PowerAuthClientException if the request must not be sent
     *     (no activation, storage failure); the server call propagates it without sending anything
     */
    AuthorizationHeader sign(byte[] body);
}
