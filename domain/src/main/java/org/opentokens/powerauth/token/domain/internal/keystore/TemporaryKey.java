package org.opentokens.powerauth.token.domain.internal.keystore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException.Reason;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesParameters;

/**
 * A validated PowerAuth 3.3 temporary encryption key: the public key ECIES encrypts to, with its ID and lifetime.
 * Obtain one from {@link #validate}. Not secret.
 */
public final class TemporaryKey {
    /** The mobile SDK stops using a key this many milliseconds before it expires. */
    public static final long DEFAULT_SAFETY_MARGIN_MS = 10_000L;

    private final String keyId;
    private final EcPublicKey publicKey;
    private final String applicationKey;
    private final String activationId;
    private final long issuedAtMs;
    private final long expiresAtMs;

    private TemporaryKey(TemporaryKeyClaims c, EcPublicKey publicKey) {
        this.keyId = c.keyId();
        this.publicKey = publicKey;
        this.applicationKey = c.applicationKey();
        this.activationId = c.activationId();
        this.issuedAtMs = c.issuedAtMs();
        this.expiresAtMs = c.expiresAtMs();
    }

    /**
     * Checks the claims of a JWT already verified by {@link TemporaryKeyResponseJwt#verifyEs256}.
     *
     * @param claims the header and payload values
     * @param expectedChallenge the challenge sent in the request
     * @param expectedAppKey the application key sent in the request
     * @param expectedActivationId the activation ID sent in the request, {@code null} for application scope
     * @param nowMs the current time in Unix milliseconds
     * @return the key
     * @throws TemporaryKeyException with {@code MALFORMED} ({@code typ} not JWT, missing ID, bad public key or
     *     lifetime), {@code UNSUPPORTED_ALGORITHM} ({@code alg} not ES256), {@code CHALLENGE_MISMATCH},
     *     {@code APPLICATION_KEY_MISMATCH}, {@code ACTIVATION_ID_MISMATCH} or {@code EXPIRED}
     */
    public static TemporaryKey validate(TemporaryKeyClaims claims, String expectedChallenge, String expectedAppKey,
                                        String expectedActivationId, long nowMs) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(expectedChallenge, "expectedChallenge");
        Objects.requireNonNull(expectedAppKey, "expectedAppKey");
        if (!"JWT".equals(claims.typ())) {
            throw new TemporaryKeyException(Reason.MALFORMED, "JWT typ must be JWT");
        }
        if (!"ES256".equals(claims.alg())) {
            throw new TemporaryKeyException(Reason.UNSUPPORTED_ALGORITHM, "temporary key JWT must use ES256");
        }
        if (claims.keyId() == null || claims.keyId().isBlank()) {
            throw new TemporaryKeyException(Reason.MALFORMED, "temporary key JWT has no sub (key ID)");
        }
        if (!sameText(expectedChallenge, claims.challenge())) {
            throw new TemporaryKeyException(Reason.CHALLENGE_MISMATCH, "temporary key answers another challenge");
        }
        if (!sameText(expectedAppKey, claims.applicationKey())) {
            throw new TemporaryKeyException(Reason.APPLICATION_KEY_MISMATCH,
                    "temporary key belongs to another application key");
        }
        if (expectedActivationId == null ? claims.activationId() != null
                : !sameText(expectedActivationId, claims.activationId())) {
            throw new TemporaryKeyException(Reason.ACTIVATION_ID_MISMATCH, expectedActivationId == null
                    ? "application-scope temporary key must not name an activation"
                    : "temporary key belongs to another activation");
        }
        if (claims.expiresAtMs() <= claims.issuedAtMs()) {
            throw new TemporaryKeyException(Reason.MALFORMED, "temporary key expires before it is issued");
        }
        if (nowMs >= claims.expiresAtMs()) {
            throw new TemporaryKeyException(Reason.EXPIRED, "temporary key has expired");
        }
        if (claims.publicKeyBase64() == null) {
            throw new TemporaryKeyException(Reason.MALFORMED, "temporary key JWT has no publicKey");
        }
        EcPublicKey key;
        try {
            key = EcPublicKey.fromBase64(claims.publicKeyBase64());
        } catch (MalformedDataException e) {
            throw new TemporaryKeyException(Reason.MALFORMED, "temporary key publicKey is not a P-256 point", e);
        }
        return new TemporaryKey(claims, key);
    }

    private static boolean sameText(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the temporary key ID, sent as {@code temporaryKeyId} */
    public String keyId() {
        return keyId;
    }

    /** @return the public key to encrypt to */
    public EcPublicKey publicKey() {
        return publicKey;
    }

    /** @return the application key the key was issued for */
    public String applicationKey() {
        return applicationKey;
    }

    /** @return the activation ID the key was issued for, {@code null} for application scope */
    public String activationId() {
        return activationId;
    }

    /** @return the scope of the key */
    public EciesScope scope() {
        return activationId == null ? EciesScope.APPLICATION : EciesScope.ACTIVATION;
    }

    /** @return the issue time in Unix milliseconds (server clock) */
    public long issuedAtMs() {
        return issuedAtMs;
    }

    /** @return the expiry time in Unix milliseconds (server clock) */
    public long expiresAtMs() {
        return expiresAtMs;
    }

    /**
     * @param nowMs the current time in Unix milliseconds
     * @param safetyMarginMs how long before expiry to stop using the key (see {@link #DEFAULT_SAFETY_MARGIN_MS})
     * @return true while {@code nowMs + safetyMarginMs < expiresAtMs}
     */
    public boolean isUsableAt(long nowMs, long safetyMarginMs) {
        return nowMs + safetyMarginMs < expiresAtMs;
    }

    /** @return 3.3 ECIES parameters for this key's application key, activation ID and key ID */
    public EciesParameters eciesParameters() {
        return new EciesParameters(ProtocolVersion.V3_3, applicationKey, activationId, keyId);
    }

    @Override
    public String toString() {
        return "TemporaryKey[" + keyId + ", " + scope() + ", expiresAtMs=" + expiresAtMs + "]";
    }
}
