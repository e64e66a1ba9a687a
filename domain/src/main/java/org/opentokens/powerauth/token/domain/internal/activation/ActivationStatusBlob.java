package org.opentokens.powerauth.token.domain.internal.activation;

import java.util.Arrays;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.StatusBlobException;
import org.opentokens.powerauth.token.domain.internal.crypto.Aes;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.Kdf;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * The decrypted activation status blob from {@code /pa/v3/activation/status}.
 *
 * <p>When the status was requested without a challenge (protocol 3.0 style), the server fills
 * {@code ctrByte}, {@code ctrLookAhead} and {@code ctrDataHash} with random bytes: they are then meaningless and
 * must not be used for counter synchronization.
 *
 * @param state the activation state
 * @param currentVersion the protocol major version of the activation on the server (2 or 3)
 * @param upgradeVersion the version the activation can be upgraded to (2 or 3)
 * @param failedAttempts failed signature attempts since the last success
 * @param maxFailedAttempts failed attempts that block the activation
 * @param ctrByte the low byte of the server's signature counter
 * @param ctrLookAhead how many counter values the server looks ahead when verifying a signature
 * @param ctrDataHash Base64 of {@code KDF_INTERNAL(KDF(KEY_TRANSPORT, 4000), server CTR_DATA)}, 16 bytes
 */
public record ActivationStatusBlob(ActivationState state, int currentVersion, int upgradeVersion,
        int failedAttempts, int maxFailedAttempts, int ctrByte, int ctrLookAhead, String ctrDataHash) {

    /** Length of the encrypted and of the decrypted blob. */
    public static final int LENGTH = 32;
    /** Length of a status challenge and of the status nonce. */
    public static final int CHALLENGE_LENGTH = 16;
    private static final long KEY_TRANSPORT_IV_INDEX = 3000;

    /** Checks that every field fits its byte and the hash is Base64 of 16 bytes. */
    public ActivationStatusBlob {
        Objects.requireNonNull(state, "state");
        requireByte(currentVersion, "currentVersion");
        requireByte(upgradeVersion, "upgradeVersion");
        requireByte(failedAttempts, "failedAttempts");
        requireByte(maxFailedAttempts, "maxFailedAttempts");
        requireByte(ctrByte, "ctrByte");
        requireByte(ctrLookAhead, "ctrLookAhead");
        Objects.requireNonNull(ctrDataHash, "ctrDataHash");
        try {
            B64.decode(ctrDataHash, "ctrDataHash", 16);
        } catch (MalformedDataException e) {
            throw new IllegalArgumentException("ctrDataHash must be Base64 of 16 bytes", e);
        }
    }

    /**
     * Decrypts and parses an encrypted status blob.
     *
     * @param encryptedBlob the 32 bytes of {@code encryptedStatusBlob}
     * @param transportKey {@code KEY_TRANSPORT} of the activation
     * @param challenge the 16-byte challenge sent in the status request, or null for a 3.0-style request
     * @param nonce the 16-byte nonce from the status response, or null when the challenge is null
     * @return the parsed blob
     * @throws MalformedDataException if the blob is not 32 bytes, the challenge or nonce has a wrong length or
     *     only one of them is given, or the state byte is unknown
     * @throws StatusBlobException if the blob does not start with the magic {@code DE C0 DE Dx} (x = 1..F) after
     *     decryption: wrong transport key, challenge or nonce
     */
    public static ActivationStatusBlob decrypt(byte[] encryptedBlob, SymmetricKey transportKey,
            byte[] challenge, byte[] nonce) {
        Objects.requireNonNull(encryptedBlob, "encryptedBlob");
        Objects.requireNonNull(transportKey, "transportKey");
        if (encryptedBlob.length != LENGTH) {
            throw new MalformedDataException("encrypted status blob must be 32 bytes, got " + encryptedBlob.length);
        }
        byte[] iv = statusIv(transportKey, challenge, nonce);
        byte[] key = transportKey.copyBytes(InsecureSecretAccess.get());
        byte[] plain = null;
        try {
            plain = Aes.cbcDecryptNoPadding(key, iv, encryptedBlob);
            return parse(plain);
        } finally {
            Bytes.wipe(key);
            Bytes.wipe(plain);
        }
    }

    /**
     * Computes the status blob IV: {@code KDF_INTERNAL(KDF(KEY_TRANSPORT, 3000), challenge || nonce)}, or 16 zero
     * bytes when both challenge and nonce are null (protocol 3.0).
     *
     * @param transportKey {@code KEY_TRANSPORT}
     * @param challenge the 16-byte status challenge, or null
     * @param nonce the 16-byte status nonce, or null
     * @return the 16-byte IV
     * @throws MalformedDataException if only one of challenge and nonce is given, or either is not 16 bytes
     */
    public static byte[] statusIv(SymmetricKey transportKey, byte[] challenge, byte[] nonce) {
        Objects.requireNonNull(transportKey, "transportKey");
        if (challenge == null && nonce == null) {
            return Aes.zeroIv();
        }
        if (challenge == null || nonce == null) {
            throw new MalformedDataException("status challenge and nonce must be both present or both absent");
        }
        if (challenge.length != CHALLENGE_LENGTH || nonce.length != CHALLENGE_LENGTH) {
            throw new MalformedDataException("status challenge and nonce must be 16 bytes each");
        }
        SymmetricKey ivKey = Kdf.derive(transportKey, KEY_TRANSPORT_IV_INDEX);
        byte[] ivKeyBytes = ivKey.copyBytes(InsecureSecretAccess.get());
        try {
            return Kdf.internal(ivKeyBytes, Bytes.concat(challenge, nonce));
        } finally {
            Bytes.wipe(ivKeyBytes);
            ivKey.destroy();
        }
    }

    /** @return the decoded 16-byte {@code CTR_DATA_HASH} */
    public byte[] ctrDataHashBytes() {
        return B64.decode(ctrDataHash, "ctrDataHash", 16);
    }

    /** @return failed attempts left before the activation is blocked, never negative */
    public int remainingAttempts() {
        return Math.max(0, maxFailedAttempts - failedAttempts);
    }

    /** @return true when the server offers an upgrade to a newer protocol major version */
    public boolean isUpgradeAvailable() {
        return upgradeVersion > currentVersion;
    }

    private static ActivationStatusBlob parse(byte[] b) {
        boolean magic = (b[0] & 0xFF) == 0xDE && (b[1] & 0xFF) == 0xC0 && (b[2] & 0xFF) == 0xDE
                && (b[3] & 0xF0) == 0xD0 && (b[3] & 0x0F) != 0;
        if (!magic) {
            throw new StatusBlobException(
                    "status blob did not decrypt: wrong transport key, challenge or nonce, or altered blob");
        }
        byte[] hash = Arrays.copyOfRange(b, 16, 32);
        return new ActivationStatusBlob(
                ActivationState.fromByte(b[4] & 0xFF),
                b[5] & 0xFF,
                b[6] & 0xFF,
                b[13] & 0xFF,
                b[14] & 0xFF,
                b[12] & 0xFF,
                b[15] & 0xFF,
                B64.encode(hash));
    }

    private static void requireByte(int value, String field) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(field + " must be 0..255");
        }
    }
}
