package org.opentokens.powerauth.token.domain.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.http.PowerAuthHttpBody;
import io.getlime.security.powerauth.http.PowerAuthRequestCanonizationUtils;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** Oracle: PowerAuthHttpBody.getSignatureBaseString(...) + "&" + appSecret. */
class SignatureBaseStringTest {
    private static final int CASES = 500;
    private static final String[] METHODS = {"POST", "post", "GET", "get", "Put", "DELETE", "patch"};
    private static final String[] URI_IDS = {"/pa/token/create", "/pa/token/remove", "/pa/activation/remove",
        "/pa/vault/unlock", "/custom/ž/€/😀", "", "a&b=c"};

    @Test
    void bodyBaseStringMatchesWultraForRandomRequests() {
        SecureRandom random = Oracle.seeded(61);
        for (int i = 0; i < CASES; i++) {
            String method = METHODS[random.nextInt(METHODS.length)];
            String uriId = URI_IDS[random.nextInt(URI_IDS.length)];
            byte[] nonce = Oracle.bytes(random, 16);
            byte[] body = i % 4 == 0 ? null : Oracle.bytes(random, random.nextInt(300));
            String appSecret = Base64.getEncoder().encodeToString(Oracle.bytes(random, 16));

            byte[] ours = SignatureBaseString.forBody(method, uriId, nonce, body, appSecret);

            String theirs = PowerAuthHttpBody.getSignatureBaseString(method, uriId, nonce, body) + "&" + appSecret;
            assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(theirs);
        }
    }

    @Test
    void queryBaseStringMatchesWultraCanonicalizationAndBaseString() {
        SecureRandom random = Oracle.seeded(62);
        String[] parts = {"a", "b", "=", "&", "+", "%20", "ž", "~", "*", "x=1", "page=2"};
        for (int i = 0; i < CASES; i++) {
            StringBuilder q = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                q.append(parts[random.nextInt(parts.length)]);
            }
            byte[] nonce = Oracle.bytes(random, 16);
            String appSecret = Base64.getEncoder().encodeToString(Oracle.bytes(random, 16));
            String canonical = PowerAuthRequestCanonizationUtils.canonizeGetParameters(q.toString());
            byte[] body = canonical == null ? null : canonical.getBytes(StandardCharsets.UTF_8);

            byte[] ours = SignatureBaseString.forQuery("GET", "/api/list", nonce, q.toString(), appSecret);

            String theirs = PowerAuthHttpBody.getSignatureBaseString("GET", "/api/list", nonce, body) + "&" + appSecret;
            assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(theirs);
        }
    }

    @Test
    void emptyBodyAndNullBodyGiveTheSameEmptyField() {
        byte[] nonce = new byte[16];
        assertThat(SignatureBaseString.forBody("POST", "/x", nonce, null, "s"))
                .isEqualTo(SignatureBaseString.forBody("POST", "/x", nonce, new byte[0], "s"))
                .isEqualTo((PowerAuthHttpBody.getSignatureBaseString("POST", "/x", nonce, null) + "&s")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsNonceThatIsNot16Bytes() {
        for (int len : new int[] {0, 8, 15, 17, 32}) {
            assertThatThrownBy(() -> SignatureBaseString.forBody("POST", "/x", new byte[len], null, "s"))
                    .isInstanceOf(MalformedDataException.class);
            assertThatThrownBy(() -> SignatureBaseString.forQuery("GET", "/x", new byte[len], "a=b", "s"))
                    .isInstanceOf(MalformedDataException.class);
        }
    }

    @Test
    void rejectsEmptyMethodAndMalformedQuery() {
        assertThatThrownBy(() -> SignatureBaseString.forBody("", "/x", new byte[16], null, "s"))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> SignatureBaseString.forQuery("GET", "/x", new byte[16], "a=%zz", "s"))
                .isInstanceOf(MalformedDataException.class);
    }
}
