package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of the caller's extra request headers: names, values, and the names the adapter owns. */
final class ExtraHeaders {
    /** RFC 9110 token characters. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Visible ASCII, space and tab. */
    private static final Pattern VALUE = Pattern.compile("[\\t\\x20-\\x7e]*");
    /** Set by the adapter, or restricted by {@code java.net.http}. */
    private static final Set<String> RESERVED = Set.of("content-type", "accept", "content-length", "host",
            "connection", "expect", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive",
            "proxy-connection", "http2-settings");
    private static final String POWERAUTH_PREFIX = "x-powerauth-";

    private ExtraHeaders() {
    }

    /**
     * @param name a header name
     * @return the lowercase name, for duplicate checks
     * @throws IllegalArgumentException if the name is not a token or is one the adapter owns
     */
    static String checkName(String name) {
        if (name == null || !TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("extra header name is not a valid HTTP token");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower) || lower.startsWith(POWERAUTH_PREFIX)) {
            throw new IllegalArgumentException("extra header " + name + " is set by the adapter and cannot be overridden");
        }
        return lower;
    }

    /**
     * @param name the header's name (for the message only; the value is never shown)
     * @param value a header value
     * @throws IllegalArgumentException if the value is null or holds characters other than visible ASCII, space
     *     and tab
     */
    static void checkValue(String name, String value) {
        if (value == null || !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("extra header " + name
                    + " has a value with characters other than visible ASCII, space and tab");
        }
    }
}
