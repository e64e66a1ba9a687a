package org.opentokens.powerauth.token.domain.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** Token digest against Wultra's {@code ClientTokenGenerator} and {@code ServerTokenVerifier} (1.10.0). */
class TokenDigestTest {

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void equalsWultraClientDigestForRandomInputs(ProtocolVersion v) {
        TestTokenFactory f = new TestTokenFactory(11 + v.ordinal());
        for (int i = 0; i < TestTokenFactory.CASES; i++) {
            byte[] secret = f.secret();
            byte[] nonce = f.nonce();
            long ts = f.timestamp();
            byte[] ours = TokenDigest.compute(TokenSecret.of(secret), nonce, ts, v);
            assertThat(ours).as("case %d", i)
                    .hasSize(TokenDigest.LENGTH)
                    .isEqualTo(WultraTokens.clientDigest(nonce, ts, v.wireValue(), secret));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void wultraServerAcceptsOurDigestAndRejectsAFlippedBit(ProtocolVersion v) {
        TestTokenFactory f = new TestTokenFactory(21 + v.ordinal());
        for (int i = 0; i < TestTokenFactory.CASES; i++) {
            byte[] secret = f.secret();
            byte[] nonce = f.nonce();
            long ts = f.timestamp();
            byte[] ours = TokenDigest.compute(TokenSecret.of(secret), nonce, ts, v);
            assertThat(WultraTokens.serverAccepts(nonce, ts, v.wireValue(), secret, ours)).as("case %d", i).isTrue();
            ours[f.nextInt(32)] ^= (byte) (1 << f.nextInt(8));
            assertThat(WultraTokens.serverAccepts(nonce, ts, v.wireValue(), secret, ours)).as("case %d", i).isFalse();
        }
    }

    @Test
    void preparedKeyGivesTheSameDigestsOnRepeatedUse() {
        TestTokenFactory f = new TestTokenFactory(31);
        byte[] raw = f.secret();
        TokenSecret secret = TokenSecret.of(raw);
        for (int i = 0; i < TestTokenFactory.CASES; i++) {
            ProtocolVersion v = ProtocolVersion.values()[i % 4];
            byte[] nonce = f.nonce();
            long ts = f.timestamp();
            assertThat(TokenDigest.compute(secret, nonce, ts, v)).as("case %d", i)
                    .isEqualTo(WultraTokens.clientDigest(nonce, ts, v.wireValue(), raw));
        }
    }

    @Test
    void sharedSecretGivesCorrectDigestsFromManyThreads() throws Exception {
        byte[] raw = new TestTokenFactory(41).secret();
        TokenSecret secret = TokenSecret.of(raw);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = 100 + t;
                results.add(pool.submit(() -> {
                    TestTokenFactory f = new TestTokenFactory(seed);
                    int mismatches = 0;
                    for (int i = 0; i < 200; i++) {
                        byte[] nonce = f.nonce();
                        long ts = f.timestamp();
                        byte[] ours = TokenDigest.compute(secret, nonce, ts, ProtocolVersion.V3_3);
                        if (!java.util.Arrays.equals(ours, WultraTokens.clientDigest(nonce, ts, "3.3", raw))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void versions30And31ShareADigestThat32And33ChangeByBindingTheVersion() {
        TestTokenFactory f = new TestTokenFactory(51);
        for (int i = 0; i < TestTokenFactory.CASES; i++) {
            TokenSecret secret = TokenSecret.of(f.secret());
            byte[] nonce = f.nonce();
            long ts = f.timestamp();
            byte[] d30 = TokenDigest.compute(secret, nonce, ts, ProtocolVersion.V3_0);
            byte[] d31 = TokenDigest.compute(secret, nonce, ts, ProtocolVersion.V3_1);
            byte[] d32 = TokenDigest.compute(secret, nonce, ts, ProtocolVersion.V3_2);
            byte[] d33 = TokenDigest.compute(secret, nonce, ts, ProtocolVersion.V3_3);
            assertThat(d31).isEqualTo(d30);
            assertThat(d32).isNotEqualTo(d30);
            assertThat(d33).isNotEqualTo(d30).isNotEqualTo(d32);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 17, 32})
    void rejectsNonceOfWrongLength(int length) {
        TokenSecret secret = TokenSecret.of(new byte[16]);
        assertThatThrownBy(() -> TokenDigest.compute(secret, new byte[length], 1_700_000_000_000L,
                ProtocolVersion.V3_3))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("nonce");
    }

    @Test
    void rejectsNegativeTimestamp() {
        TokenSecret secret = TokenSecret.of(new byte[16]);
        assertThatThrownBy(() -> TokenDigest.compute(secret, new byte[16], -1L, ProtocolVersion.V3_3))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("timestamp");
    }

    @Test
    void refusesDestroyedSecretBeforeAndAfterTheKeyWasPrepared() {
        TokenSecret fresh = TokenSecret.of(new TestTokenFactory(61).secret());
        fresh.destroy();
        assertThatThrownBy(() -> TokenDigest.compute(fresh, new byte[16], 1_700_000_000_000L, ProtocolVersion.V3_3))
                .isInstanceOf(IllegalStateException.class);

        TokenSecret used = TokenSecret.of(new TestTokenFactory(62).secret());
        TokenDigest.compute(used, new byte[16], 1_700_000_000_000L, ProtocolVersion.V3_3);
        used.destroy();
        assertThatThrownBy(() -> TokenDigest.compute(used, new byte[16], 1_700_000_000_000L, ProtocolVersion.V3_3))
                .isInstanceOf(IllegalStateException.class);
    }
}
