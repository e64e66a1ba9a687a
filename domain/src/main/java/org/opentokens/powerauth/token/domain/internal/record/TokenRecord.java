package org.opentokens.powerauth.token.domain.internal.record;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.internal.token.TokenSecret;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenHeader;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenSecret;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * Everything stored about one token, in one self-describing record (name, server id, secret, activation, factors), so
 * that one atomic write per token can never leave half a token. Format 1 holds a 3.x secret (16 bytes), format 2 a
 * 4.0 secret (32 bytes): a token reopens with its protocol, and {@link #headerValue} makes that protocol's header.
 * {@code toString} shows no secret; {@link #destroy()} wipes the secret (best effort).
 */
public final class TokenRecord implements Destroyable {
    private static final byte[] MAGIC = "PATK".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    private static final int FORMAT_VERSION_V4 = 2;

    private final String tokenName;
    private final TokenId tokenId;
    private final TokenSecret secret;
    private final V4TokenSecret v4Secret;
    private final String activationId;
    private final PowerAuthSignatureType signatureType;
    private final long createdAtMs;

    private TokenRecord(String tokenName, TokenId tokenId, TokenSecret secret, V4TokenSecret v4Secret,
            String activationId, PowerAuthSignatureType signatureType, long createdAtMs) {
        this.tokenName = Objects.requireNonNull(tokenName, "tokenName");
        this.tokenId = Objects.requireNonNull(tokenId, "tokenId");
        if ((secret == null) == (v4Secret == null)) {
            throw new IllegalArgumentException("a token record holds exactly one secret");
        }
        this.secret = secret;
        this.v4Secret = v4Secret;
        this.activationId = Objects.requireNonNull(activationId, "activationId");
        this.signatureType = Objects.requireNonNull(signatureType, "signatureType");
        this.createdAtMs = createdAtMs;
    }

    /**
     * @param tokenName the local name the host chose
     * @param tokenId the server's token id
     * @param secret the token secret; copied, the caller keeps its own
     * @param activationId the activation the token was created under
     * @param signatureType the factors used to create it
     * @param createdAtMs local creation time, epoch milliseconds
     * @return the record
     */
    public static TokenRecord of(String tokenName, TokenId tokenId, TokenSecret secret, String activationId,
            PowerAuthSignatureType signatureType, long createdAtMs) {
        Objects.requireNonNull(secret, "secret");
        return new TokenRecord(tokenName, tokenId, copy(secret), null, activationId, signatureType, createdAtMs);
    }

    /**
     * A protocol 4.0 token.
     *
     * @param tokenName the local name the host chose
     * @param tokenId the server's token id
     * @param secret the 32-byte token secret; copied, the caller keeps its own
     * @param activationId the activation the token was created under
     * @param signatureType the factors used to create it
     * @param createdAtMs local creation time, epoch milliseconds
     * @return the record
     */
    public static TokenRecord ofV4(String tokenName, TokenId tokenId, V4TokenSecret secret, String activationId,
            PowerAuthSignatureType signatureType, long createdAtMs) {
        Objects.requireNonNull(secret, "secret");
        return new TokenRecord(tokenName, tokenId, null, copy(secret), activationId, signatureType, createdAtMs);
    }

    /** @return true if this is a protocol 4.0 token */
    public boolean isV4() {
        return v4Secret != null;
    }

    /** @return the local token name */
    public String tokenName() {
        return tokenName;
    }

    /** @return the server's token id */
    public TokenId tokenId() {
        return tokenId;
    }

    /**
     * @return a fresh copy of the 3.x secret, which the caller should destroy after use
     * @throws IllegalStateException for a 4.0 token ({@link #v4Secret()})
     */
    public TokenSecret secret() {
        if (secret == null) {
            throw new IllegalStateException("a 4.0 token has a 4.0 secret");
        }
        return copy(secret);
    }

    /**
     * @return a fresh copy of the 4.0 secret, which the caller should destroy after use
     * @throws IllegalStateException for a 3.x token
     */
    public V4TokenSecret v4Secret() {
        if (v4Secret == null) {
            throw new IllegalStateException("a 3.x token has a 3.x secret");
        }
        return copy(v4Secret);
    }

    /**
     * The {@code X-PowerAuth-Token} value of this token's protocol, computed with the record's own secret (its
     * prepared MAC state serves every header of the token).
     *
     * @param version3 the 3.x version of the instance; ignored for a 4.0 token, which always speaks 4.0
     * @param nonce16 16 fresh random bytes
     * @param timestampMs server-synchronized Unix time in milliseconds
     * @return the header value
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the nonce or timestamp is
     *     invalid
     * @throws IllegalStateException if the record was destroyed
     */
    public String headerValue(ProtocolVersion version3, byte[] nonce16, long timestampMs) {
        if (v4Secret != null) {
            return V4TokenHeader.generate(tokenId, v4Secret, nonce16, timestampMs).value();
        }
        return TokenHeader.generate(tokenId, secret, version3, nonce16, timestampMs).value();
    }

    /**
     * Computes a header with this record's own secret, without copying it, so the secret's prepared HMAC key
     * serves every header of the token.
     *
     * @param version the protocol version
     * @param nonce16 16 fresh random bytes
     * @param timestampMs server-synchronized Unix time in milliseconds
     * @return the header
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the nonce or timestamp is
     *     invalid
     * @throws IllegalStateException if the record was destroyed, or is a 4.0 token
     */
    public TokenHeader header(ProtocolVersion version, byte[] nonce16, long timestampMs) {
        if (secret == null) {
            throw new IllegalStateException("a 4.0 token has a 4.0 header");
        }
        return TokenHeader.generate(tokenId, secret, version, nonce16, timestampMs);
    }

    /** @return the activation the token belongs to */
    public String activationId() {
        return activationId;
    }

    /** @return the factors the token was created with */
    public PowerAuthSignatureType signatureType() {
        return signatureType;
    }

    /** @return local creation time, epoch milliseconds */
    public long createdAtMs() {
        return createdAtMs;
    }

    /** @return the record's storage encoding; the caller should destroy it after use */
    public SecretBytes encode() {
        byte[] secretBytes = secret != null ? secret.copyBytes(InsecureSecretAccess.get())
                : v4Secret.copyBytes(InsecureSecretAccess.get());
        try {
            return SecretBytes.takeOwnership(new RecordWriter(MAGIC, secret != null ? FORMAT_VERSION : FORMAT_VERSION_V4)
                    .string(tokenName).string(tokenId.value()).bytes(secretBytes).string(activationId)
                    .string(signatureType.wireValue()).i64(createdAtMs).toByteArray());
        } finally {
            java.util.Arrays.fill(secretBytes, (byte) 0);
        }
    }

    /**
     * @param encoded what {@link #encode()} produced
     * @return the record
     * @throws MalformedDataException if the bytes are not a valid token record of a known format
     */
    public static TokenRecord decode(SecretBytes encoded) {
        byte[] data = encoded.copyBytes(InsecureSecretAccess.get());
        byte[] secretBytes = null;
        try {
            RecordReader in = new RecordReader(data, MAGIC, "token");
            int format = in.u8();
            if (format != FORMAT_VERSION && format != FORMAT_VERSION_V4) {
                throw new MalformedDataException("token record has an unsupported format version");
            }
            String name = in.string("name");
            String id = in.string("token id");
            secretBytes = in.requiredBytes("secret");
            String activation = in.string("activation id");
            String type = in.string("signature type");
            long created = in.i64();
            in.end();
            if (!TokenId.isValid(id)) {
                throw new MalformedDataException("token record has an invalid token id");
            }
            PowerAuthSignatureType factors = PowerAuthSignatureType.fromWireValue(type);
            if (format == FORMAT_VERSION_V4) {
                return new TokenRecord(name, TokenId.of(id), null, V4TokenSecret.of(secretBytes), activation,
                        factors, created);
            }
            return new TokenRecord(name, TokenId.of(id), TokenSecret.of(secretBytes), null, activation, factors,
                    created);
        } catch (IllegalArgumentException e) {
            throw new MalformedDataException("token record has an invalid field", e);
        } finally {
            java.util.Arrays.fill(data, (byte) 0);
            if (secretBytes != null) {
                java.util.Arrays.fill(secretBytes, (byte) 0);
            }
        }
    }

    /**
     * @param other another record
     * @return true if both describe the same token: name, id, activation, factors, creation time and secret
     *     (compared in constant time); false if either was destroyed
     */
    public boolean sameTokenAs(TokenRecord other) {
        Objects.requireNonNull(other, "other");
        if (!tokenName.equals(other.tokenName) || !tokenId.equals(other.tokenId)
                || !activationId.equals(other.activationId) || signatureType != other.signatureType
                || createdAtMs != other.createdAtMs || isV4() != other.isV4() || isDestroyed()
                || other.isDestroyed()) {
            return false;
        }
        try {
            return secret != null ? secret.sameSecretAs(other.secret) : v4Secret.sameSecretAs(other.v4Secret);
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void destroy() {
        if (secret != null) {
            secret.destroy();
        } else {
            v4Secret.destroy();
        }
    }

    @Override
    public boolean isDestroyed() {
        return secret != null ? secret.isDestroyed() : v4Secret.isDestroyed();
    }

    @Override
    public String toString() {
        return "TokenRecord[name=" + tokenName + ", tokenId=" + tokenId + ", activationId=" + activationId
                + ", signatureType=" + signatureType + ", protocol=" + (isV4() ? "4.0" : "3.x")
                + ", secret=<redacted>]";
    }

    private static TokenSecret copy(TokenSecret secret) {
        byte[] raw = secret.copyBytes(InsecureSecretAccess.get());
        try {
            return TokenSecret.of(raw);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    private static V4TokenSecret copy(V4TokenSecret secret) {
        byte[] raw = secret.copyBytes(InsecureSecretAccess.get());
        try {
            return V4TokenSecret.of(raw);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }
}
