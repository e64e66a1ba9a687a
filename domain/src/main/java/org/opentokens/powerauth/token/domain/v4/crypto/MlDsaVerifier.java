package org.opentokens.powerauth.token.domain.v4.crypto;

import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * FIPS 204 ML-DSA-65/87 verification (pure mode, empty context) for one public key, with the key's share of the work
 * done once: the matrix {@code A^ = ExpandA(rho)}, {@code NTT(t1 * 2^d)} and {@code tr = H(pk)}. Each verification
 * then needs only the signature's NTTs, one product with the cached matrix and two hashes. The key's own checks and
 * Bouncy Castle's verifier give the same answers (tests compare them). Immutable once built; thread-safe.
 */
final class MlDsaVerifier {
    private static final int N = 256;
    private static final int Q = 8380417;
    private static final int D = 13;
    private static final int GAMMA1 = 1 << 19;
    private static final int GAMMA2 = (Q - 1) / 32;
    private static final int INVERSE_N = 8347681;
    private static final int[] ZETAS = new int[N];

    static {
        for (int m = 0; m < N; m++) {
            int exponent = Integer.reverse(m) >>> 24;
            long value = 1;
            for (int i = 0; i < exponent; i++) {
                value = value * 1753 % Q;
            }
            ZETAS[m] = (int) value;
        }
    }

    private final int k;
    private final int l;
    private final int tau;
    private final int cTildeBytes;
    private final int beta;
    private final int omega;
    private final int[][][] aHat;
    private final int[][] t1Hat;
    private final byte[] tr;

    /**
     * @param level the parameter set
     * @param publicKey the raw FIPS 204 public key {@code rho || t1}
     */
    MlDsaVerifier(MlDsaPublicKey.Level level, byte[] publicKey) {
        boolean l3 = level == MlDsaPublicKey.Level.ML_DSA_65;
        k = l3 ? 6 : 8;
        l = l3 ? 5 : 7;
        tau = l3 ? 49 : 60;
        cTildeBytes = l3 ? 48 : 64;
        beta = l3 ? 196 : 120;
        omega = l3 ? 55 : 75;
        if (publicKey.length != 32 + 320 * k) {
            throw new IllegalArgumentException("ML-DSA public key has the wrong length");
        }
        aHat = new int[k][l][];
        byte[] seed = new byte[34];
        System.arraycopy(publicKey, 0, seed, 0, 32);
        for (int r = 0; r < k; r++) {
            for (int s = 0; s < l; s++) {
                seed[32] = (byte) s;
                seed[33] = (byte) r;
                aHat[r][s] = rejectionSample(seed);
            }
        }
        t1Hat = new int[k][N];
        for (int i = 0; i < k; i++) {
            int off = 32 + 320 * i;
            for (int j = 0; j < N / 4; j++) {
                int b0 = publicKey[off + 5 * j] & 0xFF;
                int b1 = publicKey[off + 5 * j + 1] & 0xFF;
                int b2 = publicKey[off + 5 * j + 2] & 0xFF;
                int b3 = publicKey[off + 5 * j + 3] & 0xFF;
                int b4 = publicKey[off + 5 * j + 4] & 0xFF;
                t1Hat[i][4 * j] = ((b0 | b1 << 8) & 0x3FF) << D;
                t1Hat[i][4 * j + 1] = ((b1 >>> 2 | b2 << 6) & 0x3FF) << D;
                t1Hat[i][4 * j + 2] = ((b2 >>> 4 | b3 << 4) & 0x3FF) << D;
                t1Hat[i][4 * j + 3] = ((b3 >>> 6 | b4 << 2) & 0x3FF) << D;
            }
            ntt(t1Hat[i]);
        }
        tr = shake256(64, publicKey);
    }

    /**
     * @param message the message (M, before the {@code 0 || 0} pure-mode prefix)
     * @param signature the raw signature
     * @return whether it verifies
     */
    boolean verify(byte[] message, byte[] signature) {
        if (signature.length != cTildeBytes + 640 * l + omega + k) {
            return false;
        }
        int[][] z = new int[l][N];
        int bound = GAMMA1 - beta;
        for (int i = 0; i < l; i++) {
            int off = cTildeBytes + 640 * i;
            for (int j = 0; j < N / 2; j++) {
                int b0 = signature[off + 5 * j] & 0xFF;
                int b1 = signature[off + 5 * j + 1] & 0xFF;
                int b2 = signature[off + 5 * j + 2] & 0xFF;
                int b3 = signature[off + 5 * j + 3] & 0xFF;
                int b4 = signature[off + 5 * j + 4] & 0xFF;
                int z0 = GAMMA1 - (b0 | b1 << 8 | (b2 & 0x0F) << 16);
                int z1 = GAMMA1 - (b2 >>> 4 | b3 << 4 | b4 << 12);
                if (Math.abs(z0) >= bound || Math.abs(z1) >= bound) {
                    return false;
                }
                z[i][2 * j] = z0 < 0 ? z0 + Q : z0;
                z[i][2 * j + 1] = z1 < 0 ? z1 + Q : z1;
            }
            ntt(z[i]);
        }
        boolean[][] hints = hints(signature, cTildeBytes + 640 * l);
        if (hints == null) {
            return false;
        }
        SHAKEDigest h = new SHAKEDigest(256);
        h.update(tr, 0, tr.length);
        h.update((byte) 0);
        h.update((byte) 0);
        h.update(message, 0, message.length);
        byte[] mu = new byte[64];
        h.doFinal(mu, 0, 64);
        int[] c = sampleInBall(signature);
        ntt(c);
        byte[] w1 = new byte[128 * k];
        int[] w = new int[N];
        for (int i = 0; i < k; i++) {
            for (int n = 0; n < N; n++) {
                // at most 7 products below 2^46 each, and one subtracted: no overflow before the one reduction
                long sum = -(long) c[n] * t1Hat[i][n];
                for (int j = 0; j < l; j++) {
                    sum += (long) aHat[i][j][n] * z[j][n];
                }
                w[n] = (int) Math.floorMod(sum, (long) Q);
            }
            inverseNtt(w);
            for (int n = 0; n < N; n += 2) {
                int lo = useHint(w[n], hints[i][n]);
                int hi = useHint(w[n + 1], hints[i][n + 1]);
                w1[128 * i + n / 2] = (byte) (lo | hi << 4);
            }
        }
        SHAKEDigest h2 = new SHAKEDigest(256);
        h2.update(mu, 0, 64);
        h2.update(w1, 0, w1.length);
        byte[] cTilde = new byte[cTildeBytes];
        h2.doFinal(cTilde, 0, cTildeBytes);
        byte[] given = new byte[cTildeBytes];
        System.arraycopy(signature, 0, given, 0, cTildeBytes);
        return MessageDigest.isEqual(cTilde, given);
    }

