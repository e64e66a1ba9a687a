package org.opentokens.powerauth.token.domain.internal.v4.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.wultra.security.powerauth.crypto.client.v4.activation.PowerAuthClientActivation;
import com.wultra.security.powerauth.crypto.lib.enums.ProtocolVersion;
import com.wultra.security.powerauth.crypto.lib.generator.HashBasedCounter;
import com.wultra.security.powerauth.crypto.server.v4.activation.PowerAuthServerActivation;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.v4.V4Oracle;
import org.opentokens.powerauth.token.domain.internal.v4.V4Vectors;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/** The SHA3 hash counter and its status hash against Wultra 2.0.1 and the published 4.0 counter vectors. */
class V4HashCounterOracleTest {
    private static final PowerAuthServerActivation SERVER = new PowerAuthServerActivation();
    private static final PowerAuthClientActivation CLIENT = new PowerAuthClientActivation();

    @BeforeAll
    static void provider() {
        V4Oracle.ensureProvider();
    }

    @Test
    void stepsLikeWultrasHashBasedCounter() throws Exception {
        Random r = new Random(4101);
        HashBasedCounter theirs = new HashBasedCounter("4.0");
        for (int i = 0; i < V4Oracle.CASES; i++) {
            byte[] start = i % 2 == 0 ? V4Oracle.bytes(r, 32) : theirs.init();
            V4HashCounter ours = V4HashCounter.of(start, r.nextInt(256));
            byte[] expected = start;
            for (int step = 0; step < 5; step++) {
                expected = theirs.next(expected);
                V4HashCounter next = ours.next();
                assertThat(next.copyBytes(InsecureSecretAccess.get())).as("case %d step %d", i, step).isEqualTo(expected);
                assertThat(next.ctrByte()).isEqualTo((ours.ctrByte() + 1) & 0xFF);
                ours = next;
            }
        }
    }

    @Test
    void ctrDataHashMatchesWultrasServerAndPassesItsClientCheck() throws Exception {
        Random r = new Random(4102);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            byte[] ctr = V4Oracle.bytes(r, 32);
            byte[] key = V4Oracle.bytes(r, 32);
            byte[] ours = V4HashCounter.of(ctr, 0).ctrDataHash(V4SymmetricKey.of(key));
            assertThat(ours).as("case %d", i)
                    .isEqualTo(SERVER.calculateHashFromHashBasedCounter(ctr, V4Oracle.jca(key), ProtocolVersion.V40));
            assertThat(CLIENT.verifyHashForHashBasedCounter(ours, ctr, V4Oracle.jca(key), ProtocolVersion.V40)).isTrue();
        }
    }

    /** {@code Hash_Based_Counter_Test_Vectors.json}: 200/200 match 2.0.1 (protocol-v4.md §9). */
    @Test
    void followsEveryPublishedChain() {
        List<JsonNode> vectors = V4Vectors.load("Hash_Based_Counter_Test_Vectors.json", "hash_based_counter_test_vectors");
        int checked = 0;
        for (JsonNode v : vectors) {
            V4HashCounter counter = V4HashCounter.of(Base64.getDecoder().decode(v.get("ctrData[0]").asText()), 0);
            for (int step = 1; v.has("ctrData[" + step + "]"); step++) {
                counter = counter.next();
                assertThat(counter.copyBytes(InsecureSecretAccess.get()))
                        .isEqualTo(Base64.getDecoder().decode(v.get("ctrData[" + step + "]").asText()));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(200);
    }

    @Test
    void rejectsBadInputWithTypedErrorsAndRedacts() {
        assertThatThrownBy(() -> V4HashCounter.of(new byte[16], 0)).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4HashCounter.of(new byte[32], 256)).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4HashCounter.fromBase64("AAAA")).isInstanceOf(MalformedDataException.class);
        byte[] data = new byte[32];
        data[0] = 0x7f;
        V4HashCounter c = V4HashCounter.of(data, 7);
        assertThat(c.toString()).isEqualTo("V4HashCounter[ctrByte=7, ctrData redacted]");
        assertThat(c.sameCounterAs(V4HashCounter.of(data, 7))).isTrue();
        assertThat(c.sameCounterAs(V4HashCounter.of(data, 8))).isFalse();
        c.destroy();
        assertThatThrownBy(c::next).isInstanceOf(IllegalStateException.class);
    }
}
