package org.opentokens.powerauth.token.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.ClientProtocolVersion;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;

/**
 * The server settings of one CLI instance, saved by {@code activate} in the encrypted store next to the
 * activation (the application secret is no user secret, but it stays out of plain files all the same).
 * {@code toString} leaves the application secret out.
 */
final class InstanceConfig {
    /** The HTTP adapter's default connect timeout; a short {@code --timeout} shortens it too. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private final String serverUrl;
    private final String appKey;
    private final String appSecret;
    private final String masterServerPublicKey;
    private final ClientProtocolVersion protocolVersion;
    private final V4Keys v4;

    /**
     * The 4.0 part of the settings.
     *
     * @param algorithm the shared-secret algorithm
     * @param masterEcKey the 4.0 master P-384 public key, Base64
     * @param masterMlDsaKey the master ML-DSA public key, Base64, or null for {@code EC_P384}
     */
    record V4Keys(SharedSecretAlgorithm algorithm, String masterEcKey, String masterMlDsaKey) {
        V4Keys {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(masterEcKey, "masterEcKey");
        }
    }

    InstanceConfig(String serverUrl, String appKey, String appSecret, String masterServerPublicKey,
            ProtocolVersion protocolVersion) {
        this(serverUrl, appKey, appSecret, masterServerPublicKey, ClientProtocolVersion.of(protocolVersion), null);
    }

    InstanceConfig(String serverUrl, String appKey, String appSecret, String masterServerPublicKey,
            ClientProtocolVersion protocolVersion, V4Keys v4) {
        this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
        this.appKey = Objects.requireNonNull(appKey, "appKey");
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
        this.masterServerPublicKey = Objects.requireNonNull(masterServerPublicKey, "masterServerPublicKey");
        this.protocolVersion = Objects.requireNonNull(protocolVersion, "protocolVersion");
        if (protocolVersion.isV4() != (v4 != null)) {
            throw new IllegalArgumentException(protocolVersion.isV4()
                    ? "protocol 4.0 needs its master keys" : "only protocol 4.0 takes 4.0 master keys");
        }
        this.v4 = v4;
    }

    String serverUrl() {
        return serverUrl;
    }

    ClientProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    /** @return the 4.0 algorithm, or null for 3.x */
    SharedSecretAlgorithm algorithm() {
        return v4 == null ? null : v4.algorithm();
    }

    /**
     * @param timeout the time allowed for each server call ({@code --timeout}), or null for the default
     * @return the client configuration for this instance
     * @throws MalformedDataException for a malformed key
     * @throws IllegalArgumentException for a malformed server URL
     */
    PowerAuthClientConfig clientConfig(String instanceId, int knowledgeKeyIterations, Duration timeout) {
        PowerAuthClientConfig.Builder builder = PowerAuthClientConfig.builder(serverUrl, appKey, appSecret,
                        masterServerPublicKey)
                .instanceId(instanceId)
                .protocolVersion(protocolVersion)
                .knowledgeKeyIterations(knowledgeKeyIterations);
        if (v4 != null) {
            builder.algorithm(v4.algorithm()).masterKeysV4(v4.masterEcKey(), v4.masterMlDsaKey());
        }
        if (timeout != null) {
            // Connecting gets at most two thirds of the call, so a connection that never completes (such as an
            // https:// URL on a plain-HTTP port) is reported as such, not as a slow answer.
            Duration connect = timeout.multipliedBy(2).dividedBy(3);
            builder.requestTimeout(timeout).connectTimeout(connect.compareTo(CONNECT_TIMEOUT) < 0 && !connect.isZero()
                    ? connect : CONNECT_TIMEOUT.compareTo(timeout) < 0 ? CONNECT_TIMEOUT : timeout);
        }
        return builder.build();
    }

    SecretBytes encode() {
        Properties properties = new Properties();
        properties.setProperty("serverUrl", serverUrl);
        properties.setProperty("appKey", appKey);
        properties.setProperty("appSecret", appSecret);
        properties.setProperty("masterServerPublicKey", masterServerPublicKey);
        properties.setProperty("protocolVersion", protocolVersion.wireValue());
        if (v4 != null) {
            properties.setProperty("algorithm", v4.algorithm().name());
            properties.setProperty("masterEcPublicKeyV4", v4.masterEcKey());
            if (v4.masterMlDsaKey() != null) {
                properties.setProperty("masterMlDsaPublicKeyV4", v4.masterMlDsaKey());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SecretBytes.takeOwnership(bytes.toByteArray());
    }

    static InstanceConfig decode(SecretBytes encoded) {
        Properties properties = new Properties();
        byte[] raw = encoded.copyBytes(InsecureSecretAccess.get());
        try (InputStreamReader reader = new InputStreamReader(new ByteArrayInputStream(raw), StandardCharsets.UTF_8)) {
            properties.load(reader);
            ClientProtocolVersion version = ClientProtocolVersion.fromWireValue(
                    required(properties, "protocolVersion"));
            V4Keys v4 = version.isV4() ? new V4Keys(SharedSecretAlgorithm.valueOf(required(properties, "algorithm")),
                    required(properties, "masterEcPublicKeyV4"), properties.getProperty("masterMlDsaPublicKeyV4"))
                    : null;
            return new InstanceConfig(required(properties, "serverUrl"), required(properties, "appKey"),
                    required(properties, "appSecret"), required(properties, "masterServerPublicKey"), version, v4);
        } catch (IOException | IllegalArgumentException | MalformedDataException e) {
            throw new StorageCorruptException("the instance's saved server settings are damaged", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    @Override
    public String toString() {
        return "InstanceConfig[" + serverUrl + ", appKey=" + appKey + ", " + protocolVersion
                + (v4 == null ? "" : " " + v4.algorithm()) + ", appSecret=<redacted>]";
    }
}
