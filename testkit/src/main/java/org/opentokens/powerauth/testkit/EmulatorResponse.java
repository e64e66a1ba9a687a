package org.opentokens.powerauth.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The emulator's answer to one request.
 *
 * @param status  HTTP status code
 * @param headers response headers; names are looked up case-insensitively
 * @param body    body bytes
 */
public record EmulatorResponse(int status, Map<String, String> headers, byte[] body) {

    /** Copies the inputs; a null header map or body becomes empty. */
    public EmulatorResponse {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            copy.putAll(headers);
        }
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /** @return a copy of the body bytes */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return the body decoded as UTF-8 */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmulatorResponse r && status == r.status && headers.equals(r.headers)
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    /** Status and body size only: bodies may carry key material. */
    @Override
    public String toString() {
        return "EmulatorResponse[" + status + ", " + body.length + " bytes]";
    }
}
