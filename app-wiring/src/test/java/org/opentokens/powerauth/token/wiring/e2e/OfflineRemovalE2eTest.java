package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.internal.record.PendingRemovalRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * {@code removeAccessToken} with the server out of reach: the token goes locally, a tombstone stays in storage,
 * and the removal on the server follows with a later signed call or an explicit flush, over real HTTP.
 */
class OfflineRemovalE2eTest {
    private static final String REMOVE = "/pa/v3/token/remove";

    private final EmulatorBed bed = new EmulatorBed();
    private PowerAuthClient client;
    private PowerAuthTokenStore tokens;
    private String activationId;
    private PowerAuthToken token;
    private PowerAuthAuthorizationHttpHeader unusedHeader;

    @BeforeEach
    void removeWhileTheServerIsDown() {
        client = bed.client();
        tokens = client.tokenStore();
        activationId = bed.activate(client);
        token = tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        unusedHeader = tokens.generateHeaderForToken("t");
        bed.emulator.faults().reset(REMOVE);

        tokens.removeAccessToken("t").join();

        assertThat(tokens.hasLocalToken("t")).isFalse();
        assertThat(tokens.pendingRemovalCount()).isEqualTo(1);
        assertThat(bed.emulator.tokens(activationId)).as("the server still has it").hasSize(1);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void theTombstoneIsStoredAndAnExplicitFlushRemovesTheTokenOnTheServer() {
        Map<String, SecretBytes> stored = bed.snapshot("default");
        String entry = InstanceStore.pendingRemovalEntry(token.tokenIdentifier());
        assertThat(stored).containsKey(entry).doesNotContainKey(InstanceStore.tokenEntry("t"));
        PendingRemovalRecord tombstone = PendingRemovalRecord.decode(stored.get(entry));
        assertThat(tombstone.tokenId()).isEqualTo(token.tokenIdentifier());
        assertThat(tombstone.activationId()).isEqualTo(activationId);
        assertThat(tombstone.tokenName()).isEqualTo("t");

        assertThat(tokens.flushPendingRemovals().join()).isEqualTo(1);

        assertThat(bed.emulator.tokens(activationId)).isEmpty();
        assertThat(tokens.pendingRemovalCount()).isZero();
        assertThat(bed.snapshot("default")).doesNotContainKey(entry);
        assertThat(bed.useHeader(unusedHeader)).as("the server no longer accepts the token").isEqualTo(401);
        assertThat(tokens.flushPendingRemovals().join()).as("nothing left to flush").isZero();
        assertCountersAgree();
    }

    @Test
    void theNextSignedCallRetriesTheRemovalWithItsOwnCounterStep() {
        long serverCounter = bed.emulator.activation(activationId).counter();

        tokens.requestAccessToken("other", PowerAuthAuthentication.possession()).join();

        assertThat(tokens.pendingRemovalCount()).isZero();
        assertThat(bed.emulator.tokens(activationId)).extracting(t -> t.tokenId())
                .doesNotContain(token.tokenIdentifier().value()).hasSize(1);
        // Three client steps: the lost request (skipped over by the server's look-ahead), the retry, the create.
        assertThat(bed.emulator.activation(activationId).counter()).isEqualTo(serverCounter + 3);
        assertThat(bed.emulator.count(REMOVE)).as("the lost removal and its retry").isEqualTo(2);
        assertCountersAgree();
    }

    @Test
    void aFlushThatCannotReachTheServerFailsAndKeepsTheTombstone() {
        bed.emulator.faults().reset(REMOVE);

        assertThat(EmulatorBed.failure(tokens.flushPendingRemovals())).isInstanceOf(ServerUnreachableException.class);

        assertThat(tokens.pendingRemovalCount()).isEqualTo(1);
        assertThat(bed.emulator.tokens(activationId)).hasSize(1);
        assertThat(tokens.flushPendingRemovals().join()).isEqualTo(1);
        assertThat(bed.emulator.tokens(activationId)).isEmpty();
        assertCountersAgree();
    }

    @Test
    void aSignedCallStillRunsWhenTheRetryCannotReachTheServer() {
        bed.emulator.faults().reset(REMOVE);

        tokens.requestAccessToken("other", PowerAuthAuthentication.possession()).join();

        assertThat(tokens.pendingRemovalCount()).isEqualTo(1);
        assertThat(tokens.flushPendingRemovals().join()).isEqualTo(1);
        assertThat(bed.emulator.tokens(activationId)).hasSize(1);
        assertCountersAgree();
    }

    @Test
    void aTokenTheServerAlreadyDroppedEndsItsTombstone() {
        bed.emulator.removeToken(token.tokenIdentifier().value());

        assertThat(tokens.flushPendingRemovals().join()).isEqualTo(1);

        assertThat(tokens.pendingRemovalCount()).isZero();
    }

    @Test
    void removingTheActivationLocallyDropsTheTombstones() {
        client.activation().removeActivationLocal();

        assertThat(tokens.pendingRemovalCount()).isZero();
        // Only the server time offset outlives the activation.
        assertThat(bed.snapshot("default")).containsOnlyKeys(InstanceStore.TIME_OFFSET_ENTRY);
    }

    @Test
    void aServerThatReportsTheActivationRemovedEndsTheTombstones() {
        bed.emulator.removeActivation(activationId);

        client.activation().fetchActivationStatus().join();

        assertThat(tokens.pendingRemovalCount()).isZero();
        assertThat(bed.snapshot("default").keySet())
                .noneMatch(name -> name.startsWith(InstanceStore.PENDING_REMOVAL_ENTRY_PREFIX));
    }

    @Test
    void anotherClientOverTheSameStorageFlushesWhatThisOneQueued() {
        client.close();
        PowerAuthClient next = bed.client();

        assertThat(next.tokenStore().pendingRemovalCount()).isEqualTo(1);
        assertThat(next.tokenStore().flushPendingRemovals().join()).isEqualTo(1);
        assertThat(bed.emulator.tokens(activationId)).isEmpty();
    }

    private void assertCountersAgree() {
        PowerAuthActivationStatus status = client.activation().fetchActivationStatus().join();
        assertThat(status.counterResynchronized()).isFalse();
        assertThat(bed.storedRecord("default").counter().ctrByte())
                .isEqualTo((int) (bed.emulator.activation(activationId).counter() & 0xFF));
        assertThat(bed.emulator.activation(activationId).failedAttempts()).isZero();
    }
}
