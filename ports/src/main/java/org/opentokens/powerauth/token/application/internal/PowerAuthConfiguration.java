package org.opentokens.powerauth.token.application.internal;

import java.time.Duration;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.keys.KnowledgeKeyProtection;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * The immutable settings of one client instance: the application's credentials as issued by the PowerAuth
 * server, the master server public key, the protocol version and the instance id that namespaces storage.
 *
 * <p>The application secret is not a user secret (it ships inside every app) but is still kept out of
 * {@code toString}.
 */
public final class PowerAuthConfiguration {
    /** Default instance id. */
    public static final String DEFAULT_INSTANCE_ID = "default";
    /** Default {@link #instanceLockTimeout()} in seconds. */
    public static final int DEFAULT_INSTANCE_LOCK_TIMEOUT_SECONDS = 60;
    /** Default {@link #instanceLockTimeout()}: a signed call's connect and request timeouts, with room to spare. */
    public static final Duration DEFAULT_INSTANCE_LOCK_TIMEOUT = Duration.ofSeconds(DEFAULT_INSTANCE_LOCK_TIMEOUT_SECONDS);
    /** Default {@link #headerRefreshInterval()} in milliseconds. */
    public static final int DEFAULT_HEADER_REFRESH_INTERVAL_MILLIS = 500;
    /** Default {@link #headerRefreshInterval()}. */
    public static final Duration DEFAULT_HEADER_REFRESH_INTERVAL = Duration.ofMillis(DEFAULT_HEADER_REFRESH_INTERVAL_MILLIS);

    private final String instanceId;
    private final String applicationKey;
    private final String applicationSecret;
    private final EcPublicKey masterServerPublicKey;
    private final ProtocolVersion protocolVersion;
    private final Duration temporaryKeySafetyMargin;
    private final int knowledgeKeyIterations;
    private final Duration instanceLockTimeout;
    private final Duration headerRefreshInterval;
    private final V4Settings v4;

    private PowerAuthConfiguration(Builder b) {
        this.v4 = b.v4;
        this.instanceId = b.instanceId;
        StorageNamespace.of(instanceId);
        this.applicationKey = checkKey(b.applicationKey, "application key");
        this.applicationSecret = checkKey(b.applicationSecret, "application secret");
        this.masterServerPublicKey = Objects.requireNonNull(b.masterServerPublicKey, "masterServerPublicKey");
        this.protocolVersion = b.protocolVersion;
        this.temporaryKeySafetyMargin = b.temporaryKeySafetyMargin;
        this.knowledgeKeyIterations = b.knowledgeKeyIterations;
        this.instanceLockTimeout = b.instanceLockTimeout;
        this.headerRefreshInterval = b.headerRefreshInterval;
    }

    /**
     * @param applicationKey {@code APP_KEY}, Base64 of 16 bytes
     * @param applicationSecret {@code APP_SECRET}, Base64 of 16 bytes
     * @param masterServerPublicKey {@code KEY_SERVER_MASTER_PUBLIC}, Base64 of a P-256 point
     * @return a builder with the defaults: instance {@value #DEFAULT_INSTANCE_ID}, protocol 3.3
     * @throws MalformedDataException if a value is not well-formed
     */
    public static Builder builder(String applicationKey, String applicationSecret, String masterServerPublicKey) {
        return new Builder(applicationKey, applicationSecret, EcPublicKey.fromBase64(masterServerPublicKey));
    }

    /** @return the instance id */
    public String instanceId() {
        return instanceId;
    }

    /** @return the storage namespace of this instance */
    public StorageNamespace namespace() {
        return StorageNamespace.of(instanceId);
    }

    /** @return {@code APP_KEY} in Base64 */
    public String applicationKey() {
        return applicationKey;
    }

    /** @return {@code APP_SECRET} in Base64 */
    public String applicationSecret() {
        return applicationSecret;
    }

    /** @return {@code KEY_SERVER_MASTER_PUBLIC} */
    public EcPublicKey masterServerPublicKey() {
        return masterServerPublicKey;
    }

    /**
     * @return the 3.x protocol version of this instance: what a new activation speaks unless {@link #v4()} is set,
     *     and what a stored 3.x activation keeps speaking
     */
    public ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    /**
     * @return the 4.0 settings when new activations of this instance use protocol 4.0; empty for 3.x. A stored
     *     activation keeps the protocol it was created with, whatever this says.
     */
    public java.util.Optional<V4Settings> v4() {
        return java.util.Optional.ofNullable(v4);
    }

    /** @return {@code "4.0"} when new activations use 4.0, else the 3.x version's wire value */
    public String protocolLabel() {
        return v4 != null ? "4.0" : protocolVersion.wireValue();
    }