    /** HintBitUnpack: null when the encoding is malformed. */
    private boolean[][] hints(byte[] signature, int off) {
        boolean[][] hints = new boolean[k][N];
        int index = 0;
        for (int i = 0; i < k; i++) {
            int end = signature[off + omega + i] & 0xFF;
            if (end < index || end > omega) {
                return null;
            }
            int first = index;
            while (index < end) {
                if (index > first && (signature[off + index - 1] & 0xFF) >= (signature[off + index] & 0xFF)) {
                    return null;
                }
                hints[i][signature[off + index] & 0xFF] = true;
                index++;
            }
        }
        for (int i = index; i < omega; i++) {
            if (signature[off + i] != 0) {
                return null;
            }
        }
        return hints;
    }

    private int[] sampleInBall(byte[] signature) {
        SHAKEDigest xof = new SHAKEDigest(256);
        xof.update(signature, 0, cTildeBytes);
        byte[] block = new byte[136];
        xof.doOutput(block, 0, block.length);
        long signs = 0;
        for (int i = 0; i < 8; i++) {
            signs |= (long) (block[i] & 0xFF) << (8 * i);
        }
        int pos = 8;
        int[] c = new int[N];
        for (int i = N - tau; i < N; i++) {
            int j;
            do {
                if (pos == block.length) {
                    xof.doOutput(block, 0, block.length);
                    pos = 0;
                }
                j = block[pos++] & 0xFF;
            } while (j > i);
            c[i] = c[j];
            c[j] = (signs & 1) == 0 ? 1 : Q - 1;
            signs >>>= 1;
        }
        return c;
    }

    private static int useHint(int r, boolean hint) {
        int r0 = r % (2 * GAMMA2);
        if (r0 > GAMMA2) {
            r0 -= 2 * GAMMA2;
        }
        int r1;
        if (r - r0 == Q - 1) {
            r1 = 0;
            r0 -= 1;
        } else {
            r1 = (r - r0) / (2 * GAMMA2);
        }
        if (!hint) {
            return r1;
        }
        return r0 > 0 ? (r1 + 1) & 15 : (r1 - 1) & 15;
    }

    private static int[] rejectionSample(byte[] seed) {
        SHAKEDigest xof = new SHAKEDigest(128);
        xof.update(seed, 0, seed.length);
        byte[] block = new byte[168];
        int[] a = new int[N];
        int count = 0;
        while (count < N) {
            xof.doOutput(block, 0, block.length);
            for (int pos = 0; pos + 3 <= block.length && count < N; pos += 3) {
                int value = (block[pos] & 0xFF) | (block[pos + 1] & 0xFF) << 8 | (block[pos + 2] & 0x7F) << 16;
                if (value < Q) {
                    a[count++] = value;
                }
            }
        }
        return a;
    }

    private static void ntt(int[] w) {
        int m = 0;
        for (int len = 128; len >= 1; len >>= 1) {
            for (int start = 0; start < N; start += 2 * len) {
                long zeta = ZETAS[++m];
                for (int j = start; j < start + len; j++) {
                    int t = (int) (zeta * w[j + len] % Q);
                    int a = w[j];
                    w[j + len] = a - t < 0 ? a - t + Q : a - t;
                    w[j] = a + t >= Q ? a + t - Q : a + t;
                }
            }
        }
    }

    private static void inverseNtt(int[] w) {
        int m = N;
        for (int len = 1; len < N; len <<= 1) {
            for (int start = 0; start < N; start += 2 * len) {
                long zeta = Q - ZETAS[--m];
                for (int j = start; j < start + len; j++) {
                    int t = w[j];
                    int u = w[j + len];
                    w[j] = t + u >= Q ? t + u - Q : t + u;
                    int diff = t - u < 0 ? t - u + Q : t - u;
                    w[j + len] = (int) (zeta * diff % Q);
                }
            }
        }
        for (int j = 0; j < N; j++) {
            w[j] = (int) ((long) INVERSE_N * w[j] % Q);
        }
    }

    private static byte[] shake256(int length, byte[] data) {
        SHAKEDigest xof = new SHAKEDigest(256);
        xof.update(data, 0, data.length);
        byte[] out = new byte[length];
        xof.doFinal(out, 0, length);
        return out;
    }
}
