package org.opentokens.powerauth.token.domain.internal.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.lib.generator.KeyGenerator;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/**
 * The keystore request JWT verifies with JCA HmacSHA256 under the key the server derives (cmd-lib's
 * {@code TemporaryKeyUtil}: decoded app secret, or {@code KeyGenerator.deriveSecretKeyHmac(transport, appSecret)}).
 */
class TemporaryKeyRequestJwtTest {
    private static final SecureRandom RANDOM = JwtTestSupport.seeded(5150);

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] claims(String appKey, String activationId, String challenge) throws Exception {
        ObjectNode n = JwtTestSupport.JSON.createObjectNode();
        n.put("applicationKey", appKey);
        if (activationId != null) {
            n.put("activationId", activationId);
        }
        n.put("challenge", challenge);
        n.put("iat", RANDOM.nextInt());
        return JwtTestSupport.JSON.writeValueAsBytes(n);
    }

    private static void assertVerifiesWithJcaHmac(String jwt, byte[] claims, byte[] rawKey) throws Exception {
        String[] parts = jwt.split("\\.", -1);
        assertThat(parts).hasSize(3);
        Base64.Decoder dec = Base64.getUrlDecoder();
        assertThat(new String(dec.decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        assertThat(dec.decode(parts[1])).isEqualTo(claims);
        assertThat(jwt).doesNotContain("=", "+", "/");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(rawKey, "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(dec.decode(parts[2])).isEqualTo(expected);
    }

    @RepeatedTest(200)
    void applicationScopeJwtVerifiesUnderTheDecodedAppSecret() throws Exception {
        byte[] appSecret = random(16);
        byte[] claims = claims(B64.encode(random(16)), null, TemporaryKeyRequestJwt.newChallenge(RANDOM));
        SymmetricKey key = TemporaryKeyRequestJwt.applicationScopeKey(B64.encode(appSecret));
        assertVerifiesWithJcaHmac(TemporaryKeyRequestJwt.sign(claims, key), claims, appSecret);
    }

    @RepeatedTest(200)
    void activationScopeJwtVerifiesUnderWultrasDerivedKey() throws Exception {
        byte[] appSecret = random(16);
        byte[] transport = random(16);
        KeyConvertor convertor = new KeyConvertor();
        SecretKey derived = new KeyGenerator().deriveSecretKeyHmac(
                convertor.convertBytesToSharedSecretKey(transport), appSecret);
        byte[] expectedKey = convertor.convertSharedSecretKeyToBytes(derived);

        SymmetricKey ours = TemporaryKeyRequestJwt.activationScopeKey(SymmetricKey.of(transport), B64.encode(appSecret));
        assertThat(ours.copyBytes(InsecureSecretAccess.get())).isEqualTo(expectedKey);

        byte[] claims = claims(B64.encode(random(16)), UUID.randomUUID().toString(),
                TemporaryKeyRequestJwt.newChallenge(RANDOM));
        assertVerifiesWithJcaHmac(TemporaryKeyRequestJwt.sign(claims, ours), claims, expectedKey);
    }

    @Test
    void challengeIsBase64Of18FreshRandomBytes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String c = TemporaryKeyRequestJwt.newChallenge(RANDOM);
            assertThat(B64.decode(c, "challenge")).hasSize(18);
            seen.add(c);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void rejectsAppSecretThatIsNotBase64Of16Bytes() {
        assertThatThrownBy(() -> TemporaryKeyRequestJwt.applicationScopeKey("!!"))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> TemporaryKeyRequestJwt.applicationScopeKey(B64.encode(new byte[32])))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> TemporaryKeyRequestJwt.activationScopeKey(SymmetricKey.of(new byte[16]), "abc"))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void signingKeysAreRedacted() {
        byte[] appSecret = random(16);
        SymmetricKey app = TemporaryKeyRequestJwt.applicationScopeKey(B64.encode(appSecret));
        SymmetricKey act = TemporaryKeyRequestJwt.activationScopeKey(SymmetricKey.of(random(16)), B64.encode(appSecret));
        for (SymmetricKey k : new SymmetricKey[] {app, act}) {
            byte[] raw = k.copyBytes(InsecureSecretAccess.get());
            assertThat(k.toString()).doesNotContain(B64.encode(raw), HexFormat.of().formatHex(raw),
                    B64.encode(appSecret), HexFormat.of().formatHex(appSecret));
        }
    }
}
