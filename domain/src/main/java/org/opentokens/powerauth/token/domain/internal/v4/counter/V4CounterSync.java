package org.opentokens.powerauth.token.domain.internal.v4.counter;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.activation.V4ActivationStatus;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * Compares the local V4 counter with the server's, as the V4 status blob reports it: the local {@code ctrData} is
 * stepped forward at most look-ahead times until its {@code ctrDataHash} equals the server's (the server is that many
 * steps ahead); without a match, the shortest distance between the counter bytes (mod 256) tells whether the client is
 * ahead. The same rules as 3.x, on the V4 hash chain.
 */
public final class V4CounterSync {
    /** Largest look-ahead accepted, as in the mobile SDK. */
    public static final int MAX_LOOK_AHEAD = 64;

    private V4CounterSync() {
    }

    /**
     * @param local the local counter (not consumed)
     * @param status a verified V4 status blob
     * @param ctrDataMacKey {@code KEY_MAC_CTR_DATA}
     * @return the outcome
     * @throws MalformedDataException if the blob's look-ahead is 0 or above {@value #MAX_LOOK_AHEAD}
     */
    public static V4CounterSyncResult synchronize(V4HashCounter local, V4ActivationStatus status,
            V4SymmetricKey ctrDataMacKey) {
        Objects.requireNonNull(status, "status");
        return synchronize(local, status.ctrByte(), status.ctrLookAhead(), status.ctrDataHash(), ctrDataMacKey);
    }

    /**
     * @param local the local counter (not consumed)
     * @param serverCtrByte the server's {@code ctrByte}, 0..255
     * @param ctrLookAhead the server's look-ahead, 1..{@value #MAX_LOOK_AHEAD}
     * @param serverCtrDataHash the server's 32-byte {@code ctrDataHash}
     * @param ctrDataMacKey {@code KEY_MAC_CTR_DATA}
     * @return the outcome
     * @throws MalformedDataException if the look-ahead, counter byte or hash length is out of range
     */
    public static V4CounterSyncResult synchronize(V4HashCounter local, int serverCtrByte, int ctrLookAhead,
            byte[] serverCtrDataHash, V4SymmetricKey ctrDataMacKey) {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(serverCtrDataHash, "serverCtrDataHash");
        Objects.requireNonNull(ctrDataMacKey, "ctrDataMacKey");
        if (ctrLookAhead < 1 || ctrLookAhead > MAX_LOOK_AHEAD) {
            throw new MalformedDataException("counter look-ahead must be 1.." + MAX_LOOK_AHEAD);
        }
        if (serverCtrByte < 0 || serverCtrByte > 255) {
            throw new MalformedDataException("counter byte must be 0..255");
        }
        if (serverCtrDataHash.length != V4HashCounter.CTR_DATA_HASH_LENGTH) {
            throw new MalformedDataException("V4 counter data hash must be 32 bytes");
        }
        V4HashCounter candidate = local;
        for (int step = 0; step <= ctrLookAhead; step++) {
            byte[] hash = candidate.ctrDataHash(ctrDataMacKey);
            boolean match = Bytes.constantTimeEquals(hash, serverCtrDataHash);
            Bytes.wipe(hash);
            if (match) {
                if (step == 0 && candidate.ctrByte() == serverCtrByte) {
                    return new V4CounterSyncResult.InSync();
                }
                byte[] data = candidate.copyBytes(InsecureSecretAccess.get());
                try {
                    return new V4CounterSyncResult.ServerAhead(step, V4HashCounter.of(data, serverCtrByte));
                } finally {
                    Bytes.wipe(data);
                    if (candidate != local) {
                        candidate.destroy();
                    }
                }
            }
            V4HashCounter next = candidate.next();
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
            return new V4CounterSyncResult.NoMatch();
        }
        int ahead = -delta;
        if (ahead > ctrLookAhead) {
            return new V4CounterSyncResult.ClientTooFarAhead(ahead);
        }
        return new V4CounterSyncResult.ClientAhead(ahead, 2 * ahead > ctrLookAhead);
    }
}
