package org.opentokens.powerauth.token.adapter.http;

/**
 * A plain response body, {@code {"status":"OK","responseObject":…}}.
 *
 * @param <T> the payload type
 */
record ResponseObjectJson<T>(String status, T responseObject) {
}
