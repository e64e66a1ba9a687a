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
import java.util.List;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * The JWTs of the keystore endpoints: 3.x HS256 requests in, ES256 compact responses (raw R||S) out; 4.0 HS384
 * requests in, JWS JSON General Serialization responses out (ES384 raw R||S, plus ML-DSA for hybrids).
 */
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
        return verifyHmac(jwt, key, "HS256", "HmacSHA256");
    }

    /** True when the token is HS384 (4.0, with a 32-byte key) and its MAC matches, compared in constant time. */
    static boolean verifyHs384(Parsed jwt, byte[] key) {
        return verifyHmac(jwt, key, "HS384", "HmacSHA384");
    }

    private static boolean verifyHmac(Parsed jwt, byte[] key, String alg, String jcaName) {
        if (!alg.equals(Json.optionalText(jwt.header(), "alg"))) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance(jcaName);
            mac.init(new SecretKeySpec(key, jcaName));
            byte[] expected = mac.doFinal(jwt.signingInput().getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, jwt.signature());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " unavailable", e);
        }
    }

    /** One signer of a JWS JSON document: its {@code alg} and how it signs the signing input. */
    record JwsSigner(String alg, UnaryOperator<byte[]> sign) {
    }

    /**
     * Signs the claims as a JWS JSON General Serialization document,
     * {@code {"payload":…,"signatures":[{"protected":…,"signature":…},…]}}, one entry per signer, in order.
     */
    static String signJwsJson(ObjectNode claims, List<JwsSigner> signers) {
        String payload = URL_ENCODER.encodeToString(Json.bytes(claims));
        ObjectNode document = Json.object().put("payload", payload);
        var signatures = document.putArray("signatures");
        for (JwsSigner signer : signers) {
            String protectedHeader = URL_ENCODER.encodeToString(Json.bytes(Json.object().put("alg", signer.alg())));
            byte[] signature = signer.sign().apply((protectedHeader + "." + payload)
                    .getBytes(StandardCharsets.US_ASCII));
            signatures.addObject().put("protected", protectedHeader)
                    .put("signature", URL_ENCODER.encodeToString(signature));
        }
        return new String(Json.bytes(document), StandardCharsets.UTF_8);
    }

    /** The same JWS JSON document with one bit of its first signature flipped (unchanged if it is not one). */
    static String corruptJwsJsonSignature(String json) {
        try {
            JsonNode document = Json.MAPPER.readTree(json);
            JsonNode first = document == null ? null : document.path("signatures").path(0);
            if (first == null || !first.hasNonNull("signature")) {
                return json;
            }
            byte[] signature = URL_DECODER.decode(first.get("signature").asText());
            signature[0] ^= 0x01;
            ((ObjectNode) first).put("signature", URL_ENCODER.encodeToString(signature));
            return new String(Json.bytes(document), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            return json;
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

    /** DER {@code SEQUENCE {r, s}} to the 64-byte {@code R || S} form JWS uses for P-256. */
    static byte[] derToRaw(byte[] der) {
        return derToRaw(der, 32);
    }

    /** DER {@code SEQUENCE {r, s}} to the {@code R || S} form JWS uses, each half {@code half} bytes. */
    static byte[] derToRaw(byte[] der, int half) {
        ASN1Sequence sequence;
        try {
            sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException e) {
            throw new IllegalStateException("ECDSA signature is not DER", e);
        }
        byte[] raw = new byte[2 * half];
        copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(), raw, 0, half);
        copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue(), raw, half, half);
        return raw;
    }

    /** The same JWT with one bit of its signature flipped. */
    static String corruptSignature(String compact) {
        int dot = compact.lastIndexOf('.');
        byte[] signature = URL_DECODER.decode(compact.substring(dot + 1));
        signature[0] ^= 0x01;
        return compact.substring(0, dot + 1) + URL_ENCODER.encodeToString(signature);
    }

    private static void copyUnsigned(BigInteger value, byte[] target, int offset, int half) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > half ? bytes.length - half : 0;
        int length = bytes.length - start;
        System.arraycopy(bytes, start, target, offset + half - length, length);
    }
}
