package org.opentokens.powerauth.token.benchmarks.v4;

import static org.assertj.core.api.Assertions.assertThat;

import com.wultra.security.powerauth.crypto.lib.config.AuthenticationCodeConfiguration;
import com.wultra.security.powerauth.crypto.lib.enums.PowerAuthCodeType;
import com.wultra.security.powerauth.crypto.server.v4.authentication.PowerAuthServerAuthentication;
import com.wultra.security.powerauth.crypto.server.v4.keyfactory.PowerAuthServerKeyFactory;
import com.wultra.security.powerauth.http.PowerAuthAuthorizationHttpHeader;
import com.wultra.security.powerauth.http.PowerAuthHttpBody;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * Both sides of the 4.0 token-create comparison do the same work: their keystore requests carry the algorithm's
 * encapsulation keys, their keystore responses give the same envelope key as Wultra's server, their token-create
 * authentication codes verify with Wultra 2.0.1's {@code PowerAuthServerAuthentication}, and they decrypt the
 * server's answer.
 */
class V4TokenCreateBenchmarkTest {
    private static final V4TokenCreateBenchmark BENCHMARK = new V4TokenCreateBenchmark();

    @ParameterizedTest
    @ValueSource(strings = {"EC_P384", "EC_P384_ML_L3"})
    void bothSidesDoTheSameWork(String algorithm) throws Exception {
        V4TokenCreateState s = new V4TokenCreateState();
        s.algorithm = algorithm;
        s.setUp();

        int keys = algorithm.equals("EC_P384") ? 1 : 2;
        assertThat(claims(BENCHMARK.oursKeystoreRequest(s))).contains("\"algorithm\":\"" + algorithm + "\"");
        assertThat(claims(BENCHMARK.oursKeystoreRequest(s)).split("\",\"", -1).length)
                .isEqualTo(claims(BENCHMARK.wultraKeystoreRequest(s)).split("\",\"", -1).length);
        assertThat(claims(BENCHMARK.wultraKeystoreRequest(s))).contains("\"algorithm\":\"" + algorithm + "\"");

        V4Responses.OurKeystore ours = new V4Responses.OurKeystore();
        ours.prepare(s);
        V4TemporaryKey key = BENCHMARK.oursKeystoreResponse(ours);
        assertThat(key.isDestroyed()).isTrue();
        V4Responses.WultraKeystore wultra = new V4Responses.WultraKeystore();
        wultra.prepare(s);
        assertThat(BENCHMARK.wultraKeystoreResponse(wultra).getEncoded()).hasSize(32);
        assertThat(ours.answer.encapsulatedKeys()).hasSize(keys);

        SecretKey secret = new SecretKeySpec(s.activationSecretBytes, "AES");
        byte[] serverCounter = s.wultraCounter.clone();
        assertThat(s.ourCounter.copyBytes(InsecureSecretAccess.get())).isEqualTo(serverCounter);
        verifies(BENCHMARK.oursTokenRequest(s), secret, serverCounter, s);
        verifies(BENCHMARK.wultraTokenRequest(s), secret, serverCounter, s);

        V4Responses.OurToken ourToken = new V4Responses.OurToken();
        ourToken.prepare(s);
        assertThat(new String(BENCHMARK.oursTokenResponse(ourToken))).startsWith("{\"tokenId\":\"");
        V4Responses.WultraToken wultraToken = new V4Responses.WultraToken();
        wultraToken.prepare(s);
        assertThat(new String(BENCHMARK.wultraTokenResponse(wultraToken))).startsWith("{\"tokenId\":\"");
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** Wultra's server accepts the code over the exact body at the counter both sides started from. */
    private static void verifies(V4TokenCreateBenchmark.SignedRequest request, SecretKey secret, byte[] ctrData,
            V4TokenCreateState s) throws Exception {
        PowerAuthAuthorizationHttpHeader header = new PowerAuthAuthorizationHttpHeader()
                .fromValue(request.authorization());
        assertThat(header.getAuthCodeType()).isEqualTo("possession_knowledge");
        assertThat(header.getActivationId()).isEqualTo(s.activationId);
        assertThat(header.getVersion()).isEqualTo("4.0");
        List<SecretKey> keys = new PowerAuthServerKeyFactory().keysForAuthenticationCodeType(
                PowerAuthCodeType.POSSESSION_KNOWLEDGE, secret);
        byte[] data = (PowerAuthHttpBody.getAuthenticationBaseString("POST", "/pa/token/create",
                Base64.getDecoder().decode(header.getNonce()), request.body()) + "&" + s.appSecret)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new PowerAuthServerAuthentication().validateAuthCode(data, header.getAuthCode(), keys, ctrData,
                AuthenticationCodeConfiguration.base64())).isTrue();
    }
}
