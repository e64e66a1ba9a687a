package org.opentokens.powerauth.token.port.in;

import java.util.Objects;

/**
 * An HTTP header to attach to a request: {@link #key()} is the header name, {@link #value()} its value. Values
 * are single-use credentials, so {@code toString} shows only the name.
 */
public final class PowerAuthAuthorizationHttpHeader {
    private final String key;
    private final String value;

    /**
     * @param key the header name, such as {@code X-PowerAuth-Token}
     * @param value the header value
     */
    public PowerAuthAuthorizationHttpHeader(String key, String value) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** @return the header name */
    public String key() {
        return key;
    }

    /** @return the header value */
    public String value() {
        return value;
    }

    /** @return {@code key + ": " + value}, as a curl {@code -H} argument */
    public String asHeaderLine() {
        return key + ": " + value;
    }

    @Override
    public String toString() {
        return "PowerAuthAuthorizationHttpHeader[" + key + ": <redacted>]";
    }
}
