package org.opentokens.powerauth.token.wiring.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * After a fault, a fresh client over the same storage carries on: the status call resynchronizes, a signed token
 * create succeeds and its header is accepted. Where the server did process the faulted call, the client converges
 * on what the server did (a removed activation is reported and wiped; a removed token is removed again).
 */
final class Consistency {
    private Consistency() {
    }

    static void assertCarriesOn(ReliabilityBed bed, String instance, Target target) {
        PowerAuthClient check = bed.client(bed.config(instance, Duration.ofSeconds(10)).build());
        try {
            if (target == Target.ACTIVATION_CREATE) {
                assertThat(bed.snapshot(instance).keySet()).as("nothing but the time offset stored for a failed "
                        + "activation").isSubsetOf(InstanceStore.TIME_OFFSET_ENTRY);
                bed.activate(check);
                createAndUse(bed, check, "after");
                return;
            }
            String activationId = check.activation().activationIdentifier().orElseThrow();
            PowerAuthActivationStatus status = check.activation().fetchActivationStatus().join();
            if (bed.emulator.activation(activationId).state() == EmulatorActivationState.REMOVED) {
                assertThat(target).as("only a processed activation removal removes it").isEqualTo(
                        Target.ACTIVATION_REMOVE);
                assertThat(status.state()).isEqualTo(ActivationState.REMOVED);
                assertThat(check.tokenStore().hasLocalToken("kept")).isFalse();
                assertThat(bed.snapshot(instance).keySet())
                        .noneMatch(name -> name.startsWith(InstanceStore.TOKEN_ENTRY_PREFIX));
                return;
            }
            assertThat(status.state()).isEqualTo(ActivationState.ACTIVE);
            assertThat(status.signSoon()).as("the client is at most a step or two ahead").isFalse();
            createAndUse(bed, check, "after");
            if (target == Target.TOKEN_REMOVE) {
                if (check.tokenStore().hasLocalToken("kept")) {
                    check.tokenStore().removeAccessToken("kept").join();
                } else {
                    assertThat(check.tokenStore().pendingRemovalCount())
                            .as("the signed create retried the owed removal first").isZero();
                }
                assertThat(check.tokenStore().hasLocalToken("kept")).isFalse();
                assertThat(bed.emulator.tokens(activationId)).as("only the new token lives on the server")
                        .hasSize(1);
            } else {
                assertThat(bed.verify(check.tokenStore().generateHeaderForToken("kept"))).isEqualTo(200);
            }
        } finally {
            check.close();
        }
    }

    private static void createAndUse(ReliabilityBed bed, PowerAuthClient client, String name) {
        client.tokenStore().requestAccessToken(name, PowerAuthAuthentication.possession()).join();
        assertThat(bed.verify(client.tokenStore().generateHeaderForToken(name))).isEqualTo(200);
    }
}
