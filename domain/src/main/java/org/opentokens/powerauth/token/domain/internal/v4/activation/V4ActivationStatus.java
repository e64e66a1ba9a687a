package org.opentokens.powerauth.token.domain.internal.v4.activation;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.StatusBlobException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Kmac256;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * The V4 activation status blob: 48 plain bytes, MACed with {@code KMAC256(KEY_MAC_STATUS, blob, 32,
 * "PA4MAC-STATUS")} and sent as {@code activationStatus = B64(blob || MAC)} (80 bytes) in the decrypted
 * {@code /pa/v4/activation/status} response.
 *
 * <p>Layout: magic {@code DE C0 DE D4}, state, current version, upgrade version, flags, 4 reserved bytes,
 * {@code ctrByte}, failed attempts, max failed attempts, look-ahead, and the 32-byte
 * {@code ctrDataHash = KMAC256(KEY_MAC_CTR_DATA, ctrData, 32, "PA4MAC-CTR")}. Immutable; the counter hash is not
 * secret.
 */
public final class V4ActivationStatus {
    /** Length of the blob without the MAC. */
    public static final int BLOB_LENGTH = 48;
    /** Length of the MAC. */
    public static final int MAC_LENGTH = 32;
    /** The V4 magic value. */
    public static final int MAGIC = 0xDEC0DED4;
    /** Flag bit 0: the activation waits for {@code /pa/v4/activation/confirm}. */
    public static final int FLAG_CONFIRMATION_PENDING = 1;
    /** Flag bit 1: a 3.x to 4.0 upgrade waits for {@code /pa/v4/upgrade/confirm}. */
    public static final int FLAG_UPGRADE_CONFIRMATION_PENDING = 1 << 1;
    /** Flag bit 2: the activation's algorithm is no longer supported by the server. */
    public static final int FLAG_ALGORITHM_NOT_SUPPORTED = 1 << 2;
    /** Flag bit 3: the biometry factor is enabled on the server. */
    public static final int FLAG_BIOMETRY_ENABLED = 1 << 3;

    private final ActivationState state;
    private final int currentVersion;
    private final int upgradeVersion;
    private final int flags;
    private final int ctrByte;
    private final int failedAttempts;
    private final int maxFailedAttempts;
    private final int ctrLookAhead;
    private final byte[] ctrDataHash;

    /**
     * @param state the activation state
     * @param currentVersion the activation's protocol major version (3 or 4)
     * @param upgradeVersion the server's highest major version
     * @param flags the flag byte
     * @param ctrByte the server's counter byte
     * @param failedAttempts failed attempts so far
     * @param maxFailedAttempts failed attempts that block the activation
     * @param ctrLookAhead the server's look-ahead window
     * @param ctrDataHash the 32-byte counter hash; copied
     * @throws IllegalArgumentException if a field does not fit its byte or the hash is not 32 bytes
     */
    public V4ActivationStatus(ActivationState state, int currentVersion, int upgradeVersion, int flags, int ctrByte,
            int failedAttempts, int maxFailedAttempts, int ctrLookAhead, byte[] ctrDataHash) {
        this.state = Objects.requireNonNull(state, "state");
        this.currentVersion = requireByte(currentVersion, "currentVersion");
        this.upgradeVersion = requireByte(upgradeVersion, "upgradeVersion");
        this.flags = requireByte(flags, "flags");
        this.ctrByte = requireByte(ctrByte, "ctrByte");
        this.failedAttempts = requireByte(failedAttempts, "failedAttempts");
        this.maxFailedAttempts = requireByte(maxFailedAttempts, "maxFailedAttempts");
        this.ctrLookAhead = requireByte(ctrLookAhead, "ctrLookAhead");
        Objects.requireNonNull(ctrDataHash, "ctrDataHash");
        if (ctrDataHash.length != V4HashCounter.CTR_DATA_HASH_LENGTH) {
            throw new IllegalArgumentException("ctrDataHash must be 32 bytes");
        }
        this.ctrDataHash = ctrDataHash.clone();
    }

    /**
     * Verifies and parses the {@code activationStatus} field.
     *
     * @param activationStatusBase64 Base64 of the 48-byte blob and its 32-byte MAC
     * @param statusMacKey {@code KEY_MAC_STATUS}
     * @return the status
     * @throws MalformedDataException if the text is not Base64 of exactly 80 bytes, or the state byte is unknown
     * @throws CryptoFailureException with {@code MAC_MISMATCH} if the MAC does not verify (checked before parsing)
     * @throws StatusBlobException if the MAC verifies but the magic is not {@code DEC0DED4}
     */
    public static V4ActivationStatus fromActivationStatus(String activationStatusBase64, V4SymmetricKey statusMacKey) {
        byte[] all = B64.decode(activationStatusBase64, "activationStatus", BLOB_LENGTH + MAC_LENGTH);
        return verifyAndParse(Arrays.copyOf(all, BLOB_LENGTH), Arrays.copyOfRange(all, BLOB_LENGTH, all.length),
                statusMacKey);
    }

