package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.internal.record.PendingRemovalRecord;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * Issue 18's offline token removal and issue 16's stored time offset on a protocol 4.0 activation, over real
 * HTTP: an unreachable {@code /pa/v4/token/remove} leaves a tombstone that the next signed call or a flush retries
 * through {@code /pa/v4/token/remove}, and the offset that {@code /pa/v4/status} gave is stored and recalled by a
 * later client of the instance.
 */
class V4OfflineRemovalAndTimeE2eTest {
    private static final String INSTANCE = "default";
    private static final String REMOVE = "/pa/v4/token/remove";
    private static final String STATUS = "/pa/v4/status";

    private final EmulatorBed bed = new EmulatorBed();
    private PowerAuthClient client;
    private String activationId;
    private PowerAuthAuthorizationHttpHeader unusedHeader;

    @BeforeEach
    void activateV4() {
        client = newClient();
        activationId = bed.activate(client);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private PowerAuthClient newClient() {
        return bed.client(V4E2eTest.v4Config(bed, INSTANCE, SharedSecretAlgorithm.EC_P384).build());
    }

    private PowerAuthToken removeWhileTheServerIsDown() {
        PowerAuthToken token = client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        unusedHeader = client.tokenStore().generateHeaderForToken("t");
        bed.emulator.faults().reset(REMOVE);

        client.tokenStore().removeAccessToken("t").join();

        assertThat(client.tokenStore().hasLocalToken("t")).isFalse();
        assertThat(client.tokenStore().pendingRemovalCount()).isEqualTo(1);
        assertThat(bed.emulator.tokens(activationId)).as("the server still has it").hasSize(1);
        PendingRemovalRecord tombstone = PendingRemovalRecord.decode(bed.snapshot(INSTANCE)
                .get(InstanceStore.pendingRemovalEntry(token.tokenIdentifier())));
        assertThat(tombstone.activationId()).isEqualTo(activationId);
        return token;
    }

    @Test
    void theNextSignedCallRetriesTheRemovalThroughTheV4Endpoint() {
        PowerAuthToken token = removeWhileTheServerIsDown();
        long serverCounter = bed.emulator.activation(activationId).counter();

        client.tokenStore().requestAccessToken("other", PowerAuthAuthentication.possession()).join();

        assertThat(client.tokenStore().pendingRemovalCount()).isZero();
        assertThat(bed.emulator.tokens(activationId)).extracting(t -> t.tokenId())
                .doesNotContain(token.tokenIdentifier().value()).hasSize(1);
        assertThat(bed.emulator.count(REMOVE)).as("the lost removal and its retry").isEqualTo(2);
        assertThat(bed.emulator.count("/pa/v3/token/remove")).isZero();
        // The lost request's step (skipped by the server's look-ahead), the retry, the create.
        assertThat(bed.emulator.activation(activationId).counter()).isEqualTo(serverCounter + 3);
        assertCountersAgree();
    }

    @Test
    void aFlushRemovesTheTokenOnTheServer() {
        removeWhileTheServerIsDown();
        assertThat(bed.useHeader(unusedHeader)).as("still valid on the server").isEqualTo(200);

        assertThat(client.tokenStore().flushPendingRemovals().join()).isEqualTo(1);

        assertThat(bed.emulator.tokens(activationId)).isEmpty();
        assertThat(client.tokenStore().pendingRemovalCount()).isZero();
        assertThat(bed.useHeader(unusedHeader)).isEqualTo(401);
        assertCountersAgree();
    }

    @Test
    void theOffsetFromV4StatusIsStoredAndALaterClientRecallsIt() {
        client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        client.close();
        bed.storage.delete(StorageNamespace.of(INSTANCE), InstanceStore.TIME_OFFSET_ENTRY);
        long statusCalls = bed.emulator.count(STATUS);

        PowerAuthClient first = newClient();
        assertThat(bed.useHeader(first.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
        assertThat(bed.emulator.count(STATUS)).as("the first header synchronizes").isEqualTo(statusCalls + 1);
        assertThat(bed.snapshot(INSTANCE)).as("the /pa/v4/status offset is stored")
                .containsKey(InstanceStore.TIME_OFFSET_ENTRY);
        first.close();

        PowerAuthClient second = newClient();
        assertThat(bed.useHeader(second.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
        assertThat(second.timeSynchronization().isSynchronized()).as("recalled from storage").isTrue();
        assertThat(bed.emulator.count(STATUS)).as("no status call for the recalled offset")
                .isEqualTo(statusCalls + 1);

        second.timeSynchronization().reset();
        assertThat(bed.snapshot(INSTANCE)).as("a reset forgets it").doesNotContainKey(InstanceStore.TIME_OFFSET_ENTRY);
    }

    private void assertCountersAgree() {
        assertThat(client.activation().fetchActivationStatus().join().counterResynchronized()).isFalse();
        V4HashCounter stored = bed.storedRecord(INSTANCE).v4Counter();
        assertThat(stored.ctrByte()).isEqualTo((int) (bed.emulator.activation(activationId).counter() & 0xFF));
        assertThat(bed.emulator.activation(activationId).failedAttempts()).isZero();
    }
}
