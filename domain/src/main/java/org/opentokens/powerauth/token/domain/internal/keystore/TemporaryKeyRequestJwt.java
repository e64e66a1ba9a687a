package org.opentokens.powerauth.token.domain.internal.keystore;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.HmacSha256Key;
import org.opentokens.powerauth.token.domain.internal.crypto.Kdf;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * The HS256 JWT sent to {@code /pa/v3/keystore/create} to ask for a temporary encryption key.
 *
 * <p>The caller builds the claims JSON ({@code applicationKey}, {@code challenge} and, for activation scope,
 * {@code activationId}); this class signs it. The signing key differs by scope: see {@link #applicationScopeKey}
 * and {@link #activationScopeKey}.
 */
public final class TemporaryKeyRequestJwt {
    /** The exact JWT header bytes: {@code {"alg":"HS256","typ":"JWT"}}. */
    public static final String HEADER_JSON = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    /** Length of the random challenge in bytes. */
    public static final int CHALLENGE_LENGTH = 18;

    private static final String ENCODED_HEADER = Base64Url.encode(HEADER_JSON.getBytes(StandardCharsets.UTF_8));

    private TemporaryKeyRequestJwt() {
    }

    /**
     * Signs the claims as {@code base64url(header) "." base64url(claims) "." base64url(HMAC-SHA256)}.
     *
     * @param claimsJson the UTF-8 claims JSON, used exactly as given
     * @param hmacKey the scope's signing key
     * @return the compact JWT
     */
    public static String sign(byte[] claimsJson, SymmetricKey hmacKey) {
        Objects.requireNonNull(claimsJson, "claimsJson");
        Objects.requireNonNull(hmacKey, "hmacKey");
        String signingInput = ENCODED_HEADER + "." + Base64Url.encode(claimsJson);
        byte[] key = hmacKey.copyBytes(InsecureSecretAccess.get());
        try {
            byte[] signature = HmacSha256Key.compute(key, signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64Url.encode(signature);
        } finally {
            Bytes.wipe(key);
        }
    }

    /**
     * @param appSecretB64 the app secret, Base64 of 16 bytes
     * @return the application-scope signing key: the decoded app secret
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the secret is not Base64 of 16 bytes
     */
    public static SymmetricKey applicationScopeKey(String appSecretB64) {
        Objects.requireNonNull(appSecretB64, "appSecretB64");
        return SymmetricKey.fromBase64(appSecretB64);
    }

    /**
     * @param transportKey the activation's {@code KEY_TRANSPORT}
     * @param appSecretB64 the app secret, Base64 of 16 bytes
     * @return the activation-scope signing key: {@code KDF_INTERNAL(KEY_TRANSPORT, decoded app secret)}
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the secret is not Base64 of 16 bytes
     */
    public static SymmetricKey activationScopeKey(SymmetricKey transportKey, String appSecretB64) {
        Objects.requireNonNull(transportKey, "transportKey");
        Objects.requireNonNull(appSecretB64, "appSecretB64");
        byte[] appSecret = B64.decode(appSecretB64, "app secret", 16);
        try {
            return Kdf.internal(transportKey, appSecret);
        } finally {
            Bytes.wipe(appSecret);
        }
    }

    /**
     * @param random the randomness source
     * @return a fresh challenge: standard Base64 of 18 random bytes
     */
    public static String newChallenge(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] challenge = new byte[CHALLENGE_LENGTH];
        random.nextBytes(challenge);
        return B64.encode(challenge);
    }
}
