package org.opentokens.powerauth.token.domain.internal.keystore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.util.BigIntegers;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Test-only JWT helpers: a server-side ES256 signer on JCA (provider BC) and claim building with Jackson. */
final class JwtTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private JwtTestSupport() {
    }

    static String b64url(byte[] data) {
        return B64URL.encodeToString(data);
    }

    static String b64url(String text) {
        return b64url(text.getBytes(StandardCharsets.UTF_8));
    }

    static SecureRandom seeded(long seed) {
        return WultraOracle.seeded(seed);
    }

    static PrivateKey jcaPrivateKey(EcKeyPair pair) throws Exception {
        WultraOracle.ensureProvider();
        byte[] raw = pair.privateKey().copyBytes(InsecureSecretAccess.get());
        return new KeyConvertor().convertBytesToPrivateKey(Bytes.concat(new byte[1], raw));
    }

    /** Signs {@code header.payload} with JCA SHA256withECDSA and converts the DER signature to raw R||S. */
    static String signEs256(String headerJson, byte[] payload, EcKeyPair key) throws Exception {
        String input = b64url(headerJson) + "." + b64url(payload);
        Signature signer = Signature.getInstance("SHA256withECDSA", "BC");
        signer.initSign(jcaPrivateKey(key));
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        ASN1Sequence seq = ASN1Sequence.getInstance(signer.sign());
        BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
        BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
        byte[] raw = Bytes.concat(BigIntegers.asUnsignedByteArray(32, r), BigIntegers.asUnsignedByteArray(32, s));
        return input + "." + b64url(raw);
    }

    /** @return claims as the keystore endpoint returns them */
    static byte[] serverClaims(String keyId, String appKey, String activationId, String challenge, String publicKeyB64,
                               long iatMs, long expMs) throws Exception {
        ObjectNode n = JSON.createObjectNode();
        n.put("sub", keyId);
        n.put("applicationKey", appKey);
        if (activationId != null) {
            n.put("activationId", activationId);
        }
        n.put("challenge", challenge);
        n.put("publicKey", publicKeyB64);
        n.put("iat", iatMs / 1000);
        n.put("exp", expMs / 1000);
        n.put("iat_ms", iatMs);
        n.put("exp_ms", expMs);
        return JSON.writeValueAsBytes(n);
    }

    /** Maps a verified JWT to claims with Jackson, as an adapter would. */
    static TemporaryKeyClaims claimsOf(SignedJwt jwt) throws Exception {
        var h = JSON.readTree(jwt.headerJson());
        var p = JSON.readTree(jwt.payloadJson());
        return new TemporaryKeyClaims(text(h, "alg"), text(h, "typ"), text(p, "sub"), text(p, "applicationKey"),
                text(p, "activationId"), text(p, "challenge"), text(p, "publicKey"),
                p.path("iat_ms").asLong(), p.path("exp_ms").asLong());
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
