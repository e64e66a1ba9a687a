package org.opentokens.powerauth.token.domain.internal.counter;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationStatusBlob;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * Compares the local hash counter with the server's, as reported in the activation status blob.
 *
 * <p>The local {@code CTR_DATA} is stepped forward at most look-ahead times until its {@code CTR_DATA_HASH}
 * equals the server's; a match at step {@code d} means the server is {@code d} steps ahead. Without a match,
 * the shortest distance between the local and server {@code CTR_BYTE} (modulo 256, in -128..127) tells whether
 * the client is ahead, since a hash chain cannot be walked backwards.
 */
public final class CounterSync {
    /** Largest look-ahead accepted from a status blob, as in the mobile SDK. */
    public static final int MAX_LOOK_AHEAD = 64;

    private CounterSync() {
    }

    /**
     * @param local the local counter
     * @param status a status blob decrypted with a challenge (3.1 and later)
     * @param transportKey {@code KEY_TRANSPORT}
     * @return the outcome
     * @throws MalformedDataException if the blob's look-ahead is 0 or above {@value #MAX_LOOK_AHEAD}
     */
    public static CounterSyncResult synchronize(HashCounter local, ActivationStatusBlob status,
            SymmetricKey transportKey) {
        Objects.requireNonNull(status, "status");
        return synchronize(local, status.ctrByte(), status.ctrLookAhead(), status.ctrDataHashBytes(), transportKey);
    }

    /**
     * @param local the local counter
     * @param serverCtrByte the server's {@code CTR_BYTE}, 0..255
     * @param ctrLookAhead the server's look-ahead, 1..{@value #MAX_LOOK_AHEAD}
     * @param serverCtrDataHash the server's 16-byte {@code CTR_DATA_HASH}
     * @param transportKey {@code KEY_TRANSPORT}
     * @return the outcome
     * @throws MalformedDataException if the look-ahead, counter byte or hash length is out of range
     */
    public static CounterSyncResult synchronize(HashCounter local, int serverCtrByte, int ctrLookAhead,
            byte[] serverCtrDataHash, SymmetricKey transportKey) {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(serverCtrDataHash, "serverCtrDataHash");
        Objects.requireNonNull(transportKey, "transportKey");
        if (ctrLookAhead < 1 || ctrLookAhead > MAX_LOOK_AHEAD) {
            throw new MalformedDataException("counter look-ahead must be 1.." + MAX_LOOK_AHEAD);
        }
        if (serverCtrByte < 0 || serverCtrByte > 255) {
            throw new MalformedDataException("counter byte must be 0..255");
        }
        if (serverCtrDataHash.length != HashCounter.CTR_DATA_LENGTH) {
            throw new MalformedDataException("counter data hash must be 16 bytes");
        }
        byte[] counterHashKey = HashCounter.counterHashKey(transportKey);
        try {
            return search(local, serverCtrByte, ctrLookAhead, serverCtrDataHash, counterHashKey);
        } finally {
            Bytes.wipe(counterHashKey);
        }
    }

    private static CounterSyncResult search(HashCounter local, int serverCtrByte, int ctrLookAhead,
            byte[] serverCtrDataHash, byte[] counterHashKey) {
        HashCounter candidate = local;
        for (int step = 0; step <= ctrLookAhead; step++) {
            byte[] hash = candidate.ctrDataHashWithKey(counterHashKey);
            boolean match = Bytes.constantTimeEquals(hash, serverCtrDataHash);
            Bytes.wipe(hash);
            if (match) {
                if (step == 0 && candidate.ctrByte() == serverCtrByte) {
                    return new CounterSyncResult.InSync();
                }
                byte[] data = candidate.copyBytes(InsecureSecretAccess.get());
                try {
                    return new CounterSyncResult.ServerAhead(step, HashCounter.of(data, serverCtrByte));
                } finally {
                    Bytes.wipe(data);
                    if (candidate != local) {
                        candidate.destroy();
                    }
                }
            }
            HashCounter next = candidate.next();
            if (candidate != local) {
                candidate.destroy();
            }
            candidate = next;
        }
        candidate.destroy();
        int delta = (serverCtrByte - local.ctrByte()) & 0xFF;
        if (delta >= 128) {
            delta -= 256;
        }
        if (delta >= 0) {
            return new CounterSyncResult.NoMatch();
        }
        int ahead = -delta;
        if (ahead > ctrLookAhead) {
            return new CounterSyncResult.ClientTooFarAhead(ahead);
        }
        return new CounterSyncResult.ClientAhead(ahead, 2 * ahead > ctrLookAhead);
    }
}
