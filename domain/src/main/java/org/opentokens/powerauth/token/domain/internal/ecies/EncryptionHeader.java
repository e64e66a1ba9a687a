package org.opentokens.powerauth.token.domain.internal.ecies;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;

/**
 * The {@code X-PowerAuth-Encryption} header, sent with ECIES requests that carry no signature:
 * {@code PowerAuth version="3.3", application_key="..."[, activation_id="..."]}.
 *
 * @param version the protocol version of the ECIES envelope
 * @param applicationKey the application key, Base64 of 16 bytes
 * @param activationId the activation ID (a UUID) for activation scope, {@code null} for application scope
 */
public record EncryptionHeader(ProtocolVersion version, String applicationKey, String activationId) {
    /** The HTTP header name. */
    public static final String HEADER_NAME = "X-PowerAuth-Encryption";

    private static final String PREFIX = "PowerAuth ";
    private static final Pattern PAIR = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern SEPARATOR = Pattern.compile("[\\s,]*");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

    /**
     * Validates the fields as the server does.
     *
     * @param version the protocol version
     * @param applicationKey the application key
     * @param activationId the activation ID or null
     * @throws MalformedDataException if the application key is not Base64 of 16 bytes or the activation ID is not
     *     a UUID
     */
    public EncryptionHeader {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(applicationKey, "applicationKey");
        Bytes.wipe(B64.decode(applicationKey, "application_key", 16));
        if (activationId != null && !UUID.matcher(activationId.toLowerCase(Locale.ROOT)).matches()) {
            throw new MalformedDataException("activation_id must be a UUID");
        }
    }

    /**
     * @param parameters the ECIES parameters of the request
     * @return the header that announces them
     */
    public static EncryptionHeader of(EciesParameters parameters) {
        return new EncryptionHeader(parameters.version(), parameters.applicationKey(), parameters.activationId());
    }

    /** @return {@link EciesScope#ACTIVATION} when an activation ID is present, else {@link EciesScope#APPLICATION} */
    public EciesScope scope() {
        return activationId == null ? EciesScope.APPLICATION : EciesScope.ACTIVATION;
    }

    /** @return the header value */
    public String value() {
        StringBuilder sb = new StringBuilder(PREFIX)
                .append("version=\"").append(version.wireValue()).append("\", ")
                .append("application_key=\"").append(applicationKey).append('"');
        if (activationId != null) {
            sb.append(", activation_id=\"").append(activationId).append('"');
        }
        return sb.toString();
    }

    /**
     * Parses a header value; the scope follows from the presence of {@code activation_id}. The client reads its
     * own header back when it resumes an encryptor; checking the scope an endpoint expects is the server's job
     * (the tests' {@code EncryptionHeaderParser} in the domain's test-jar).
     *
     * @param value the header value
     * @return the header
     * @throws MalformedDataException if the value is not a well-formed PowerAuth encryption header
     */
    public static EncryptionHeader parse(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new MalformedDataException(HEADER_NAME + " must start with \"PowerAuth \"");
        }
        Map<String, String> fields = new HashMap<>();
        Matcher m = PAIR.matcher(value);
        int pos = PREFIX.length();
        while (pos < value.length()) {
            Matcher sep = SEPARATOR.matcher(value).region(pos, value.length());
            if (sep.lookingAt()) {
                pos = sep.end();
            }
            if (pos == value.length()) {
                break;
            }
            m.region(pos, value.length());
            if (!m.lookingAt()) {
                throw new MalformedDataException(HEADER_NAME + " is not a list of key=\"value\" pairs");
            }
            if (fields.put(m.group(1), m.group(2)) != null) {
                throw new MalformedDataException(HEADER_NAME + " repeats the field " + m.group(1));
            }
            pos = m.end();
        }
        String version = fields.get("version");
        String appKey = fields.get("application_key");
        if (version == null || version.isEmpty()) {
            throw new MalformedDataException(HEADER_NAME + " has no version");
        }
        if (appKey == null || appKey.isEmpty()) {
            throw new MalformedDataException(HEADER_NAME + " has no application_key");
        }
        String activationId = fields.get("activation_id");
        return new EncryptionHeader(ProtocolVersion.fromWireValue(version), appKey,
                activationId == null || activationId.isEmpty() ? null : activationId);
    }
}
