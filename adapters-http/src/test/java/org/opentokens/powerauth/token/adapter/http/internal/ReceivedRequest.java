package org.opentokens.powerauth.token.adapter.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** One request as {@link StubHttpServer} received it. */
final class ReceivedRequest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    ReceivedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.path = path;
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        this.headers = lower;
        this.body = body.clone();
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    byte[] body() {
        return body.clone();
    }

    /** @return the body parsed as a JSON tree */
    JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name a header name, any case
     * @return its only value, if present
     */
    Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        if (values.size() > 1) {
            throw new AssertionError("header " + name + " sent " + values.size() + " times");
        }
        return values.stream().findFirst();
    }

    /** @return every header name, lowercase */
    Set<String> headerNames() {
        return headers.keySet();
    }
}
