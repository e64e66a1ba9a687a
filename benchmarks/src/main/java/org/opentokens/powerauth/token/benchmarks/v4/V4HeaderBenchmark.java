package org.opentokens.powerauth.token.benchmarks.v4;

import com.wultra.security.powerauth.crypto.client.v4.token.ClientTokenGenerator;
import com.wultra.security.powerauth.http.PowerAuthTokenHttpHeader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * One {@code X-PowerAuth-Token} header for protocol 4.0, three ways: ours (16 nonce bytes, the clock, then the
 * token's prepared {@code V4TokenHeaderGenerator}), Wultra 2.0.1's client path, and the KMAC floor (16 random
 * bytes, one KMAC256 over the same bytes from a keyed state prepared once and copied per header, Base64, string
 * assembly).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class V4HeaderBenchmark {
    private static final String VERSION = "4.0";
    private static final byte[] VERSION_SUFFIX = {'&', '4', '.', '0'};
    private static final ClientTokenGenerator WULTRA = new ClientTokenGenerator();

    /**
     * @param state the token and our generator
     * @return the header value
     */
    @Benchmark
    public String ours(V4HeaderState state) {
        byte[] nonce = state.random.nextBytes(16);
        return state.generator.headerValue(nonce, System.currentTimeMillis());
    }

    /**
     * Wultra 2.0.1's client: v4 {@code ClientTokenGenerator} nonce, timestamp and {@code computeTokenDigest}, then
     * {@code PowerAuthTokenHttpHeader.buildHttpHeader}.
     *
     * @param state the token ID and secret
     * @return the header value
     * @throws Exception Wultra's checked crypto exceptions
     */
    @Benchmark
    public String wultra(V4HeaderState state) throws Exception {
        byte[] nonce = WULTRA.generateTokenNonce();
        byte[] timestamp = WULTRA.generateTokenTimestamp();
        byte[] digest = WULTRA.computeTokenDigest(nonce, timestamp, VERSION, state.tokenSecret);
        return new PowerAuthTokenHttpHeader(state.tokenId, Base64.getEncoder().encodeToString(digest),
                Base64.getEncoder().encodeToString(nonce), new String(timestamp, StandardCharsets.US_ASCII), VERSION)
                .buildHttpHeader();
    }

    /**
     * The floor: what any implementation must do, with nothing else.
     *
     * @param state the token ID
     * @param floor the generator and the keyed KMAC state
     * @return the header value
     */
    @Benchmark
    public String floor(V4HeaderState state, V4FloorState floor) {
        byte[] nonce = new byte[16];
        floor.random.nextBytes(nonce);
        String timestamp = Long.toString(System.currentTimeMillis());
        byte[] message = new byte[16 + 1 + timestamp.length() + VERSION_SUFFIX.length];
        System.arraycopy(nonce, 0, message, 0, 16);
        message[16] = '&';
        for (int i = 0; i < timestamp.length(); i++) {
            message[17 + i] = (byte) timestamp.charAt(i);
        }
        System.arraycopy(VERSION_SUFFIX, 0, message, 17 + timestamp.length(), VERSION_SUFFIX.length);
        floor.scratch.reset(floor.keyed);
        floor.scratch.update(message, 0, message.length);
        floor.scratch.update(floor.outputLength, 0, floor.outputLength.length);
        byte[] digest = new byte[32];
        floor.scratch.doOutput(digest, 0, 32);
        Base64.Encoder b64 = Base64.getEncoder();
        return "PowerAuth version=\"" + VERSION + "\", token_id=\"" + state.tokenId + "\", token_digest=\""
                + b64.encodeToString(digest) + "\", nonce=\"" + b64.encodeToString(nonce) + "\", timestamp=\""
                + timestamp + "\"";
    }
}
