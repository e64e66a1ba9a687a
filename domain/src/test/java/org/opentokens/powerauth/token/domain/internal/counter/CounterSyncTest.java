package org.opentokens.powerauth.token.domain.internal.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.generator.HashBasedCounter;
import io.getlime.security.powerauth.crypto.lib.model.ActivationStatusBlobInfo;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import io.getlime.security.powerauth.crypto.server.activation.PowerAuthServerActivation;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationStatusBlob;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors.Vector;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Counter resynchronization from status blobs produced by the vectors and by Wultra's server code. */
class CounterSyncTest {
    private static final HashBasedCounter THEIR_COUNTER = new HashBasedCounter();
    private static final PowerAuthServerActivation SERVER = new PowerAuthServerActivation();
    private static final KeyConvertor CONVERTOR = new KeyConvertor();

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    static Stream<Vector> dataVectors() {
        return TestVectors.load("activation-status-blob-data.json").stream();
    }

    @ParameterizedTest
    @MethodSource("dataVectors")
    void findsThePublishedCounterDistance(Vector v) {
        SymmetricKey transport = SymmetricKey.fromBase64(v.in("transportKey"));
        ActivationStatusBlob blob = ActivationStatusBlob.decrypt(v.inBytes("encryptedStatusBlob"), transport,
                v.inBytes("challenge"), v.inBytes("nonce"));
        int distance = Integer.parseInt(v.out("counterDistance"));
        int serverByte = Integer.parseInt(v.out("ctrByte"));
        HashCounter local = HashCounter.of(v.inBytes("ctrData"), (serverByte - distance) & 0xFF);

        CounterSyncResult result = CounterSync.synchronize(local, blob, transport);

        if (distance == 0) {
            assertThat(result).isInstanceOf(CounterSyncResult.InSync.class);
        } else {
            assertThat(result).isInstanceOfSatisfying(CounterSyncResult.ServerAhead.class, ahead -> {
                assertThat(ahead.distance()).isEqualTo(distance);
                assertThat(ahead.adopted().ctrByte()).isEqualTo(serverByte);
                assertThat(ahead.adopted().ctrDataHash(transport)).isEqualTo(v.outBytes("ctrDataHash"));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_1", "V3_2", "V3_3"})
    void classifiesRandomServerAndClientPositionsFromWultraBlobs(ProtocolVersion version) throws Exception {
        Random random = new Random(31L * version.ordinal() + 5);
        Map<Class<?>, Integer> seen = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            int lookAhead = 1 + random.nextInt(CounterSync.MAX_LOOK_AHEAD);
            int serverPos = random.nextInt(600);
            int offset = -(lookAhead + 5) + random.nextInt(Math.min(128, lookAhead + 20) + lookAhead + 6);
            int clientPos = Math.max(0, serverPos + offset);
            int d = clientPos - serverPos;
            List<byte[]> chain = chain(random, Math.max(serverPos, clientPos));
            byte[] key = bytes(random, 16);
            SymmetricKey transport = SymmetricKey.of(key);

            ActivationStatusBlob blob = wultraBlob(chain.get(serverPos), serverPos, lookAhead, key, random);
            HashCounter local = HashCounter.of(chain.get(clientPos), clientPos & 0xFF);
            CounterSyncResult result = CounterSync.synchronize(local, blob, transport);
            seen.merge(result.getClass(), 1, Integer::sum);

            String ctx = "d=" + d + " lookAhead=" + lookAhead;
            if (d == 0) {
                assertThat(result).as(ctx).isInstanceOf(CounterSyncResult.InSync.class);
            } else if (d < 0 && -d <= lookAhead) {
                HashCounter server = HashCounter.of(chain.get(serverPos), serverPos & 0xFF);
                assertThat(result).as(ctx).isInstanceOfSatisfying(CounterSyncResult.ServerAhead.class, ahead -> {
                    assertThat(ahead.distance()).isEqualTo(-d);
                    assertThat(ahead.adopted().sameCounterAs(server)).isTrue();
                });
            } else if (d < 0) {
                assertThat(result).as(ctx).isInstanceOf(CounterSyncResult.NoMatch.class);
            } else if (d <= lookAhead) {
                assertThat(result).as(ctx).isEqualTo(new CounterSyncResult.ClientAhead(d, 2 * d > lookAhead));
            } else {
                assertThat(result).as(ctx).isEqualTo(new CounterSyncResult.ClientTooFarAhead(d));
            }
        }
        assertThat(seen).containsKeys(CounterSyncResult.InSync.class, CounterSyncResult.ServerAhead.class,
                CounterSyncResult.NoMatch.class, CounterSyncResult.ClientAhead.class,
                CounterSyncResult.ClientTooFarAhead.class);
    }

    @Test
    void handlesTheEdgesOfTheLookAheadWindow() throws Exception {
        Random random = new Random(20);
        int lookAhead = 20;
        List<byte[]> chain = chain(random, 300);
        byte[] key = bytes(random, 16);
        SymmetricKey transport = SymmetricKey.of(key);
        int s = 250; // the counter byte wraps between 255 and 256 inside the window
        ActivationStatusBlob blob = wultraBlob(chain.get(s), s, lookAhead, key, random);

        assertThat(CounterSync.synchronize(HashCounter.of(chain.get(s - 20), (s - 20) & 0xFF), blob, transport))
                .isInstanceOfSatisfying(CounterSyncResult.ServerAhead.class, r -> assertThat(r.distance()).isEqualTo(20));
        assertThat(CounterSync.synchronize(HashCounter.of(chain.get(s - 21), (s - 21) & 0xFF), blob, transport))
                .isInstanceOf(CounterSyncResult.NoMatch.class);
        assertThat(CounterSync.synchronize(HashCounter.of(chain.get(s + 10), (s + 10) & 0xFF), blob, transport))
                .isEqualTo(new CounterSyncResult.ClientAhead(10, false));
        assertThat(CounterSync.synchronize(HashCounter.of(chain.get(s + 11), (s + 11) & 0xFF), blob, transport))
                .isEqualTo(new CounterSyncResult.ClientAhead(11, true));
        assertThat(CounterSync.synchronize(HashCounter.of(chain.get(s + 20), (s + 20) & 0xFF), blob, transport))
                .isEqualTo(new CounterSyncResult.ClientAhead(20, true));
        assertThat(CounterSync.synchronize(HashCounter.of(chain.get(s + 21), (s + 21) & 0xFF), blob, transport))
                .isEqualTo(new CounterSyncResult.ClientTooFarAhead(21));
    }

    @Test
    void adoptsTheServerByteWhenOnlyTheLocalByteIsStale() throws Exception {
        Random random = new Random(77);
        byte[] key = bytes(random, 16);
        byte[] ctrData = bytes(random, 16);
        ActivationStatusBlob blob = wultraBlob(ctrData, 40, 20, key, random);

        CounterSyncResult result = CounterSync.synchronize(HashCounter.of(ctrData, 45), blob, SymmetricKey.of(key));

        assertThat(result).isInstanceOfSatisfying(CounterSyncResult.ServerAhead.class, r -> {
            assertThat(r.distance()).isZero();
            assertThat(r.adopted().sameCounterAs(HashCounter.of(ctrData, 40))).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 65, 128, 255})
    void rejectsLookAheadOutsideOneToSixtyFour(int lookAhead) {
        HashCounter local = HashCounter.of(new byte[16]);
        SymmetricKey key = SymmetricKey.of(new byte[16]);
        assertThatThrownBy(() -> CounterSync.synchronize(local, 0, lookAhead, new byte[16], key))
                .isInstanceOf(MalformedDataException.class);
        if (lookAhead >= 0) {
            ActivationStatusBlob blob = new ActivationStatusBlob(ActivationState.ACTIVE, 3, 3, 0, 5, 0, lookAhead,
                    Base64.getEncoder().encodeToString(new byte[16]));
            assertThatThrownBy(() -> CounterSync.synchronize(local, blob, key))
                    .isInstanceOf(MalformedDataException.class);
        }
    }

    @Test
    void rejectsBadCounterByteAndHashLength() {
        HashCounter local = HashCounter.of(new byte[16]);
        SymmetricKey key = SymmetricKey.of(new byte[16]);
        assertThatThrownBy(() -> CounterSync.synchronize(local, 256, 20, new byte[16], key))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> CounterSync.synchronize(local, -1, 20, new byte[16], key))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> CounterSync.synchronize(local, 0, 20, new byte[15], key))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void resultToStringDoesNotRevealTheAdoptedCounter() throws Exception {
        Random random = new Random(8);
        byte[] key = bytes(random, 16);
        List<byte[]> chain = chain(random, 3);
        ActivationStatusBlob blob = wultraBlob(chain.get(3), 3, 20, key, random);
        CounterSyncResult result = CounterSync.synchronize(HashCounter.of(chain.get(0)), blob, SymmetricKey.of(key));
        assertThat(result.toString())
                .contains("redacted")
                .doesNotContain(Base64.getEncoder().encodeToString(chain.get(3)));
    }

    private static ActivationStatusBlob wultraBlob(byte[] serverCtrData, int serverPos, int lookAhead, byte[] key,
            Random random) throws Exception {
        SecretKey theirKey = CONVERTOR.convertBytesToSharedSecretKey(key);
        ActivationStatusBlobInfo info = new ActivationStatusBlobInfo();
        info.setActivationStatus((byte) 3);
        info.setCurrentVersion((byte) 3);
        info.setUpgradeVersion((byte) 3);
        info.setFailedAttempts((byte) 0);
        info.setMaxFailedAttempts((byte) 5);
        info.setCtrByte((byte) serverPos);
        info.setCtrLookAhead((byte) lookAhead);
        info.setCtrDataHash(SERVER.calculateHashFromHashBasedCounter(serverCtrData, theirKey));
        byte[] challenge = bytes(random, 16);
        byte[] nonce = bytes(random, 16);
        byte[] encrypted = SERVER.encryptedStatusBlob(info, challenge, nonce, theirKey);
        return ActivationStatusBlob.decrypt(encrypted, SymmetricKey.of(key), challenge, nonce);
    }

    /** The Wultra hash chain: element i is CTR_DATA after i steps from a random start. */
    private static List<byte[]> chain(Random random, int last) {
        List<byte[]> out = new ArrayList<>();
        out.add(bytes(random, 16));
        for (int i = 1; i <= last; i++) {
            out.add(THEIR_COUNTER.next(out.get(i - 1)));
        }
        return out;
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
