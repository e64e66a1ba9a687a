package org.opentokens.powerauth.token.domain.internal.v4.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.signature.SignatureBaseString;
import org.opentokens.powerauth.token.domain.internal.v4.V4Protocol;

/**
 * The 4.0 {@value #HEADER_NAME} header: {@code PowerAuth pa_version="4.0", pa_activation_id="…",
 * pa_application_key="…", pa_nonce="…", pa_auth_code_type="…", pa_auth_code="…"}.
 *
 * <p>Values are checked as Wultra's 2.0.1 header validator checks them: a UUID activation ID, application key and
 * nonce that are Base64 of 16 bytes, a known code type, and a code of 44, 88 or 128 Base64 characters (32 to 96
 * bytes). The client never reads this header back; the server-side parser lives in the domain's test-jar.
 * {@code toString} does not print the code.
 */
public final class V4AuthorizationHeader {
    /** The HTTP header name. */
    public static final String HEADER_NAME = "X-PowerAuth-Authorization";

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

    private final String activationId;
    private final String applicationKey;
    private final String nonce;
    private final AuthenticationCodeType type;
    private final String authCode;

    private V4AuthorizationHeader(String activationId, String applicationKey, String nonce,
            AuthenticationCodeType type, String authCode) {
        this.activationId = activationId;
        this.applicationKey = applicationKey;
        this.nonce = nonce;
        this.type = type;
        this.authCode = authCode;
    }

    /**
     * @param activationId the activation ID (UUID)
     * @param applicationKey the application key, Base64 of 16 bytes
     * @param nonce16 the 16-byte nonce used in the request data
     * @param type the code type
     * @param authCode the online code from {@link AuthenticationCode#online}
     * @return the header
     * @throws MalformedDataException if a value would not pass the server's header validation
     */
    public static V4AuthorizationHeader of(String activationId, String applicationKey, byte[] nonce16,
            AuthenticationCodeType type, String authCode) {
        Objects.requireNonNull(nonce16, "nonce16");
        Objects.requireNonNull(type, "type");
        if (nonce16.length != SignatureBaseString.NONCE_LENGTH) {
            throw new MalformedDataException("pa_nonce must be 16 bytes, got " + nonce16.length);
        }
        checkActivationId(activationId);
        B64.decode(applicationKey, "pa_application_key", 16);
        checkAuthCode(authCode);
        return new V4AuthorizationHeader(activationId, applicationKey, B64.encode(nonce16), type, authCode);
    }

    /**
     * Checks fields already read from a header, such as a server-side parser's output, in the server's order
     * (activation ID, application key, nonce, code).
     *
     * @param activationId {@code pa_activation_id}
     * @param applicationKey {@code pa_application_key}
     * @param nonceBase64 {@code pa_nonce} as sent, Base64 of 16 bytes
     * @param type {@code pa_auth_code_type}
     * @param authCode {@code pa_auth_code}
     * @return the header
     * @throws MalformedDataException if a value would not pass the server's header validation; the message never
     *     contains values
     */
    public static V4AuthorizationHeader fromFields(String activationId, String applicationKey, String nonceBase64,
            AuthenticationCodeType type, String authCode) {
        Objects.requireNonNull(type, "type");
        checkActivationId(activationId);
        B64.decode(applicationKey, "pa_application_key", 16);
        B64.decode(nonceBase64, "pa_nonce", 16);
        checkAuthCode(authCode);
        return new V4AuthorizationHeader(activationId, applicationKey, nonceBase64, type, authCode);
    }

    /** @return the header value, {@code pa_version} first */
    public String value() {
        return "PowerAuth pa_version=\"" + V4Protocol.VERSION
                + "\", pa_activation_id=\"" + activationId
                + "\", pa_application_key=\"" + applicationKey
                + "\", pa_nonce=\"" + nonce
                + "\", pa_auth_code_type=\"" + type.wireValue()
                + "\", pa_auth_code=\"" + authCode + "\"";
    }

    /** @return {@code pa_activation_id} */
    public String activationId() {
        return activationId;
    }

    /** @return {@code pa_application_key} */
    public String applicationKey() {
        return applicationKey;
    }

    /** @return {@code pa_nonce}, decoded (16 bytes, a fresh copy) */
    public byte[] nonce() {
        return B64.decode(nonce, "pa_nonce", 16);
    }

    /** @return {@code pa_auth_code_type} */
    public AuthenticationCodeType type() {
        return type;
    }

    /** @return {@code pa_auth_code} */
    public String authCode() {
        return authCode;
    }

    @Override
    public String toString() {
        return "V4AuthorizationHeader[activationId=" + activationId + ", type=" + type + ", authCode=redacted]";
    }

    private static void checkActivationId(String activationId) {
        if (activationId == null || !UUID.matcher(activationId.toLowerCase(Locale.ROOT)).matches()) {
            throw new MalformedDataException("pa_activation_id must be a UUID");
        }
    }

    private static void checkAuthCode(String code) {
        if (code == null) {
            throw new MalformedDataException("pa_auth_code is missing");
        }
        int n = code.length();
        if (n != 44 && n != 88 && n != 128) {
            throw new MalformedDataException("pa_auth_code must be 44, 88 or 128 Base64 characters");
        }
        int bytes = B64.decode(code, "pa_auth_code").length;
        if (bytes < 32 || bytes > 96) {
            throw new MalformedDataException("pa_auth_code must decode to 32 to 96 bytes");
        }
    }
}
