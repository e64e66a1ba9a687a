package org.opentokens.powerauth.token.adapter.http;

/** The server status response payload; only {@code serverTime} (epoch milliseconds) is read. */
record ServerStatusJson(Long serverTime) {
}
