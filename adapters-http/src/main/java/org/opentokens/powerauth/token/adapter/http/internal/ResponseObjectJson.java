package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;

/**
 * Reads the payload of a plain response body, {@code {"status":"OK","responseObject":{…}}}.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
interface ResponseObjectJson<T> {
    /**
     * @param responseObject the {@code responseObject}, never null
     * @param endpoint the endpoint, for messages
     * @return the payload record
     * @throws org.opentokens.powerauth.token.domain.error.InvalidServerResponseException if a field has the wrong type
     */
    T read(Map<String, Object> responseObject, Endpoint endpoint);
}