    /** @return how long before its expiry a cached temporary key is dropped */
    public Duration temporaryKeySafetyMargin() {
        return temporaryKeySafetyMargin;
    }

    /** @return PBKDF2 iterations protecting the knowledge key */
    public int knowledgeKeyIterations() {
        return knowledgeKeyIterations;
    }

    /**
     * @return how long a change of the instance (a signed call, a token stored or removed) waits at most for
     *     another thread or process that holds the instance's exclusive section
     */
    public Duration instanceLockTimeout() {
        return instanceLockTimeout;
    }

    /**
     * @return how long header generation may go without checking storage for changes other processes made;
     *     zero checks on every header
     */
    public Duration headerRefreshInterval() {
        return headerRefreshInterval;
    }

    @Override
    public String toString() {
        return "PowerAuthConfiguration[instance=" + instanceId + ", applicationKey=" + applicationKey
                + ", protocolVersion=" + protocolLabel() + (v4 == null ? "" : ", algorithm=" + v4.algorithm())
                + ", applicationSecret=<redacted>]";
    }

    private static String checkKey(String value, String what) {
        Objects.requireNonNull(value, what);
        byte[] raw = B64.decode(value, what, 16);
        java.util.Arrays.fill(raw, (byte) 0);
        return value;
    }

    /** Builds a {@link PowerAuthConfiguration}. */
    public static final class Builder {
        private final String applicationKey;
        private final String applicationSecret;
        private final EcPublicKey masterServerPublicKey;
        private String instanceId = DEFAULT_INSTANCE_ID;
        private ProtocolVersion protocolVersion = ProtocolVersion.DEFAULT;
        private Duration temporaryKeySafetyMargin = Duration.ofSeconds(10);
        private int knowledgeKeyIterations = KnowledgeKeyProtection.DEFAULT_ITERATIONS;
        private Duration instanceLockTimeout = DEFAULT_INSTANCE_LOCK_TIMEOUT;
        private Duration headerRefreshInterval = DEFAULT_HEADER_REFRESH_INTERVAL;
        private V4Settings v4;

        private Builder(String applicationKey, String applicationSecret, EcPublicKey masterServerPublicKey) {
            this.applicationKey = applicationKey;
            this.applicationSecret = applicationSecret;
            this.masterServerPublicKey = masterServerPublicKey;
        }

        /** @param value the instance id (storage namespace) @return this */
        public Builder instanceId(String value) {
            this.instanceId = org.opentokens.powerauth.token.port.internal.in.NameRules.instanceId(value);
            return this;
        }

        /** @param value the protocol version, 3.3 by default; 3.2 for servers without temporary keys @return this */
        public Builder protocolVersion(ProtocolVersion value) {
            this.protocolVersion = Objects.requireNonNull(value, "protocolVersion");
            return this;
        }

        /** @param value margin before a temporary key's expiry, 10 s by default @return this */
        public Builder temporaryKeySafetyMargin(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("temporaryKeySafetyMargin must not be negative");
            }
            this.temporaryKeySafetyMargin = value;
            return this;
        }

        /**
         * @param value the 4.0 settings, so that new activations use protocol 4.0; null (the default) for 3.x
         * @return this
         */
        public Builder protocol4(V4Settings value) {
            this.v4 = value;
            return this;
        }

        /** @param value PBKDF2 iterations, 10000 by default; lower only in tests @return this */
        public Builder knowledgeKeyIterations(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("knowledgeKeyIterations must be at least 1");
            }
            this.knowledgeKeyIterations = value;
            return this;
        }

        /**
         * @param value how long a change waits at most for another holder of the instance's exclusive section,
         *     {@value #DEFAULT_INSTANCE_LOCK_TIMEOUT_SECONDS} s by default; positive
         * @return this
         */
        public Builder instanceLockTimeout(Duration value) {
            Objects.requireNonNull(value, "instanceLockTimeout");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("instanceLockTimeout must be positive");
            }
            this.instanceLockTimeout = value;
            return this;
        }

        /**
         * @param value how long header generation may go without checking storage for other processes' changes,
         *     {@value #DEFAULT_HEADER_REFRESH_INTERVAL_MILLIS} ms by default, at most one minute; zero checks on
         *     every header
         * @return this
         */
        public Builder headerRefreshInterval(Duration value) {
            Objects.requireNonNull(value, "headerRefreshInterval");
            if (value.isNegative() || value.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("headerRefreshInterval must be between zero and one minute");
            }
            this.headerRefreshInterval = value;
            return this;
        }

        /** @return the configuration */
        public PowerAuthConfiguration build() {
            return new PowerAuthConfiguration(this);
        }
    }
}
