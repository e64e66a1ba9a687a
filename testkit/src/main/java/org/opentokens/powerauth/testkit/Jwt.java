package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/** The compact JWTs of the keystore endpoint: HS256 requests in, ES256 responses (raw R||S) out. */
final class Jwt {

    private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private Jwt() {
    }

    /** A parsed compact JWT. */
    record Parsed(JsonNode header, JsonNode claims, String signingInput, byte[] signature) {
    }

    /** Splits and decodes a compact JWT; anything malformed is ERR_TEMPORARY_KEY. */
    static Parsed parse(String compact) {
        String[] parts = compact == null ? new String[0] : compact.split("\\.", -1);
        if (parts.length != 3) {
            throw EmulatorRejection.temporaryKey();
        }
        try {
            JsonNode header = Json.MAPPER.readTree(URL_DECODER.decode(parts[0]));
            JsonNode claims = Json.MAPPER.readTree(URL_DECODER.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                throw EmulatorRejection.temporaryKey();
            }
            return new Parsed(header, claims, parts[0] + "." + parts[1], URL_DECODER.decode(parts[2]));
        } catch (IOException | IllegalArgumentException e) {
            throw EmulatorRejection.temporaryKey();
        }
    }

    /** True when the token is HS256 and its MAC under this key matches, compared in constant time. */
    static boolean verifyHs256(Parsed jwt, byte[] key) {
        if (!"HS256".equals(Json.optionalText(jwt.header(), "alg"))) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal(jwt.signingInput().getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, jwt.signature());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Signs the claims as an ES256 JWT. */
    static String signEs256(ObjectNode claims, PrivateKey key) {
        ObjectNode header = Json.object().put("alg", "ES256").put("typ", "JWT");
        String signingInput = URL_ENCODER.encodeToString(Json.bytes(header)) + "."
                + URL_ENCODER.encodeToString(Json.bytes(claims));
        byte[] der = WultraCrypto.ecdsaDer(signingInput.getBytes(StandardCharsets.US_ASCII), key);
        return signingInput + "." + URL_ENCODER.encodeToString(derToRaw(der));
    }

    /** DER {@code SEQUENCE {r, s}} to the 64-byte {@code R || S} form JWS uses. */
    static byte[] derToRaw(byte[] der) {
        ASN1Sequence sequence;
        try {
            sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException e) {
            throw new IllegalStateException("ECDSA signature is not DER", e);
        }
        byte[] raw = new byte[64];
        copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(), raw, 0);
        copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue(), raw, 32);
        return raw;
    }

    /** The same JWT with one bit of its signature flipped. */
    static String corruptSignature(String compact) {
        int dot = compact.lastIndexOf('.');
        byte[] signature = URL_DECODER.decode(compact.substring(dot + 1));
        signature[0] ^= 0x01;
        return compact.substring(0, dot + 1) + URL_ENCODER.encodeToString(signature);
    }

    private static void copyUnsigned(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 32 ? bytes.length - 32 : 0;
        int length = bytes.length - start;
        System.arraycopy(bytes, start, target, offset + 32 - length, length);
    }
}
