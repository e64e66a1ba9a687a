package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.application.internal.signature.ActivationSigner;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.ActivationStateException;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationResult;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.SeededRandomSource;

class ActivationFlowTest {
    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_0", "V3_1", "V3_2", "V3_3"})
    void createsCommitsAndReportsStatusThroughTheServerStates(ProtocolVersion version) {
        Testbed.Client client = bed.client("v" + version.ordinal(), version);
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application);

        PowerAuthActivationResult created = client.activation.createActivation(
                PowerAuthActivation.builder(code.activationCode(), "laptop").build()).join();

        assertThat(created.activationId()).isEqualTo(code.activationId());
        assertThat(created.activationFingerprint()).matches("\\d{8}");
        assertThat(client.activation.localState()).isEqualTo(LocalActivationState.CREATED);
        assertThat(client.storedRecord()).as("nothing is persisted before the commit").isNull();

        client.activation.commitActivation(PowerAuthAuthentication.commitWithPassword(Testbed.PASSWORD));
        assertThat(client.activation.localState()).isEqualTo(LocalActivationState.COMMITTED);
        assertThat(client.activation.activationFingerprint()).contains(created.activationFingerprint());
        assertThat(client.activation.fetchActivationStatus().join().state()).isEqualTo(ActivationState.PENDING_COMMIT);

        bed.emulator.commitActivation(code.activationId());
        PowerAuthActivationStatus status = client.activation.fetchActivationStatus().join();
        assertThat(status.state()).isEqualTo(ActivationState.ACTIVE);
        assertThat(status.failedAttempts()).isZero();
        assertThat(client.activation.hasValidActivation()).isTrue();
    }

    @Test
    void acceptsASignedQrPayloadAndRejectsAForgedOneBeforeSendingAnything() {
        Testbed.Client client = bed.client();
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application);
        String forged = code.activationCode() + "#" + bed.emulator.initActivation(bed.application).activationSignature();

        assertThat(Testbed.failure(client.activation.createActivation(
                PowerAuthActivation.builder(forged, "x").build())))
                .isInstanceOf(InvalidActivationCodeException.class);
        assertThat(bed.emulator.count("/pa/v3/activation/create")).isZero();

        client.activation.createActivation(PowerAuthActivation.builder(code.qrPayload(), "x").build()).join();
        assertThat(client.activation.activationIdentifier()).contains(code.activationId());
    }

    @Test
    void refusesASecondActivationAndACommitWithoutOne() {
        Testbed.Client client = bed.client();
        assertThatThrownBy(() -> client.activation.commitActivation(
                PowerAuthAuthentication.commitWithPassword(Testbed.PASSWORD)))
                .isInstanceOf(ActivationStateException.class);
        client.activate();
        EmulatorActivationCode other = bed.emulator.initActivation(bed.application);
        assertThat(Testbed.failure(client.activation.createActivation(
                PowerAuthActivation.builder(other.activationCode(), "x").build())))
                .isInstanceOf(ActivationStateException.class);
    }

    @Test
    void anUnknownCodeIsATypedServerRejectionAndLeavesNoState() {
        Testbed.Client client = bed.client();
        assertThat(Testbed.failure(client.activation.createActivation(
                PowerAuthActivation.builder("AAAAA-AAAAA-AAAAA-AAAAA", "x").build())))
                .isInstanceOf(ServerRejectedException.class);
        assertThat(client.activation.localState()).isEqualTo(LocalActivationState.NONE);
    }

    @Test
    void removeOnTheServerNeedsTwoFactorsAndWipesLocally() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        assertThat(Testbed.failure(client.activation.removeActivation(PowerAuthAuthentication.possession())))
                .isInstanceOf(ServerRejectedException.class);
        assertThat(client.activation.localState()).isEqualTo(LocalActivationState.COMMITTED);

        client.activation.removeActivation(PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD)).join();

        assertThat(bed.emulator.activation(id).state()).isEqualTo(EmulatorActivationState.REMOVED);
        assertThat(client.activation.localState()).isEqualTo(LocalActivationState.NONE);
        assertThat(bed.storage.snapshot(client.configuration.namespace())).isEmpty();
    }

    @Test
    void statusWithoutAnActivationIsMissingActivation() {
        assertThat(Testbed.failure(bed.client().activation.fetchActivationStatus()))
                .isInstanceOf(MissingActivationException.class);
    }

    @Test
    void statusResyncsACounterRestoredFromAnOlderCopy() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        SecretBytes older = bed.storage.snapshot(client.configuration.namespace()).get(InstanceStore.ACTIVATION_ENTRY);
        for (int i = 0; i < 3; i++) {
            client.tokens.requestAccessToken("t" + i, PowerAuthAuthentication.possession()).join();
        }
        bed.storage.put(client.configuration.namespace(), InstanceStore.ACTIVATION_ENTRY, older);

        Testbed.Client restored = bed.client();
        PowerAuthActivationStatus status = restored.activation.fetchActivationStatus().join();

        assertThat(status.counterResynchronized()).isTrue();
        assertThat(restored.storedRecord().counter().ctrByte()).isEqualTo((int) (bed.emulator.activation(id).counter() & 0xFF));
        restored.tokens.requestAccessToken("after", PowerAuthAuthentication.possession()).join();
        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
    }

    @Test
    void signaturesComputedButNeverSentAreBridgedByTheLookAheadAndReported() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        ActivationSigner signer = new ActivationSigner(client.configuration, new SeededRandomSource(9));
        for (int i = 0; i < 15; i++) {
            client.state.transaction(tx -> signer.signerFor(tx, PowerAuthAuthentication.possession(),
                    "/pa/token/create").sign(new byte[] {'{', '}'}));
        }
        assertThat(client.activation.fetchActivationStatus().join().signSoon()).isTrue();

        client.tokens.requestAccessToken("after", PowerAuthAuthentication.possession()).join();

        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
        PowerAuthActivationStatus status = client.activation.fetchActivationStatus().join();
        assertThat(status.signSoon()).isFalse();
        assertThat(status.counterResynchronized()).isFalse();
    }
}
