package org.opentokens.powerauth.token.port.internal.out;

import org.opentokens.powerauth.token.domain.internal.v4.auth.V4AuthorizationHeader;

/**
 * Computes the 4.0 {@code X-PowerAuth-Authorization} header for one request body; the 4.0 counterpart of
 * {@link RequestSigner}, with the same rules: it advances and persists the activation's counter before returning,
 * so it is called at most once per request, and only when the request is about to be sent.
 */
@FunctionalInterface
public interface V4RequestSigner {

    /**
     * @param body the exact bytes that will be sent; not modified and not retained
     * @return the header to send with those bytes
     * @throws org.opentokens.powerauth.token.domain.error.PowerAuthClientException if the request must not be sent
     */
    V4AuthorizationHeader sign(byte[] body);
}
