package org.opentokens.powerauth.token.benchmarks.v4;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.CSHAKEDigest;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The 4.0 floor's per-thread tools: a generator of the same kind ours uses, and one KMAC256 keyed state
 * (cSHAKE256 with {@code N = "KMAC"}, {@code S = "PA4DIGEST"}, the padded encoded key absorbed) prepared once, with
 * a scratch sponge it is copied into for every header. Written here on Bouncy Castle's {@code CSHAKEDigest} alone,
 * independently of the library's {@code PreparedKmac256}.
 */
@State(Scope.Thread)
public class V4FloorState {
    private static final int RATE = 136;

    SecureRandom random;
    CSHAKEDigest keyed;
    CSHAKEDigest scratch;
    /** {@code right_encode(256)}: the output length L in bits. */
    final byte[] outputLength = {0x01, 0x00, 0x02};

    /** @param header the shared token, for its secret */
    @Setup(Level.Trial)
    public void setUp(V4HeaderState header) {
        random = V4HeaderState.threadGenerator();
        keyed = new CSHAKEDigest(256, "KMAC".getBytes(StandardCharsets.US_ASCII),
                "PA4DIGEST".getBytes(StandardCharsets.US_ASCII));
        byte[] key = header.tokenSecret;
        // bytepad(encode_string(K), 136) = left_encode(136) || left_encode(8·|K|) || K, zero-padded to the rate.
        byte[] padded = new byte[RATE];
        padded[0] = 1;
        padded[1] = (byte) RATE;
        padded[2] = 2;
        padded[3] = (byte) ((key.length * 8) >>> 8);
        padded[4] = (byte) (key.length * 8);
        System.arraycopy(key, 0, padded, 5, key.length);
        keyed.update(padded, 0, padded.length);
        scratch = new CSHAKEDigest(keyed);
    }
}
