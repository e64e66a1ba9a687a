package org.opentokens.powerauth.token.domain.internal.v4.keystore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException.Reason;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadParameters;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadScope;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.kem.SharedSecretContext;
import org.opentokens.powerauth.token.domain.internal.v4.kem.SharedSecretResponse;

/**
 * A validated 4.0 temporary key: its ID, scope, lifetime and the envelope key that came out of the KEM exchange.
 * Redacted {@code toString}; {@link #destroy()} wipes the envelope key.
 */
public final class V4TemporaryKey implements Destroyable {
    /** The SDK stops using a key this long before it expires. */
    public static final long DEFAULT_SAFETY_MARGIN_MS = 10_000L;

    private final String keyId;
    private final String applicationKey;
    private final String activationId;
    private final long issuedAtMs;
    private final long expiresAtMs;
    private final V4SymmetricKey envelopeKey;

    private V4TemporaryKey(V4TemporaryKeyClaims c, V4SymmetricKey envelopeKey) {
        this.keyId = c.keyId();
        this.applicationKey = c.applicationKey();
        this.activationId = c.activationId();
        this.issuedAtMs = c.issuedAtMs();
        this.expiresAtMs = c.expiresAtMs();
        this.envelopeKey = envelopeKey;
    }

    /**
     * Checks the claims of a verified JWS against the request and completes the KEM exchange.
     *
     * @param claims the claims
     * @param context the request's pending KEM exchange (destroyed here once used)
     * @param expectedChallenge the request's challenge
     * @param expectedAppKey the request's application key
     * @param expectedActivationId the request's activation ID, null for application scope
     * @param nowMs the current (server-synchronized) time
     * @return the key
     * @throws TemporaryKeyException with {@code MALFORMED}, {@code CHALLENGE_MISMATCH}, {@code APPLICATION_KEY_MISMATCH},
     *     {@code ACTIVATION_ID_MISMATCH} or {@code EXPIRED}
     */
    public static V4TemporaryKey validate(V4TemporaryKeyClaims claims, SharedSecretContext context,
            String expectedChallenge, String expectedAppKey, String expectedActivationId, long nowMs) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(expectedChallenge, "expectedChallenge");
        Objects.requireNonNull(expectedAppKey, "expectedAppKey");
        if (claims.keyId() == null || claims.keyId().isBlank()) {
            throw new TemporaryKeyException(Reason.MALFORMED, "temporary key JWS has no sub (key ID)");
        }
        if (!same(expectedChallenge, claims.challenge())) {
            throw new TemporaryKeyException(Reason.CHALLENGE_MISMATCH, "temporary key answers another challenge");
        }
        if (!same(expectedAppKey, claims.applicationKey())) {
            throw new TemporaryKeyException(Reason.APPLICATION_KEY_MISMATCH, "temporary key belongs to another application key");
        }
        if (expectedActivationId == null ? claims.activationId() != null : !same(expectedActivationId, claims.activationId())) {
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
        try {
            V4SymmetricKey key = context.computeSharedSecret(new SharedSecretResponse(claims.salt(), claims.encapsulatedKeys()));
            return new V4TemporaryKey(claims, key);
        } catch (MalformedDataException e) {
            throw new TemporaryKeyException(Reason.MALFORMED, "temporary key sharedSecretResponse is malformed", e);
        } finally {
            context.destroy();
        }
    }

    private static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the key ID, sent as {@code temporaryKeyId} */
    public String keyId() {
        return keyId;
    }

    /** @return the scope */
    public AeadScope scope() {
        return activationId == null ? AeadScope.APPLICATION : AeadScope.ACTIVATION;
    }

    /** @return the application key */
    public String applicationKey() {
        return applicationKey;
    }

    /** @return the activation ID, null for application scope */
    public String activationId() {
        return activationId;
    }

    /** @return {@code iat_ms}, server time */
    public long issuedAtMs() {
        return issuedAtMs;
    }

    /** @return {@code exp_ms}, server time */
    public long expiresAtMs() {
        return expiresAtMs;
    }

    /** @return true while {@code nowMs + safetyMarginMs < expiresAtMs} */
    public boolean isUsableAt(long nowMs, long safetyMarginMs) {
        return nowMs + safetyMarginMs < expiresAtMs;
    }

    /** @return the envelope key (shared, not copied: the AEAD secrets copy it) */
    public V4SymmetricKey envelopeKey() {
        return envelopeKey;
    }

    /** @return envelope parameters for this key */
    public AeadParameters aeadParameters() {
        return new AeadParameters(applicationKey, activationId, keyId);
    }

    @Override
    public void destroy() {
        envelopeKey.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return envelopeKey.isDestroyed();
    }

    @Override
    public String toString() {
        return "V4TemporaryKey[" + keyId + ", " + scope() + ", expiresAtMs=" + expiresAtMs + ", envelope key redacted]";
    }
}
