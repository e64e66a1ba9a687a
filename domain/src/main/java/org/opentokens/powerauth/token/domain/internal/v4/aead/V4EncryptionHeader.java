package org.opentokens.powerauth.token.domain.internal.v4.aead;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.v4.V4Protocol;

/**
 * The 4.0 {@value #HEADER_NAME} header, sent on encrypted requests that are not signed:
 * {@code PowerAuth version="4.0", application_key="…"} plus {@code , activation_id="…"} for activation scope. The
 * client never reads it back; the server-side parser lives in the domain's test-jar.
 *
 * @param applicationKey the application key
 * @param activationId the activation ID, or null for application scope
 */
public record V4EncryptionHeader(String applicationKey, String activationId) {
    /** The HTTP header name. */
    public static final String HEADER_NAME = "X-PowerAuth-Encryption";

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

    /**
     * Checks the values as Wultra's header validator does: the application key Base64 of 16 bytes, the activation ID,
     * if any, a UUID (any case).
     */
    public V4EncryptionHeader {
        if (applicationKey == null || applicationKey.isEmpty()) {
            throw new MalformedDataException(HEADER_NAME + " lacks application_key");
        }
        B64.decode(applicationKey, "application_key", 16);
        if (activationId != null && !UUID.matcher(activationId.toLowerCase(Locale.ROOT)).matches()) {
            throw new MalformedDataException(HEADER_NAME + ": activation_id must be a UUID");
        }
    }

    /**
     * @param parameters an envelope's parameters
     * @return the header for them
     */
    public static V4EncryptionHeader of(AeadParameters parameters) {
        return new V4EncryptionHeader(parameters.applicationKey(), parameters.activationId());
    }

    /** @return the header value */
    public String value() {
        return "PowerAuth version=\"" + V4Protocol.VERSION + "\", application_key=\"" + applicationKey + "\""
                + (activationId == null ? "" : ", activation_id=\"" + activationId + "\"");
    }

    /** @return the scope the header announces */
    public AeadScope scope() {
        return activationId == null ? AeadScope.APPLICATION : AeadScope.ACTIVATION;
    }
}