    /**
     * @param blob the 48-byte blob
     * @param mac its 32-byte MAC
     * @param statusMacKey {@code KEY_MAC_STATUS}
     * @return the status
     * @throws MalformedDataException for wrong lengths or an unknown state
     * @throws CryptoFailureException with {@code MAC_MISMATCH} if the MAC does not verify
     * @throws StatusBlobException if the magic is wrong
     */
    public static V4ActivationStatus verifyAndParse(byte[] blob, byte[] mac, V4SymmetricKey statusMacKey) {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(mac, "mac");
        if (blob.length != BLOB_LENGTH || mac.length != MAC_LENGTH) {
            throw new MalformedDataException("V4 status blob must be 48 bytes with a 32-byte MAC");
        }
        byte[] expected = mac(blob, statusMacKey);
        if (!Bytes.constantTimeEquals(expected, mac)) {
            throw new CryptoFailureException(CryptoFailureException.Reason.MAC_MISMATCH, "status blob MAC does not match");
        }
        return parse(blob);
    }

    /**
     * Parses a blob without checking a MAC (for a blob already verified).
     *
     * @param blob 48 bytes
     * @return the status
     * @throws MalformedDataException for a wrong length or an unknown state
     * @throws StatusBlobException if the magic is wrong
     */
    public static V4ActivationStatus parse(byte[] blob) {
        Objects.requireNonNull(blob, "blob");
        if (blob.length != BLOB_LENGTH) {
            throw new MalformedDataException("V4 status blob must be 48 bytes, got " + blob.length);
        }
        if (ByteBuffer.wrap(blob).getInt() != MAGIC) {
            throw new StatusBlobException("status blob does not start with the V4 magic");
        }
        return new V4ActivationStatus(ActivationState.fromByte(blob[4] & 0xFF), blob[5] & 0xFF, blob[6] & 0xFF,
                blob[7] & 0xFF, blob[12] & 0xFF, blob[13] & 0xFF, blob[14] & 0xFF, blob[15] & 0xFF,
                Arrays.copyOfRange(blob, 16, 48));
    }

    /**
     * @param blob the 48-byte blob
     * @param statusMacKey {@code KEY_MAC_STATUS}
     * @return {@code KMAC256(KEY_MAC_STATUS, blob, 32, "PA4MAC-STATUS")}
     */
    public static byte[] mac(byte[] blob, V4SymmetricKey statusMacKey) {
        Objects.requireNonNull(statusMacKey, "statusMacKey");
        byte[] key = statusMacKey.copyBytes(InsecureSecretAccess.get());
        try {
            return Kmac256.mac(key, blob, Kmac256.PA4MAC_STATUS, MAC_LENGTH);
        } finally {
            Bytes.wipe(key);
        }
    }

    /** @return the 48-byte blob with zero reserved bytes (Wultra's server fills them with random bytes), e.g. for a test server */
    public byte[] toBytes() {
        return ByteBuffer.allocate(BLOB_LENGTH).putInt(MAGIC)
                .put((byte) state.code()).put((byte) currentVersion).put((byte) upgradeVersion).put((byte) flags)
                .putInt(0)
                .put((byte) ctrByte).put((byte) failedAttempts).put((byte) maxFailedAttempts).put((byte) ctrLookAhead)
                .put(ctrDataHash).array();
    }

    /** @return the activation state */
    public ActivationState state() {
        return state;
    }

    /** @return the activation's protocol major version on the server (3 or 4) */
    public int currentVersion() {
        return currentVersion;
    }

    /** @return the server's highest protocol major version */
    public int upgradeVersion() {
        return upgradeVersion;
    }

    /** @return the flag byte */
    public int flags() {
        return flags;
    }

    /** @return true while the activation waits for the client's confirm call (flag bit 0) */
    public boolean isConfirmationPending() {
        return (flags & FLAG_CONFIRMATION_PENDING) != 0;
    }

    /** @return true while an upgrade waits for {@code upgrade/confirm} (flag bit 1) */
    public boolean isUpgradeConfirmationPending() {
        return (flags & FLAG_UPGRADE_CONFIRMATION_PENDING) != 0;
    }

    /** @return true when the server no longer supports the activation's algorithm (flag bit 2) */
    public boolean isAlgorithmNotSupported() {
        return (flags & FLAG_ALGORITHM_NOT_SUPPORTED) != 0;
    }

    /** @return true when the biometry factor is enabled on the server (flag bit 3) */
    public boolean isBiometryEnabled() {
        return (flags & FLAG_BIOMETRY_ENABLED) != 0;
    }

    /** @return true when a 3.x activation can be upgraded (current version 3, upgrade version 4 or more) */
    public boolean isUpgradeAvailable() {
        return currentVersion == 3 && upgradeVersion >= 4;
    }

    /** @return the server's counter byte */
    public int ctrByte() {
        return ctrByte;
    }

    /** @return failed attempts so far */
    public int failedAttempts() {
        return failedAttempts;
    }

    /** @return failed attempts that block the activation */
    public int maxFailedAttempts() {
        return maxFailedAttempts;
    }

    /** @return attempts left before blocking, never negative */
    public int remainingAttempts() {
        return Math.max(0, maxFailedAttempts - failedAttempts);
    }

    /** @return the server's counter look-ahead */
    public int ctrLookAhead() {
        return ctrLookAhead;
    }

    /** @return a copy of the 32-byte counter hash */
    public byte[] ctrDataHash() {
        return ctrDataHash.clone();
    }

    @Override
    public String toString() {
        return "V4ActivationStatus[" + state + ", version " + currentVersion + "/" + upgradeVersion + ", flags=" + flags
                + ", failed " + failedAttempts + "/" + maxFailedAttempts + ", ctrByte=" + ctrByte + "]";
    }

    private static int requireByte(int value, String field) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(field + " must be 0..255");
        }
        return value;
    }
}
