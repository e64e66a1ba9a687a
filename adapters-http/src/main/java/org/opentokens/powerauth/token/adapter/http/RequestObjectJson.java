package org.opentokens.powerauth.token.adapter.http;

/**
 * A plain request body, {@code {"requestObject":…}}.
 *
 * @param <T> the payload type
 */
record RequestObjectJson<T>(T requestObject) {
}
