package org.opentokens.powerauth.token.domain.internal.v4.keystore;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * The compact JWT sent to {@code /pa/v4/keystore/create}: header {@code {"typ":"JWT","alg":"HS384"}}, the caller's
 * claims ({@code applicationKey}, {@code activationId} for activation scope, {@code challenge},
 * {@code sharedSecretRequest}), and HMAC-SHA384 keyed with the 32-byte scope key
 * ({@code V4KeyFactory.applicationTemporaryKeyMacKey} or {@code activationTemporaryKeyMacKey}).
 */
public final class V4TemporaryKeyRequestJwt {
    /** The exact header JSON. */
    public static final String HEADER_JSON = "{\"typ\":\"JWT\",\"alg\":\"HS384\"}";
    /** Length of the random challenge in bytes. */
    public static final int CHALLENGE_LENGTH = 32;
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String ENCODED_HEADER = URL.encodeToString(HEADER_JSON.getBytes(StandardCharsets.UTF_8));

    private V4TemporaryKeyRequestJwt() {
    }

    /**
     * @param claimsJson the UTF-8 claims JSON, used exactly as given
     * @param macKey the scope's 32-byte MAC key
     * @return {@code b64url(header) "." b64url(claims) "." b64url(HMAC-SHA384)}
     */
    public static String sign(byte[] claimsJson, V4SymmetricKey macKey) {
        Objects.requireNonNull(claimsJson, "claimsJson");
        Objects.requireNonNull(macKey, "macKey");
        String signingInput = ENCODED_HEADER + "." + URL.encodeToString(claimsJson);
        byte[] key = macKey.copyBytes(InsecureSecretAccess.get());
        KeyParameter parameter = new KeyParameter(key);
        Bytes.wipe(key);
        try {
            HMac hmac = new HMac(new SHA384Digest());
            hmac.init(parameter);
            byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
            hmac.update(input, 0, input.length);
            byte[] mac = new byte[hmac.getMacSize()];
            hmac.doFinal(mac, 0);
            hmac.reset();
            return signingInput + "." + URL.encodeToString(mac);
        } finally {
            Bytes.wipe(parameter.getKey());
        }
    }

    /**
     * @param random the randomness
     * @return a fresh challenge: standard Base64 of 32 random bytes
     */
    public static String newChallenge(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] challenge = new byte[CHALLENGE_LENGTH];
        random.nextBytes(challenge);
        return B64.encode(challenge);
    }
}
