package org.opentokens.powerauth.token.benchmarks.header;

import io.getlime.security.powerauth.crypto.client.token.ClientTokenGenerator;
import io.getlime.security.powerauth.http.PowerAuthTokenHttpHeader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;

/**
 * One {@code X-PowerAuth-Token} header for protocol 3.3, three ways: ours through the token store on a cached
 * token, Wultra's client path, and the floor (16 random bytes, one pre-keyed HMAC, Base64, string assembly).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HeaderBenchmark {
    private static final String VERSION = "3.3";
    private static final byte[] VERSION_BYTES = VERSION.getBytes(StandardCharsets.US_ASCII);
    private static final ClientTokenGenerator WULTRA = new ClientTokenGenerator();

    /**
     * @param state the client with its cached token
     * @return the header
     */
    @Benchmark
    public PowerAuthAuthorizationHttpHeader ours(HeaderState state) {
        return state.graph.tokens().generateHeaderForToken(HeaderState.TOKEN_NAME);
    }

    /**
     * Wultra's client: {@code ClientTokenGenerator} nonce, timestamp and digest, then
     * {@code PowerAuthTokenHttpHeader.buildHttpHeader}.
     *
     * @param state the token id and secret
     * @return the header value
     * @throws Exception Wultra's checked crypto exceptions
     */
    @Benchmark
    public String wultra(HeaderState state) throws Exception {
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
     * @param state the token id
     * @param floor the generator and the pre-keyed HMAC
     * @return the header value
     */
    @Benchmark
    public String floor(HeaderState state, FloorState floor) {
        byte[] nonce = new byte[16];
        floor.random.nextBytes(nonce);
        String timestamp = Long.toString(System.currentTimeMillis());
        floor.mac.update(nonce);
        floor.mac.update((byte) '&');
        floor.mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        floor.mac.update((byte) '&');
        floor.mac.update(VERSION_BYTES);
        byte[] digest = floor.mac.doFinal();
        Base64.Encoder b64 = Base64.getEncoder();
        return "PowerAuth version=\"" + VERSION + "\", token_id=\"" + state.tokenId + "\", token_digest=\""
                + b64.encodeToString(digest) + "\", nonce=\"" + b64.encodeToString(nonce) + "\", timestamp=\""
                + timestamp + "\"";
    }
}
