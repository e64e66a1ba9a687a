package org.opentokens.powerauth.token.domain.internal.signature;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;

/**
 * The {@value #HEADER_NAME} header of a signed request: {@code PowerAuth pa_version="3.3", pa_activation_id="…",
 * pa_application_key="…", pa_nonce="…", pa_signature_type="…", pa_signature="…"}. Values are checked as the server's
 * validator checks them: a UUID activation ID (version 1-5, variant 8/9/a/b, any case), key and nonce of 16 bytes, a
 * known type, a signature of 8, 17 or 26 characters {@code dddddddd(-dddddddd)*} or 24, 44 or 64 Base64 characters,
 * version 3.0 to 3.3. The client only builds this header (the tests' parser is in the domain's test-jar).
 * {@code toString} does not print the signature.
 */
public final class AuthorizationHeader {
    /** The HTTP header name. */
    public static final String HEADER_NAME = "X-PowerAuth-Authorization";

    private static final String PREFIX = "PowerAuth";
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    private static final Pattern DECIMAL_SIGNATURE = Pattern.compile("^[0-9]{8}(-[0-9]{8}){0,2}$");

    private final ProtocolVersion version;
    private final String activationId;
    private final String applicationKey;
    private final String nonce;
    private final PowerAuthSignatureType signatureType;
    private final String signature;

    private AuthorizationHeader(ProtocolVersion version, String activationId, String applicationKey, String nonce,
            PowerAuthSignatureType signatureType, String signature) {
        this.version = version;
        this.activationId = activationId;
        this.applicationKey = applicationKey;
        this.nonce = nonce;
        this.signatureType = signatureType;
        this.signature = signature;
    }

    /**
     * Builds a header from its parts.
     *
     * @param version the protocol version
     * @param activationId the activation ID (UUID)
     * @param applicationKey the application key, Base64 of 16 bytes
     * @param nonce16 the 16-byte signature nonce used in the base string
     * @param signatureType the signature type
     * @param signature the signature text from {@link PowerAuthSignature}
     * @return the header
     * @throws MalformedDataException if a value would not pass the server's header validation
     */
    public static AuthorizationHeader of(ProtocolVersion version, String activationId, String applicationKey,
            byte[] nonce16, PowerAuthSignatureType signatureType, String signature) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(nonce16, "nonce16");
        Objects.requireNonNull(signatureType, "signatureType");
        if (nonce16.length != SignatureBaseString.NONCE_LENGTH) {
            throw new MalformedDataException("pa_nonce must be 16 bytes, got " + nonce16.length);
        }
        checkActivationId(activationId);
        checkBase64Of16(applicationKey, "pa_application_key");
        checkSignature(signature);
        return new AuthorizationHeader(version, activationId, applicationKey, B64.encode(nonce16), signatureType,
                signature);
    }

    /**
     * Wraps fields already read from a header value, such as a server-side parser's output, checking them in the
     * server's order: activation ID, application key, nonce, signature.
     *
     * @param version the protocol version
     * @param activationId the activation ID (UUID)
     * @param applicationKey the application key, Base64 of 16 bytes
     * @param nonceBase64 the nonce as sent, Base64 of 16 bytes
     * @param signatureType the signature type
     * @param signature the signature text
     * @return the header
     * @throws MalformedDataException if a value would not pass the server's header validation
     */
    public static AuthorizationHeader fromFields(ProtocolVersion version, String activationId, String applicationKey,
            String nonceBase64, PowerAuthSignatureType signatureType, String signature) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(signatureType, "signatureType");
        checkActivationId(activationId);
        checkBase64Of16(applicationKey, "pa_application_key");
        checkBase64Of16(nonceBase64, "pa_nonce");
        checkSignature(signature);
        return new AuthorizationHeader(version, activationId, applicationKey, nonceBase64, signatureType, signature);
    }

    /** @return the full header value, fields in the mobile SDK's order with {@code pa_version} first */
    public String value() {
        return PREFIX + " pa_version=\"" + version.wireValue()
                + "\", pa_activation_id=\"" + activationId
                + "\", pa_application_key=\"" + applicationKey
                + "\", pa_nonce=\"" + nonce
                + "\", pa_signature_type=\"" + signatureType.wireValue()
                + "\", pa_signature=\"" + signature + "\"";
    }

    /** @return {@code pa_version} */
    public ProtocolVersion version() {
        return version;
    }

    /** @return {@code pa_activation_id} */
    public String activationId() {
        return activationId;
    }

    /** @return {@code pa_application_key} (Base64) */
    public String applicationKey() {
        return applicationKey;
    }

    /** @return {@code pa_nonce} decoded, 16 bytes (a fresh copy) */
    public byte[] nonce() {
        return B64.decode(nonce, "pa_nonce", SignatureBaseString.NONCE_LENGTH);
    }

    /** @return {@code pa_nonce} as Base64 text */
    public String nonceBase64() {
        return nonce;
    }

    /** @return {@code pa_signature_type} */
    public PowerAuthSignatureType signatureType() {
        return signatureType;
    }

    /** @return {@code pa_signature} */
    public String signature() {
        return signature;
    }

    @Override
    public String toString() {
        return "AuthorizationHeader[version=" + version + ", activationId=" + activationId
                + ", signatureType=" + signatureType + ", signature=redacted]";
    }

    private static void checkActivationId(String activationId) {
        if (activationId == null || !UUID.matcher(activationId.toLowerCase(Locale.ROOT)).matches()) {
            throw new MalformedDataException("pa_activation_id must be a UUID");
        }
    }

    private static void checkBase64Of16(String value, String field) {
        B64.decode(value, field, 16);
    }

    private static void checkSignature(String signature) {
        if (signature == null) {
            throw new MalformedDataException("pa_signature is missing");
        }
        switch (signature.length()) {
            case 8, 17, 26 -> {
                if (!DECIMAL_SIGNATURE.matcher(signature).matches()) {
                    throw new MalformedDataException("pa_signature is not a valid decimal signature");
                }
            }
            case 24, 44, 64 -> {
                int n = B64.decode(signature, "pa_signature").length;
                if (n < 16 || n > 48) {
                    throw new MalformedDataException("pa_signature must decode to 16 to 48 bytes");
                }
            }
            default -> throw new MalformedDataException("pa_signature has an invalid length");
        }
    }
}
