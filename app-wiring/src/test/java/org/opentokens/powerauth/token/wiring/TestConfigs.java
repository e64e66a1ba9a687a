package org.opentokens.powerauth.token.wiring;

import java.util.Base64;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;

/** Well-formed client settings for tests that never reach a server. */
final class TestConfigs {
    static final String BASE_URI = "http://127.0.0.1:9/enrollment/";
    static final String APP_KEY = Base64.getEncoder().encodeToString(new byte[16]);
    static final String APP_SECRET = Base64.getEncoder().encodeToString(
            "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    static final String MASTER_PUBLIC_KEY = masterKey();

    private TestConfigs() {
    }

    static PowerAuthClientConfig.Builder builder() {
        return PowerAuthClientConfig.builder(BASE_URI, APP_KEY, APP_SECRET, MASTER_PUBLIC_KEY);
    }

    private static String masterKey() {
        EcKeyPair pair = P256.generateKeyPair(new java.security.SecureRandom());
        return Base64.getEncoder().encodeToString(pair.publicKey().uncompressed());
    }
}
