package org.opentokens.powerauth.token.domain.internal.v4.crypto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat;

/**
 * A fixed-base comb table for one P-384 point, used to verify ECDSA signatures with {@code u1*G + u2*Q} in
 * {@link #SPACING} doublings. The table holds every sum of the {@link #WIDTH} points {@code 2^(j*SPACING)*P}, so a
 * scalar's column of bits picks one entry. Lookups are variable-time: only for public scalars (signature checks),
 * never for private keys. Immutable once built; thread-safe.
 */
final class P384Comb {
    /** Teeth per column: 2^WIDTH - 1 table entries (96 KB of coordinates). */
    static final int WIDTH = 10;
    /** Distance between teeth, in bits; also the number of doublings per multiplication. */
    static final int SPACING = (384 + WIDTH - 1) / WIDTH;

    private final ECLookupTable table;

    private P384Comb(ECLookupTable table) {
        this.table = table;
    }

    /** @return the table of the generator G, built once per class loader on first use */
    static P384Comb generator() {
        return Generator.COMB;
    }

    private static final class Generator {
        static final P384Comb COMB = of(P384PublicKey.DOMAIN.getG());
    }

    /**
     * @param p a point of order n (not infinity)
     * @return its table
     */
    static P384Comb of(ECPoint p) {
        ECCurve curve = p.getCurve();
        ECPoint[] teeth = new ECPoint[WIDTH];
        teeth[0] = p.normalize();
        for (int j = 1; j < WIDTH; j++) {
            teeth[j] = teeth[j - 1].timesPow2(SPACING);
        }
        curve.normalizeAll(teeth);
        // entries[i - 1] = sum of teeth[j] over the set bits j of i; never infinity, as every multiple is below n
        ECPoint[] entries = new ECPoint[(1 << WIDTH) - 1];
        for (int i = 1; i < 1 << WIDTH; i++) {
            int low = Integer.numberOfTrailingZeros(i);
            int rest = i & (i - 1);
            entries[i - 1] = rest == 0 ? teeth[low] : entries[rest - 1].add(teeth[low]);
        }
        curve.normalizeAll(entries);
        return new P384Comb(curve.createCacheSafeLookupTable(entries, 0, entries.length));
    }

    /**
     * {@code a*A + b*B}, variable-time.
     *
     * @param a a public scalar in [0, n)
     * @param combA A's table
     * @param b a public scalar in [0, n)
     * @param combB B's table
     * @return the sum, not normalized
     */
    static ECPoint sumOfTwo(BigInteger a, P384Comb combA, BigInteger b, P384Comb combB) {
        int bits = SPACING * WIDTH;
        int[] ka = Nat.fromBigInteger(bits, a);
        int[] kb = Nat.fromBigInteger(bits, b);
        ECPoint r = P384PublicKey.DOMAIN.getCurve().getInfinity();
        for (int column = SPACING - 1; column >= 0; column--) {
            r = r.twice();
            int ia = index(ka, column);
            if (ia != 0) {
                r = r.add(combA.table.lookupVar(ia - 1));
            }
            int ib = index(kb, column);
            if (ib != 0) {
                r = r.add(combB.table.lookupVar(ib - 1));
            }
        }
        return r;
    }

    private static int index(int[] k, int column) {
        int index = 0;
        for (int j = WIDTH - 1, bit = column + j * SPACING; j >= 0; j--, bit -= SPACING) {
            index = (index << 1) | ((k[bit >>> 5] >>> (bit & 31)) & 1);
        }
        return index;
    }
}
