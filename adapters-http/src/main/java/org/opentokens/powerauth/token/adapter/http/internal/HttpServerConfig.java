package org.opentokens.powerauth.token.adapter.http.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Immutable settings of {@link JavaHttpPowerAuthServer}: where the server is, how long to wait, what to add to every
 * request and how large an answer may be. Build one with {@link #builder()}; {@code toString} shows header names
 * but never their values.
 */
public final class HttpServerConfig {
    /** Default time allowed to open a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time allowed for a whole call, from sending to the last byte of the answer. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Default cap on a response body: 1 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    private final URI baseUri;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Map<String, String> extraHeaders;
    private final HttpClient httpClient;
    private final SSLContext sslContext;
    private final int maxResponseBytes;

    private HttpServerConfig(Builder b) {
        this.baseUri = b.baseUri;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.extraHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraHeaders));
        this.httpClient = b.httpClient;
        this.sslContext = b.sslContext;
        this.maxResponseBytes = b.maxResponseBytes;
    }

    /** @return a builder with the defaults; {@link Builder#baseUri(URI)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the server's base URI without a trailing slash; endpoint paths such as {@code /pa/v3/status} follow it */
    public URI baseUri() {
        return baseUri;
    }

    /** @return the connect timeout (ignored when a custom {@link #httpClient()} is given: the client's own applies) */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the time allowed for a whole call */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return the extra headers sent with every request, in insertion order; unmodifiable */
    public Map<String, String> extraHeaders() {
        return extraHeaders;
    }

    /** @return the caller's own client, if one was given */
    public Optional<HttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /** @return the TLS context for the adapter's own client, if one was given */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /** @return the largest response body accepted, in bytes */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    @Override
    public String toString() {
        return "HttpServerConfig[baseUri=" + baseUri + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", extraHeaders=" + extraHeaders.keySet()
                + ", customHttpClient=" + (httpClient != null) + ", customSslContext=" + (sslContext != null)
                + ", maxResponseBytes=" + maxResponseBytes + "]";
    }

    /** Collects the settings; every setter checks its argument at once and throws {@link IllegalArgumentException}. */
    public static final class Builder {
        private URI baseUri;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private final Set<String> lowerCaseNames = new HashSet<>();
        private HttpClient httpClient;
        private SSLContext sslContext;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder() {
        }

        /**
         * @param baseUri an absolute {@code http} or {@code https} URI with a host, optionally a path prefix, and
         *     no user info, query or fragment; a trailing slash is dropped
         * @return this builder
         */
        public Builder baseUri(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("the server URL (baseUri) must start with http:// or https://");
            }
            if (baseUri.getHost() == null || baseUri.isOpaque()) {
                throw new IllegalArgumentException("the server URL (baseUri) must name a host, as in "
                        + "https://bank.example/enrollment-server");
            }
            if (baseUri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("the server URL (baseUri) must not carry credentials (user info "
                        + "before @); send them as extra headers");
            }
            if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
                throw new IllegalArgumentException("the server URL (baseUri) must not have a query (?...) or a "
                        + "fragment (#...)");
            }
            String text = baseUri.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            this.baseUri = URI.create(text);
            return this;
        }

        /**
         * @param baseUri the base URI as text, see {@link #baseUri(URI)}
         * @return this builder
         */
        public Builder baseUri(String baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            try {
                return baseUri(new URI(baseUri));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(invalidUrl(e), e);
            }
        }

        /** @return what is wrong with a server URL, without repeating it (it may hold credentials) */
        private static String invalidUrl(URISyntaxException e) {
            return "the server URL (baseUri) is not a valid URL: " + e.getReason().toLowerCase(Locale.ROOT)
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "");
        }

        /**
         * @param timeout positive time allowed to open a connection
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout positive time allowed for a whole call, from sending to the last byte of the answer
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * Adds a header to every request. Names are HTTP tokens, unique ignoring case; {@code Content-Type},
         * {@code Accept}, {@code X-PowerAuth-*} and the headers {@code java.net.http} manages are refused. Values
         * are visible ASCII, space and tab.
         *
         * @param name the header name
         * @param value the header value
         * @return this builder
         */
        public Builder extraHeader(String name, String value) {
            String lower = ExtraHeaders.checkName(name);
            ExtraHeaders.checkValue(name, value);
            if (!lowerCaseNames.add(lower)) {
                throw new IllegalArgumentException("extra header " + name + " is given twice");
            }
            extraHeaders.put(name, value);
            return this;
        }

        /**
         * @param headers headers to add, see {@link #extraHeader(String, String)}
         * @return this builder
         */
        public Builder extraHeaders(Map<String, String> headers) {
            Objects.requireNonNull(headers, "headers").forEach(this::extraHeader);
            return this;
        }

        /**
         * Uses the caller's client (its own timeouts, proxy, TLS and redirect settings) instead of building one.
         * Excludes {@link #sslContext(SSLContext)}.
         *
         * @param client the client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * TLS settings (trust store, client certificate) for the adapter's own client. Excludes
         * {@link #httpClient(HttpClient)}.
         *
         * @param context the TLS context
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * @param max positive cap on a response body, enforced while it streams in
         * @return this builder
         */
        public Builder maxResponseBytes(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = max;
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException if no base URI was set, or both a client and a TLS context were
         */
        public HttpServerConfig build() {
            if (baseUri == null) {
                throw new IllegalArgumentException("baseUri is required");
            }
            if (httpClient != null && sslContext != null) {
                throw new IllegalArgumentException(
                        "give either an httpClient or an sslContext: a custom client carries its own TLS settings");
            }
            return new HttpServerConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
