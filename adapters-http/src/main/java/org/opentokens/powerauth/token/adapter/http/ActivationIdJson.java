package org.opentokens.powerauth.token.adapter.http;

/** The activation remove response payload: {@code {"activationId":…}}. */
record ActivationIdJson(String activationId) {
}
