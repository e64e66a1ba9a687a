package org.opentokens.powerauth.testkit;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request to the emulator.
 *
 * @param method  HTTP method, for example {@code POST}
 * @param path    request path, optionally with a query string, for example {@code /pa/v3/token/create}
 * @param headers request headers; names are looked up case-insensitively
 * @param body    the exact body bytes (empty when there is none)
 */
public record EmulatorRequest(String method, String path, Map<String, String> headers, byte[] body) {

    /** Copies the inputs; a null header map or body becomes empty. */
    public EmulatorRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            copy.putAll(headers);
        }
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * A POST request.
     *
     * @param path    request path
     * @param headers request headers
     * @param body    body bytes
     * @return the request
     */
    public static EmulatorRequest post(String path, Map<String, String> headers, byte[] body) {
        return new EmulatorRequest("POST", path, headers, body);
    }

    /** @return a copy of the body bytes */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * One header value.
     *
     * @param name header name, any case
     * @return the value, or null when absent
     */
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmulatorRequest r && method.equals(r.method) && path.equals(r.path)
                && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, headers, Arrays.hashCode(body));
    }

    /** Method, path and body size only: headers may carry authorization values. */
    @Override
    public String toString() {
        return "EmulatorRequest[" + method + " " + path + ", " + body.length + " bytes]";
    }
}
