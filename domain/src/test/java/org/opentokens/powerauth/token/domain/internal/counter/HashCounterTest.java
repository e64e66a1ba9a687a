package org.opentokens.powerauth.token.domain.internal.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.client.activation.PowerAuthClientActivation;
import io.getlime.security.powerauth.crypto.lib.generator.HashBasedCounter;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import io.getlime.security.powerauth.crypto.server.activation.PowerAuthServerActivation;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors.Vector;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Hash counter stepping and CTR_DATA_HASH against Wultra's implementation and the status blob vectors. */
class HashCounterTest {
    private static final HashBasedCounter THEIR_COUNTER = new HashBasedCounter();
    private static final PowerAuthServerActivation SERVER = new PowerAuthServerActivation();
    private static final PowerAuthClientActivation CLIENT = new PowerAuthClientActivation();
    private static final KeyConvertor CONVERTOR = new KeyConvertor();

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    static Stream<Vector> dataVectors() {
        return TestVectors.load("activation-status-blob-data.json").stream();
    }

    @Test
    void followsWultraCounterForAThousandSteps() throws Exception {
        for (int run = 0; run < 5; run++) {
            byte[] theirs = THEIR_COUNTER.init();
            HashCounter ours = HashCounter.of(theirs);
            for (int step = 1; step <= 1000; step++) {
                theirs = THEIR_COUNTER.next(theirs);
                ours = ours.next();
                assertThat(ours.copyBytes(InsecureSecretAccess.get())).isEqualTo(theirs);
                assertThat(ours.ctrByte()).isEqualTo(step % 256);
            }
        }
    }

    @Test
    void ctrDataHashEqualsWultraAndWultraVerifiesIt() throws Exception {
        Random random = new Random(4000);
        for (int i = 0; i < 300; i++) {
            byte[] ctrData = bytes(random, 16);
            byte[] key = bytes(random, 16);
            SecretKey theirKey = CONVERTOR.convertBytesToSharedSecretKey(key);
            byte[] ours = HashCounter.ctrDataHash(ctrData, SymmetricKey.of(key));

            assertThat(ours).isEqualTo(SERVER.calculateHashFromHashBasedCounter(ctrData, theirKey));
            assertThat(CLIENT.verifyHashForHashBasedCounter(ours, ctrData, theirKey)).isTrue();
            assertThat(HashCounter.of(ctrData, random.nextInt(256)).ctrDataHash(SymmetricKey.of(key))).isEqualTo(ours);
            byte[] flipped = ours.clone();
            flipped[random.nextInt(16)] ^= 1;
            assertThat(CLIENT.verifyHashForHashBasedCounter(flipped, ctrData, theirKey)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("dataVectors")
    void reachesEveryPublishedCtrDataHashAtThePublishedDistance(Vector v) {
        SymmetricKey transport = SymmetricKey.fromBase64(v.in("transportKey"));
        HashCounter counter = HashCounter.fromBase64(v.in("ctrData"));
        for (int i = 0; i < Integer.parseInt(v.out("counterDistance")); i++) {
            counter = counter.next();
        }
        assertThat(counter.ctrDataHash(transport)).isEqualTo(v.outBytes("ctrDataHash"));
    }

    @Test
    void startsAtCounterByteZeroAndWrapsModulo256() {
        HashCounter counter = HashCounter.of(new byte[16], 255);
        assertThat(HashCounter.of(new byte[16]).ctrByte()).isZero();
        assertThat(counter.next().ctrByte()).isZero();
    }

    @Test
    void comparesByDataAndByte() {
        byte[] data = bytes(new Random(1), 16);
        assertThat(HashCounter.of(data, 3).sameCounterAs(HashCounter.of(data, 3))).isTrue();
        assertThat(HashCounter.of(data, 3).sameCounterAs(HashCounter.of(data, 4))).isFalse();
        assertThat(HashCounter.of(data, 3).sameCounterAs(HashCounter.of(new byte[16], 3))).isFalse();
    }

    @Test
    void copiesItsInputAndOutput() {
        byte[] data = bytes(new Random(2), 16);
        HashCounter counter = HashCounter.of(data);
        byte[] original = data.clone();
        data[0] ^= 1;
        byte[] out = counter.copyBytes(InsecureSecretAccess.get());
        out[1] ^= 1;
        assertThat(counter.copyBytes(InsecureSecretAccess.get())).isEqualTo(original);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 15, 17, 32})
    void rejectsCtrDataOfWrongLength(int length) {
        SymmetricKey key = SymmetricKey.of(new byte[16]);
        assertThatThrownBy(() -> HashCounter.of(new byte[length])).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> HashCounter.ctrDataHash(new byte[length], key))
                .isInstanceOf(MalformedDataException.class);
        String b64 = Base64.getEncoder().encodeToString(new byte[length]);
        assertThatThrownBy(() -> HashCounter.fromBase64(b64)).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void rejectsBadBase64AndOutOfRangeCounterByte() {
        assertThatThrownBy(() -> HashCounter.fromBase64("not base64!")).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> HashCounter.of(new byte[16], -1)).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> HashCounter.of(new byte[16], 256)).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void toStringNeverShowsCtrData() {
        Random random = new Random(99);
        for (int i = 0; i < 200; i++) {
            byte[] data = bytes(random, 16);
            HashCounter counter = HashCounter.of(data, random.nextInt(256));
            for (HashCounter c : new HashCounter[] {counter, counter.next()}) {
                byte[] raw = c.copyBytes(InsecureSecretAccess.get());
                assertThat(c.toString())
                        .contains("redacted")
                        .doesNotContain(Base64.getEncoder().encodeToString(raw))
                        .doesNotContainIgnoringCase(HexFormat.of().formatHex(raw))
                        .doesNotContain(Base64.getEncoder().encodeToString(raw).substring(0, 8))
                        .doesNotContainIgnoringCase(HexFormat.of().formatHex(raw).substring(0, 8));
            }
        }
    }

    @Test
    void destroyWipesAndBlocksFurtherUse() {
        HashCounter counter = HashCounter.of(bytes(new Random(5), 16));
        counter.destroy();
        assertThat(counter.isDestroyed()).isTrue();
        assertThatThrownBy(() -> counter.copyBytes(InsecureSecretAccess.get())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(counter::next).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
