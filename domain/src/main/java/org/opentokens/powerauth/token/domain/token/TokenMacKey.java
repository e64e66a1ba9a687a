package org.opentokens.powerauth.token.domain.token;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * An HMAC-SHA256 key with its inner and outer pad blocks already absorbed, so each MAC costs two
 * compressions for a short message and no key set-up.
 *
 * <p>The two prepared digests are prototypes that are only ever copied, never updated, so one instance can
 * serve many threads. {@link #destroy()} resets them to the SHA-256 initial state (best effort).
 */
final class TokenMacKey {
    private static final int BLOCK = 64;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final SHA256Digest inner = new SHA256Digest();
    private final SHA256Digest outer = new SHA256Digest();
    private volatile boolean destroyed;

    /** @param key the raw key, at most one block long; not retained */
    TokenMacKey(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("key longer than one block");
        }
        byte[] pad = new byte[BLOCK];
        try {
            System.arraycopy(key, 0, pad, 0, key.length);
            for (int i = 0; i < BLOCK; i++) {
                pad[i] ^= IPAD;
            }
            inner.update(pad, 0, BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                pad[i] ^= IPAD ^ OPAD;
            }
            outer.update(pad, 0, BLOCK);
        } finally {
            Arrays.fill(pad, (byte) 0);
        }
    }

    /** @return a fresh digest positioned after the inner pad; feed the message into it */
    SHA256Digest begin() {
        if (destroyed) {
            throw new IllegalStateException("token secret was destroyed");
        }
        return new SHA256Digest(inner);
    }

    /**
     * @param started a digest from {@link #begin()} holding the whole message; reused and reset
     * @return the 32-byte HMAC
     */
    byte[] finish(SHA256Digest started) {
        byte[] out = new byte[32];
        started.doFinal(out, 0);
        started.reset(outer);
        started.update(out, 0, out.length);
        started.doFinal(out, 0);
        if (destroyed) {
            Arrays.fill(out, (byte) 0);
            throw new IllegalStateException("token secret was destroyed");
        }
        return out;
    }

    void destroy() {
        destroyed = true;
        inner.reset();
        outer.reset();
    }
}
