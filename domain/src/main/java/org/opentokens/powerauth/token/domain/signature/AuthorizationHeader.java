package org.opentokens.powerauth.token.domain.signature;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.crypto.B64;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/**
 * The {@value #HEADER_NAME} header of a signed request:
 * {@code PowerAuth pa_version="3.3", pa_activation_id="…", pa_application_key="…", pa_nonce="…",
 * pa_signature_type="…", pa_signature="…"}.
 *
 * <p>Values are checked as the server's header validator checks them: a UUID activation ID (version nibble
 * 1-5, variant 8/9/a/b, any case), application key and nonce that decode to 16 bytes, a known signature type,
 * a signature of 8, 17 or 26 characters in {@code dddddddd(-dddddddd)*} form or of 24, 44 or 64 Base64
 * characters, and a version from 3.0 to 3.3. {@code toString} does not print the signature.
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
     * Parses and validates a header value. Pairs may come in any order, separated by commas and/or spaces;
     * unknown keys are ignored.
     *
     * @param headerValue the header value, starting with {@code PowerAuth}
     * @return the header
     * @throws MalformedDataException if the value is not a well-formed, valid signature header; the message never
     *     contains the value
     */
    public static AuthorizationHeader parse(String headerValue) {
        Objects.requireNonNull(headerValue, "headerValue");
        String text = headerValue.trim();
        if (!text.startsWith(PREFIX) || text.length() == PREFIX.length()
                || !Character.isWhitespace(text.charAt(PREFIX.length()))) {
            throw new MalformedDataException(HEADER_NAME + " must start with \"PowerAuth \"");
        }
        Map<String, String> fields = parsePairs(text.substring(PREFIX.length()));
        ProtocolVersion version = ProtocolVersion.fromWireValue(require(fields, "pa_version"));
        String activationId = require(fields, "pa_activation_id");
        String applicationKey = require(fields, "pa_application_key");
        String nonce = require(fields, "pa_nonce");
        PowerAuthSignatureType type = PowerAuthSignatureType.fromWireValue(require(fields, "pa_signature_type"));
        String signature = require(fields, "pa_signature");
        checkActivationId(activationId);
        checkBase64Of16(applicationKey, "pa_application_key");
        checkBase64Of16(nonce, "pa_nonce");
        checkSignature(signature);
        return new AuthorizationHeader(version, activationId, applicationKey, nonce, type, signature);
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

    /**
     * Reads {@code key="value"} pairs separated by any run of commas and whitespace, in one pass: linear in the
     * length of the text whatever it holds (a regex search here took quadratic time on long runs of word
     * characters).
     */
    private static Map<String, String> parsePairs(String text) {
        Map<String, String> fields = new HashMap<>();
        int n = text.length();
        int i = 0;
        while (true) {
            while (i < n && isSeparator(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                return fields;
            }
            int keyStart = i;
            while (i < n && isWordChar(text.charAt(i))) {
                i++;
            }
            if (i == keyStart || i + 1 >= n || text.charAt(i) != '=' || text.charAt(i + 1) != '"') {
                throw notPairs();
            }
            String key = text.substring(keyStart, i);
            int close = text.indexOf('"', i + 2);
            if (close < 0) {
                throw notPairs();
            }
            if (fields.put(key, text.substring(i + 2, close)) != null) {
                throw new MalformedDataException(HEADER_NAME + " repeats a field");
            }
            i = close + 1;
        }
    }

    private static MalformedDataException notPairs() {
        return new MalformedDataException(HEADER_NAME + " is not a list of key=\"value\" pairs");
    }

    /** The characters of the regex classes {@code [\s,]}. */
    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The characters of the regex class {@code \w}. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static String require(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new MalformedDataException(HEADER_NAME + " lacks " + name);
        }
        return value;
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
