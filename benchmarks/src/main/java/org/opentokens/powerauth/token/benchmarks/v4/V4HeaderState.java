package org.opentokens.powerauth.token.benchmarks.v4;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.opentokens.powerauth.token.benchmarks.fixture.WultraProvider;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenHeaderGenerator;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenSecret;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * One 4.0 token (ID and 32-byte secret) shared by every benchmark thread: our header generator for it, prepared
 * once per token as a client holds it, and the raw values for the baselines.
 */
@State(Scope.Benchmark)
public class V4HeaderState {
    String tokenId;
    byte[] tokenSecret;
    V4TokenSecret secret;
    V4TokenHeaderGenerator generator;
    RandomSource random;

    /** Makes the token and our generator; nonces come from one SHA1PRNG per thread, as in the 3.3 group. */
    @Setup(Level.Trial)
    public void setUp() {
        WultraProvider.ensureRegistered();
        tokenId = UUID.randomUUID().toString();
        tokenSecret = new byte[V4TokenSecret.LENGTH];
        new SecureRandom().nextBytes(tokenSecret);
        secret = V4TokenSecret.of(tokenSecret);
        generator = new V4TokenHeaderGenerator(new TokenId(tokenId), secret);
        random = RandomSource.perThread(V4HeaderState::threadGenerator);
    }

    /** Wipes our copy of the secret. */
    @TearDown(Level.Trial)
    public void tearDown() {
        secret.destroy();
    }

    static SecureRandom threadGenerator() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA1PRNG", e);
        }
    }
}
