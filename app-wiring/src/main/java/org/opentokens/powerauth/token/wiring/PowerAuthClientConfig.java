package org.opentokens.powerauth.token.wiring;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.opentokens.powerauth.token.adapter.http.internal.HttpServerConfig;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.V4Settings;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.port.in.ClientProtocolVersion;

/**
 * Everything one PowerAuth client instance needs, for {@link PowerAuthTokenModule}: where the server is, the
 * application's credentials, the master server public key, the protocol version (3.3 by default), the instance
 * id that namespaces storage ({@value PowerAuthConfiguration#DEFAULT_INSTANCE_ID} by default) and the HTTP
 * settings.
 *
 * <p>Immutable. {@link Builder#build()} checks every value at once, so a bad key or URI fails where the
 * configuration is written, not at the first server call. {@code toString} shows neither the application
 * secret nor the values of extra headers.
 */
public final class PowerAuthClientConfig {
    private final PowerAuthConfiguration powerAuth;
    private final HttpServerConfig http;

    private PowerAuthClientConfig(PowerAuthConfiguration powerAuth, HttpServerConfig http) {
        this.powerAuth = powerAuth;
        this.http = http;
    }

    /**
     * @param baseUri the server's base URI, such as {@code https://bank.example/enrollment-server}; the
     *     {@code /pa/v3/...} paths follow it
     * @param applicationKey {@code APP_KEY}, Base64 of 16 bytes
     * @param applicationSecret {@code APP_SECRET}, Base64 of 16 bytes
     * @param masterServerPublicKey {@code KEY_SERVER_MASTER_PUBLIC}, Base64 of a P-256 point
     * @return a builder with the defaults
     */
    public static Builder builder(URI baseUri, String applicationKey, String applicationSecret,
            String masterServerPublicKey) {
        return new Builder(Objects.requireNonNull(baseUri, "baseUri"), applicationKey, applicationSecret,
                masterServerPublicKey);
    }

