package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;

/** The server status response payload; only {@code serverTime} (epoch milliseconds) is read. */
record ServerStatusJson(Long serverTime) {

    static ServerStatusJson read(Map<String, Object> object, Endpoint endpoint) {
        return new ServerStatusJson(WireJson.integer(object, "serverTime", endpoint));
    }
}
