package org.opentokens.powerauth.token.domain.internal.v4.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wultra.security.powerauth.crypto.client.v4.authentication.PowerAuthClientAuthentication;
import com.wultra.security.powerauth.crypto.client.v4.keyfactory.PowerAuthClientKeyFactory;
import com.wultra.security.powerauth.crypto.lib.config.AuthenticationCodeConfiguration;
import com.wultra.security.powerauth.crypto.lib.enums.PowerAuthCodeType;
import com.wultra.security.powerauth.crypto.server.v4.authentication.PowerAuthServerAuthentication;
import com.wultra.security.powerauth.http.PowerAuthAuthorizationHttpHeader;
import com.wultra.security.powerauth.http.PowerAuthHttpBody;
import com.wultra.security.powerauth.http.validator.PowerAuthAuthorizationHttpHeaderValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException;
import org.opentokens.powerauth.token.domain.internal.signature.SignatureBaseString;
import org.opentokens.powerauth.token.domain.internal.v4.V4Oracle;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.kdf.V4KeyFactory;
import org.opentokens.powerauth.token.domain.server.V4AuthorizationHeaderParser;

/**
 * Authentication codes and the 4.0 authorization header both ways against Wultra 2.0.1: our codes equal its client's
 * and pass its server's validation, for every type and both formats; our headers pass its parser and validator, and
 * we parse headers it builds.
 */
class AuthenticationCodeOracleTest {
    private static final PowerAuthClientAuthentication CLIENT = new PowerAuthClientAuthentication();
    private static final PowerAuthServerAuthentication SERVER = new PowerAuthServerAuthentication();
    private static final PowerAuthClientKeyFactory KEYS = new PowerAuthClientKeyFactory();
    private static final String[] METHODS = {"POST", "GET", "DELETE", "put"};
    private static final String[] URI_IDS = {"/pa/token/create", "/pa/token/remove", "/pa/activation/remove",
        "/pa/activation/confirm", "/pa/vault/unlock", "/pa/auth/validate"};

    @BeforeAll
    static void provider() {
        V4Oracle.ensureProvider();
    }