    /**
     * @param baseUri the server's base URI as text, see {@link #builder(URI, String, String, String)}
     * @param applicationKey {@code APP_KEY}
     * @param applicationSecret {@code APP_SECRET}
     * @param masterServerPublicKey {@code KEY_SERVER_MASTER_PUBLIC}
     * @return a builder with the defaults
     * @throws IllegalArgumentException if the text is not a URI
     */
    public static Builder builder(String baseUri, String applicationKey, String applicationSecret,
            String masterServerPublicKey) {
        Objects.requireNonNull(baseUri, "baseUri");
        try {
            return builder(new URI(baseUri), applicationKey, applicationSecret, masterServerPublicKey);
        } catch (java.net.URISyntaxException e) {
            // Not repeated: a URL may hold credentials.
            throw new IllegalArgumentException("the server URL (baseUri) is not a valid URL: "
                    + e.getReason().toLowerCase(java.util.Locale.ROOT)
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""), e);
        }
    }

    /** @return the server's base URI, without a trailing slash */
    public URI baseUri() {
        return http.baseUri();
    }

    /** @return the instance id, which namespaces this client's storage */
    public String instanceId() {
        return powerAuth.instanceId();
    }

    /** @return the protocol version this client speaks */
    public ProtocolVersion protocolVersion() {
        return powerAuth.protocolVersion();
    }

    /** @return the protocol of new activations: the 3.x version, or 4.0 */
    public ClientProtocolVersion clientProtocolVersion() {
        return powerAuth.v4().isPresent() ? ClientProtocolVersion.V4_0
                : ClientProtocolVersion.of(powerAuth.protocolVersion());
    }

    /** @return the protocol settings the services take */
    PowerAuthConfiguration powerAuthConfiguration() {
        return powerAuth;
    }

    /** @return the settings of the HTTP adapter */
    HttpServerConfig httpServerConfig() {
        return http;
    }

    @Override
    public String toString() {
        return "PowerAuthClientConfig[instance=" + powerAuth.instanceId() + ", baseUri=" + http.baseUri()
                + ", applicationKey=" + powerAuth.applicationKey() + ", protocolVersion=" + powerAuth.protocolLabel()
                + ", applicationSecret=<redacted>, connectTimeout=" + http.connectTimeout() + ", requestTimeout="
                + http.requestTimeout() + ", extraHeaders=" + http.extraHeaders().keySet() + "]";
    }

    /** Collects the settings; {@link #build()} validates them. */
    public static final class Builder {
        private final PowerAuthConfiguration.Builder powerAuth;
        private final HttpServerConfig.Builder http;
        private ClientProtocolVersion protocol;
        private SharedSecretAlgorithm algorithm = SharedSecretAlgorithm.EC_P384_ML_L3;
        private String masterEcKeyV4;
        private String masterMlDsaKeyV4;

        private Builder(URI baseUri, String applicationKey, String applicationSecret, String masterServerPublicKey) {
            this.powerAuth = PowerAuthConfiguration.builder(Objects.requireNonNull(applicationKey, "applicationKey"),
                    Objects.requireNonNull(applicationSecret, "applicationSecret"),
                    Objects.requireNonNull(masterServerPublicKey, "masterServerPublicKey"));
            this.http = HttpServerConfig.builder().baseUri(baseUri);
        }

        /**
         * @param value the instance id (storage namespace), {@code "default"} unless set
         * @return this
         * @throws IllegalArgumentException if it is not plain text, see
         *     {@link org.opentokens.powerauth.token.port.internal.in.NameRules#instanceId}
         */
        public Builder instanceId(String value) {
            powerAuth.instanceId(value);
            return this;
        }

        /** @param value the protocol version, 3.3 unless set; 3.2 and older for servers without it @return this */
        public Builder protocolVersion(ProtocolVersion value) {
            powerAuth.protocolVersion(value);
            this.protocol = null;
            return this;
        }

        /**
         * @param value the protocol of new activations; {@link ClientProtocolVersion#V4_0} (PowerAuth Server 2.x)
         *     also needs {@link #masterKeysV4} and takes {@link #algorithm}
         * @return this
         */
        public Builder protocolVersion(ClientProtocolVersion value) {
            Objects.requireNonNull(value, "protocolVersion");
            powerAuth.protocolVersion(value.v3());
            this.protocol = value;
            return this;
        }

        /**
         * @param value the 4.0 shared-secret algorithm: {@code EC_P384}, {@code EC_P384_ML_L3} (unless set, the
         *     SDK's default) or {@code EC_P384_ML_L5}
         * @return this
         */
        public Builder algorithm(SharedSecretAlgorithm value) {
            this.algorithm = Objects.requireNonNull(value, "algorithm");
            return this;
        }

        /**
         * @param masterEcPublicKey the application's 4.0 master P-384 public key, Base64
         * @param masterMlDsaPublicKey its master ML-DSA public key (Base64 SubjectPublicKeyInfo) for the hybrid
         *     algorithms, null for {@code EC_P384}
         * @return this
         */
        public Builder masterKeysV4(String masterEcPublicKey, String masterMlDsaPublicKey) {
            this.masterEcKeyV4 = Objects.requireNonNull(masterEcPublicKey, "masterEcPublicKey");
            this.masterMlDsaKeyV4 = masterMlDsaPublicKey;
            return this;
        }

        /** @param value positive time allowed to open a connection, 10 s unless set @return this */
        public Builder connectTimeout(Duration value) {
            http.connectTimeout(value);
            return this;
        }

        /** @param value positive time allowed for a whole server call, 30 s unless set @return this */
        public Builder requestTimeout(Duration value) {
            http.requestTimeout(value);
            return this;
        }

        /**
         * @param name a header sent with every server call (not {@code Content-Type}, {@code Accept} or
         *     {@code X-PowerAuth-*})
         * @param value its value; never logged or printed
         * @return this
         */
        public Builder extraHeader(String name, String value) {
            http.extraHeader(name, value);
            return this;
        }

        /** @param headers headers sent with every server call, see {@link #extraHeader} @return this */
        public Builder extraHeaders(Map<String, String> headers) {
            http.extraHeaders(headers);
            return this;
        }

        /** @param value positive cap on a server answer in bytes, 1 MiB unless set @return this */
        public Builder maxResponseBytes(int value) {
            http.maxResponseBytes(value);
            return this;
        }

        /** @param value TLS settings (trust store, client certificate) for the server calls @return this */
        public Builder sslContext(SSLContext value) {
            http.sslContext(value);
            return this;
        }

        /** @param value margin before a temporary key's expiry at which it is fetched again, 10 s unless set @return this */
        public Builder temporaryKeySafetyMargin(Duration value) {
            powerAuth.temporaryKeySafetyMargin(value);
            return this;
        }

        /**
         * @param value PBKDF2 iterations protecting the knowledge key of new activations, 10000 unless set; lower
         *     only in tests
         * @return this
         */
        public Builder knowledgeKeyIterations(int value) {
            powerAuth.knowledgeKeyIterations(value);
            return this;
        }

        /**
         * @param value how long a signed call or another change of this instance waits at most while another
         *     thread or process holds the instance's exclusive section, 60 s unless set; past it the call fails
         *     with {@link org.opentokens.powerauth.token.domain.error.StorageBusyException}
         * @return this
         */
        public Builder instanceLockTimeout(Duration value) {
            powerAuth.instanceLockTimeout(value);
            return this;
        }

        /**
         * @param value how long header generation may go without checking storage for changes made by other
         *     processes (a token or activation they removed), 500 ms unless set; zero checks on every header
         * @return this
         */
        public Builder headerRefreshInterval(Duration value) {
            powerAuth.headerRefreshInterval(value);
            return this;
        }

        /**
         * @return the configuration
         * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException for a malformed key
         * @throws IllegalArgumentException for an invalid HTTP setting
         */
        public PowerAuthClientConfig build() {
            if (protocol != null && protocol.isV4()) {
                if (masterEcKeyV4 == null) {
                    throw new IllegalArgumentException("protocol 4.0 needs the 4.0 master keys (masterKeysV4)");
                }
                powerAuth.protocol4(V4Settings.of(algorithm, masterEcKeyV4,
                        algorithm.isPostQuantum() ? masterMlDsaKeyV4 : null));
            } else {
                powerAuth.protocol4(null);
            }
            return new PowerAuthClientConfig(powerAuth.build(), http.build());
        }
    }
}
