package org.opentokens.powerauth.token.adapter.http;

/** The keystore payload in both directions: {@code {"jwt":…}}. */
record JwtJson(String jwt) {
}
