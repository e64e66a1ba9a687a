package org.opentokens.powerauth.token.domain.internal.v4.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wultra.security.powerauth.crypto.lib.enums.ProtocolVersion;
import com.wultra.security.powerauth.crypto.lib.generator.HashBasedCounter;
import com.wultra.security.powerauth.crypto.server.v4.activation.PowerAuthServerActivation;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.v4.V4Oracle;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/** Counter synchronization against server counters advanced and hashed by Wultra 2.0.1. */
class V4CounterSyncTest {
    @BeforeAll
    static void provider() {
        V4Oracle.ensureProvider();
    }

    @Test
    void findsHowFarTheWultraServerIsAheadOrBehind() throws Exception {
        Random r = new Random(4111);
        HashBasedCounter wultra = new HashBasedCounter("4.0");
        PowerAuthServerActivation server = new PowerAuthServerActivation();
        for (int i = 0; i < V4Oracle.CASES; i++) {
            byte[] keyBytes = V4Oracle.bytes(r, 32);
            V4SymmetricKey key = V4SymmetricKey.of(keyBytes);
            byte[] base = V4Oracle.bytes(r, 32);
            int lookAhead = 1 + r.nextInt(20);
            int serverSteps = r.nextInt(lookAhead + 3);
            int clientSteps = r.nextInt(lookAhead + 3);
            int baseByte = r.nextInt(256);
            byte[] serverCtr = base;
            for (int s = 0; s < serverSteps; s++) {
                serverCtr = wultra.next(serverCtr);
            }
            byte[] serverHash = server.calculateHashFromHashBasedCounter(serverCtr, V4Oracle.jca(keyBytes), ProtocolVersion.V40);
            V4HashCounter local = V4HashCounter.of(base, baseByte);
            for (int s = 0; s < clientSteps; s++) {
                local = local.next();
            }
            int serverByte = (baseByte + serverSteps) & 0xFF;
            V4CounterSyncResult result = V4CounterSync.synchronize(local, serverByte, lookAhead, serverHash, key);
            int ahead = serverSteps - clientSteps;
            if (ahead == 0) {
                assertThat(result).as("case %d", i).isInstanceOf(V4CounterSyncResult.InSync.class);
            } else if (ahead > 0 && ahead <= lookAhead) {
                assertThat(result).as("case %d", i).isInstanceOf(V4CounterSyncResult.ServerAhead.class);
                V4CounterSyncResult.ServerAhead sa = (V4CounterSyncResult.ServerAhead) result;
                assertThat(sa.distance()).isEqualTo(ahead);
                assertThat(sa.adopted().copyBytes(InsecureSecretAccess.get())).isEqualTo(serverCtr);
                assertThat(sa.adopted().ctrByte()).isEqualTo(serverByte);
            } else if (ahead > 0) {
                assertThat(result).as("case %d", i).isInstanceOf(V4CounterSyncResult.NoMatch.class);
            } else if (-ahead <= lookAhead) {
                assertThat(result).as("case %d", i).isEqualTo(new V4CounterSyncResult.ClientAhead(-ahead, -2 * ahead > lookAhead));
            } else {
                assertThat(result).as("case %d", i).isEqualTo(new V4CounterSyncResult.ClientTooFarAhead(-ahead));
            }
        }
    }

    @Test
    void rejectsOutOfRangeServerFields() {
        V4HashCounter local = V4HashCounter.of(new byte[32], 0);
        V4SymmetricKey key = V4SymmetricKey.of(new byte[32]);
        assertThatThrownBy(() -> V4CounterSync.synchronize(local, 0, 0, new byte[32], key))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4CounterSync.synchronize(local, 0, 65, new byte[32], key))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4CounterSync.synchronize(local, 256, 5, new byte[32], key))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4CounterSync.synchronize(local, 0, 5, new byte[16], key))
                .isInstanceOf(MalformedDataException.class);
    }
}
