package org.opentokens.powerauth.token.adapter.http;

/** The token remove payload in both directions: {@code {"tokenId":…}}. */
record TokenIdJson(String tokenId) {
}
