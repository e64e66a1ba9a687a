package org.opentokens.powerauth.token.domain.internal.v4.keystore;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException.Reason;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PublicKey;

/**
 * Verifies the JWS JSON General Serialization returned by {@code /pa/v4/keystore/create}: every signature over
 * {@code protected "." payload} must verify, and the set must be exactly what the scope's keys require: one ES384
 * signature (raw {@code R || S}, 96 bytes) by the P-384 key, plus for hybrids one ML-DSA signature whose {@code alg}
 * names the ML-DSA key's level. Application scope uses the master keys from the SDK configuration, activation scope
 * the server keys from the activation.
 */
public final class V4TemporaryKeyResponseJws {
    private static final Base64.Decoder URL = Base64.getUrlDecoder();

    private V4TemporaryKeyResponseJws() {
    }

    /**
     * @param payload the {@code payload} member (base64url of the claims JSON)
     * @param signatures the {@code signatures} entries
     * @param ecKey the P-384 key that must have signed
     * @param mlDsaKey the ML-DSA key that must also have signed, or null for {@code EC_P384}
     * @return the claims JSON, UTF-8 decoded, for the caller to parse into {@link V4TemporaryKeyClaims}
     * @throws TemporaryKeyException with {@code MALFORMED} for bad encodings or a wrong set of signatures,
     *     {@code UNSUPPORTED_ALGORITHM} for an unexpected {@code alg}, {@code SIGNATURE_INVALID} if one does not verify
     */
    public static String verify(String payload, List<JwsSignature> signatures, P384PublicKey ecKey,
            MlDsaPublicKey mlDsaKey) {
        Objects.requireNonNull(ecKey, "ecKey");
        if (payload == null || payload.isEmpty() || signatures == null) {
            throw new TemporaryKeyException(Reason.MALFORMED, "JWS has no payload or no signatures");
        }
        byte[] claims = decode(payload, "payload");
        int expected = mlDsaKey == null ? 1 : 2;
        if (signatures.size() != expected) {
            throw new TemporaryKeyException(Reason.MALFORMED, "JWS must carry " + expected + " signatures");
        }
        boolean ec = false;
        boolean ml = false;
        for (JwsSignature s : signatures) {
            if (s == null || s.protectedHeader() == null || s.protectedHeader().isEmpty() || s.signature() == null) {
                throw new TemporaryKeyException(Reason.MALFORMED, "JWS signature entry is incomplete");
            }
            decode(s.protectedHeader(), "protected header");
            byte[] signature = decode(s.signature(), "signature");
            byte[] input = (s.protectedHeader() + "." + payload).getBytes(StandardCharsets.US_ASCII);
            try {
                if ("ES384".equals(s.alg()) && !ec) {
                    ecKey.verifyRaw(input, signature);
                    ec = true;
                } else if (mlDsaKey != null && mlDsaKey.level().joseName().equals(s.alg()) && !ml) {
                    mlDsaKey.verify(input, signature);
                    ml = true;
                } else {
                    throw new TemporaryKeyException(Reason.UNSUPPORTED_ALGORITHM, "JWS signature algorithm is not expected here");
                }
            } catch (MalformedDataException | CryptoFailureException e) {
                throw new TemporaryKeyException(Reason.SIGNATURE_INVALID, "temporary key JWS signature is invalid", e);
            }
        }
        return utf8(claims);
    }

    private static byte[] decode(String text, String part) {
        // The JDK's decoder rejects every character outside the base64url alphabet but '=', so a text without '='
        // that decodes is unpadded base64url; anything else is scanned to name the fault as before.
        if (text.indexOf('=') < 0) {
            try {
                return URL.decode(text);
            } catch (IllegalArgumentException e) {
                checkAlphabet(text, part);
                throw new TemporaryKeyException(Reason.MALFORMED, "JWS " + part + " is not valid base64url", e);
            }
        }
        checkAlphabet(text, part);
        throw new IllegalStateException("unreachable: '=' is outside the alphabet");
    }

    private static void checkAlphabet(String text, String part) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new TemporaryKeyException(Reason.MALFORMED, "JWS " + part + " is not unpadded base64url");
            }
        }
    }

    private static String utf8(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new TemporaryKeyException(Reason.MALFORMED, "JWS payload is not UTF-8", e);
        }
    }
}