    @Test
    void onlineCodesEqualWultrasAndPassItsServerForEveryType() throws Exception {
        Random r = new Random(4301);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            AuthenticationCodeType type = AuthenticationCodeType.values()[i % 6];
            Fixture f = new Fixture(r, type);
            String ours = AuthenticationCode.online(f.data, f.ourKeys(), f.counter());
            assertThat(ours).as("case %d %s", i, type)
                    .isEqualTo(CLIENT.computeAuthCode(f.data, f.theirKeys, f.ctr, AuthenticationCodeConfiguration.base64()));
            assertThat(ours).hasSize(new int[] {0, 44, 88, 128}[type.factorCount()]);
            assertThat(SERVER.validateAuthCode(f.data, ours, f.theirKeys, f.ctr, AuthenticationCodeConfiguration.base64()))
                    .isTrue();
            byte[] other = f.data.clone();
            other[r.nextInt(other.length)] ^= 1;
            assertThat(SERVER.validateAuthCode(other, ours, f.theirKeys, f.ctr, AuthenticationCodeConfiguration.base64()))
                    .isFalse();
        }
    }

    @Test
    void offlineCodesEqualWultrasForEveryLength() throws Exception {
        Random r = new Random(4302);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            AuthenticationCodeType type = AuthenticationCodeType.values()[i % 6];
            int digits = 4 + r.nextInt(5);
            Fixture f = new Fixture(r, type);
            String ours = AuthenticationCode.offline(f.data, f.ourKeys(), f.counter(), digits);
            var config = AuthenticationCodeConfiguration.decimal(digits);
            assertThat(ours).as("case %d %s %d", i, type, digits)
                    .isEqualTo(CLIENT.computeAuthCode(f.data, f.theirKeys, f.ctr, config));
            assertThat(SERVER.validateAuthCode(f.data, ours, f.theirKeys, f.ctr, config)).isTrue();
        }
        assertThatThrownBy(() -> AuthenticationCode.offline(new byte[1], new Fixture(r, AuthenticationCodeType.POSSESSION)
                .ourKeys(), V4HashCounter.of(new byte[32], 0), 9)).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void requestDataIsWultrasBaseStringWithTheApplicationSecret() {
        Random r = new Random(4303);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            String method = METHODS[r.nextInt(METHODS.length)];
            String uriId = URI_IDS[r.nextInt(URI_IDS.length)];
            byte[] nonce = V4Oracle.bytes(r, 16);
            byte[] body = r.nextInt(5) == 0 ? null : V4Oracle.bytes(r, r.nextInt(300));
            String appSecret = Base64.getEncoder().encodeToString(V4Oracle.bytes(r, 16));
            String theirs = PowerAuthHttpBody.getAuthenticationBaseString(method, uriId, nonce, body) + "&" + appSecret;
            assertThat(SignatureBaseString.forBody(method, uriId, nonce, body, appSecret))
                    .isEqualTo(theirs.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void wultraParsesAndValidatesOurHeadersAndWeParseItsHeaders() throws Exception {
        Random r = new Random(4304);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            AuthenticationCodeType type = AuthenticationCodeType.values()[i % 6];
            Fixture f = new Fixture(r, type);
            String activationId = UUID.randomUUID().toString();
            String appKey = Base64.getEncoder().encodeToString(V4Oracle.bytes(r, 16));
            byte[] nonce = V4Oracle.bytes(r, 16);
            String code = AuthenticationCode.online(f.data, f.ourKeys(), f.counter());
            String value = V4AuthorizationHeader.of(activationId, appKey, nonce, type, code).value();

            PowerAuthAuthorizationHttpHeader theirs = new PowerAuthAuthorizationHttpHeader().fromValue(value);
            PowerAuthAuthorizationHttpHeaderValidator.validate(theirs);
            assertThat(theirs.getVersion()).isEqualTo("4.0");
            assertThat(theirs.getActivationId()).isEqualTo(activationId);
            assertThat(theirs.getApplicationKey()).isEqualTo(appKey);
            assertThat(Base64.getDecoder().decode(theirs.getNonce())).isEqualTo(nonce);
            assertThat(PowerAuthCodeType.getEnumFromString(theirs.getAuthCodeType()).name()).isEqualTo(type.name());
            assertThat(theirs.getAuthCode()).isEqualTo(code);

            String built = new PowerAuthAuthorizationHttpHeader(activationId, appKey, code, type.wireValue(),
                    Base64.getEncoder().encodeToString(nonce), "4.0").buildHttpHeader();
            V4AuthorizationHeader back = V4AuthorizationHeaderParser.parse(built);
            assertThat(back.value()).as("case %d", i).isEqualTo(value);
        }
    }

    @Test
    void missingFactorsAndBadHeadersFailWithTypedErrors() {
        FactorKeys possessionOnly = new FactorKeys(V4SymmetricKey.of(new byte[32]), null, null);
        assertThatThrownBy(() -> possessionOnly.keysFor(AuthenticationCodeType.POSSESSION_KNOWLEDGE))
                .isInstanceOf(SignatureFactorMissingException.class).hasMessageContaining("knowledge");
        assertThat(possessionOnly.toString()).isEqualTo("FactorKeys[possession, redacted]");
        String id = UUID.randomUUID().toString();
        String appKey = Base64.getEncoder().encodeToString(new byte[16]);
        String code = Base64.getEncoder().encodeToString(new byte[32]);
        String good = V4AuthorizationHeader.of(id, appKey, new byte[16], AuthenticationCodeType.POSSESSION, code).value();
        for (String bad : new String[] {good.replace("4.0", "3.3"), good.replace(code, code.substring(4)),
            good.replace(id, "x"), good.replace("possession", "telepathy"), good + " pa_nonce=\"AAAA\"",
            good.replace("pa_application_key=\"" + appKey, "pa_application_key=\"AAAA"), "PowerAuth", ""}) {
            assertThatThrownBy(() -> V4AuthorizationHeaderParser.parse(bad)).isInstanceOf(MalformedDataException.class)
                    .hasMessageNotContaining(code);
        }
        assertThat(V4AuthorizationHeaderParser.parse(good).toString()).doesNotContain(code);
    }

    @Test
    void fromFieldsKeepsTheSentNonceAndChecksEachValue() {
        String id = UUID.randomUUID().toString();
        String appKey = Base64.getEncoder().encodeToString(new byte[16]);
        String nonce = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
            15, 16});
        String code = Base64.getEncoder().encodeToString(new byte[32]);
        AuthenticationCodeType type = AuthenticationCodeType.POSSESSION;
        V4AuthorizationHeader header = V4AuthorizationHeader.fromFields(id, appKey, nonce, type, code);
        assertThat(header.value()).isEqualTo(
                V4AuthorizationHeader.of(id, appKey, Base64.getDecoder().decode(nonce), type, code).value());
        assertThatThrownBy(() -> V4AuthorizationHeader.fromFields("x", appKey, nonce, type, code))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("pa_activation_id");
        assertThatThrownBy(() -> V4AuthorizationHeader.fromFields(id, "AAAA", nonce, type, code))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("pa_application_key");
        assertThatThrownBy(() -> V4AuthorizationHeader.fromFields(id, appKey, "AAAA", type, code))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("pa_nonce");
        assertThatThrownBy(() -> V4AuthorizationHeader.fromFields(id, appKey, nonce, type, code.substring(4)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("pa_auth_code")
                .hasMessageNotContaining(code.substring(4));
        assertThatThrownBy(() -> V4AuthorizationHeader.fromFields(id, appKey, nonce, null, code))
                .isInstanceOf(NullPointerException.class);
    }

    /** Random factor keys derived from a random activation secret, in both our and Wultra's form. */
    private static final class Fixture {
        final byte[] data;
        final byte[] ctr;
        final int ctrByte;
        final List<SecretKey> theirKeys;
        final List<byte[]> raw = new ArrayList<>();
        final AuthenticationCodeType type;

        Fixture(Random r, AuthenticationCodeType type) throws Exception {
            this.type = type;
            data = V4Oracle.bytes(r, 1 + r.nextInt(400));
            ctr = V4Oracle.bytes(r, 32);
            ctrByte = r.nextInt(256);
            byte[] secret = V4Oracle.bytes(r, 32);
            theirKeys = KEYS.keysForAuthenticationCodeType(PowerAuthCodeType.valueOf(type.name()), V4Oracle.jca(secret));
            V4SymmetricKey s = V4SymmetricKey.of(secret);
            FactorKeys factors = new FactorKeys(V4KeyFactory.possessionKey(s), V4KeyFactory.knowledgeKey(s),
                    V4KeyFactory.biometryKey(s));
            for (V4SymmetricKey k : factors.keysFor(type)) {
                raw.add(V4Oracle.raw(k));
            }
        }

        List<V4SymmetricKey> ourKeys() {
            List<V4SymmetricKey> keys = new ArrayList<>();
            raw.forEach(b -> keys.add(V4SymmetricKey.of(b)));
            return keys;
        }

        V4HashCounter counter() {
            return V4HashCounter.of(ctr, ctrByte);
        }
    }
}
