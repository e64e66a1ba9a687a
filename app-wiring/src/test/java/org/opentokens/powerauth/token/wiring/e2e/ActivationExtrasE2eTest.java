package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorActivationOptions;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.testkit.EmulatorRecoveryCode;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationResult;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthRecoveryData;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.hygiene.SecretRegistry;

/**
 * Activation extras over real HTTP: the activation OTP, custom attributes and userInfo, the recovery code and PUK
 * handed out at activation, activating with them, and confirming a recovery code.
 */
class ActivationExtrasE2eTest {
    private final EmulatorBed bed = new EmulatorBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void theOtpIsSentAndAWrongOneIsRefusedWithoutSpoilingTheCode() {
        PowerAuthClient client = bed.client();
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application,
                new EmulatorActivationOptions("alice", "24680", false));

        Throwable refused = EmulatorBed.failure(client.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "d").otp("11111").build()));
        assertThat(refused).isInstanceOfSatisfying(ServerRejectedException.class,
                e -> assertThat(e.errorCode()).contains("ERR_ACTIVATION"));
        assertThat(EmulatorBed.failure(client.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "d").build())))
                .isInstanceOf(ServerRejectedException.class);
        assertThat(client.activation().localState()).isEqualTo(LocalActivationState.NONE);

        PowerAuthActivationResult result = client.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "d").otp("24680").build()).join();

        assertThat(result.activationId()).isEqualTo(code.activationId());
        assertThat(bed.emulator.activation(code.activationId()).state())
                .isEqualTo(EmulatorActivationState.PENDING_COMMIT);
    }

    @Test
    void customAttributesGoToTheServerAndItsAnswerAndUserInfoComeBack() {
        PowerAuthClient client = bed.client();
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application,
                new EmulatorActivationOptions("alice-42", null, false));
        Map<String, Object> attributes = Map.of("segment", "retail", "limits", List.of(100L, 2500L),
                "vip", true);

        PowerAuthActivationResult result = client.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "d").customAttributes(attributes).build()).join();

        assertThat(result.customAttributes()).isEqualTo(attributes);
        assertThat(result.userInfo()).containsEntry("sub", "alice-42");
        assertThat(result.activationRecovery()).isEmpty();
        assertThat(result.toString()).doesNotContain("retail");
    }

    @Test
    void theRecoveryCodeIsHandedOutOnceAndNeverStored() {
        PowerAuthClient client = bed.client();
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application,
                new EmulatorActivationOptions("bob", null, true));

        PowerAuthActivationResult result = client.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "d").build()).join();
        client.activation().commitActivation(
                PowerAuthAuthentication.commitWithPassword(EmulatorBed.PASSWORD.toCharArray()));

        PowerAuthRecoveryData recovery = result.activationRecovery().orElseThrow();
        SecretRegistry.password(recovery.puk());
        assertThat(recovery.recoveryCode()).matches("[A-Z2-7]{5}(-[A-Z2-7]{5}){3}");
        assertThat(recovery.puk()).matches("[0-9]{10}");
        assertThat(result.toString()).doesNotContain(recovery.puk()).doesNotContain(recovery.recoveryCode());
        for (Map.Entry<String, SecretBytes> entry : bed.snapshot("default").entrySet()) {
            String stored = new String(entry.getValue().copyBytes(
                    org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess.get()), StandardCharsets.ISO_8859_1);
            assertThat(stored).as(entry.getKey()).doesNotContain(recovery.puk())
                    .doesNotContain(recovery.recoveryCode());
        }
    }

    @Test
    void aRecoveryCodeAndPukActivateANewDeviceInPlaceOfTheLostOne() {
        PowerAuthClient lost = bed.client("lost", org.opentokens.powerauth.token.domain.ProtocolVersion.V3_3);
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application,
                new EmulatorActivationOptions("carol", null, true));
        PowerAuthRecoveryData recovery = lost.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "old phone").build()).join()
                .activationRecovery().orElseThrow();
        lost.activation().commitActivation(
                PowerAuthAuthentication.commitWithPassword(EmulatorBed.PASSWORD.toCharArray()));
        bed.emulator.commitActivation(code.activationId());

        PowerAuthClient replacement = bed.client("new", org.opentokens.powerauth.token.domain.ProtocolVersion.V3_3);
        assertThat(EmulatorBed.failure(replacement.activation().createActivation(PowerAuthActivation
                .recoveryBuilder(recovery.recoveryCode(), "0000000000", "new phone").build())))
                .as("a wrong PUK").isInstanceOf(ServerRejectedException.class);
        PowerAuthActivationResult recovered = replacement.activation().createActivation(PowerAuthActivation
                .recoveryBuilder(recovery.recoveryCode(), recovery.puk(), "new phone").build()).join();
        replacement.activation().commitActivation(
                PowerAuthAuthentication.commitWithPassword(EmulatorBed.PASSWORD.toCharArray()));
        bed.emulator.commitActivation(recovered.activationId());

        assertThat(recovered.activationId()).isNotEqualTo(code.activationId());
        assertThat(recovered.userInfo()).containsEntry("sub", "carol");
        assertThat(recovered.activationRecovery()).as("a new recovery code for the new device").isPresent();
        assertThat(bed.emulator.activation(code.activationId()).state()).isEqualTo(EmulatorActivationState.REMOVED);
        assertThat(lost.activation().fetchActivationStatus().join().state()).isEqualTo(ActivationState.REMOVED);
        replacement.tokenStore().requestAccessToken("t", EmulatorBed.password()).join();
        assertThat(bed.useHeader(replacement.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
    }

    @Test
    void aMalformedPukIsRefusedBeforeAnythingIsSent() {
        PowerAuthClient client = bed.client();
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application);

        assertThat(EmulatorBed.failure(client.activation().createActivation(PowerAuthActivation
                .recoveryBuilder(code.activationCode(), "12ab", "d").build())))
                .isInstanceOf(InvalidActivationCodeException.class);
        assertThat(bed.emulator.exchanges()).isEmpty();
    }

    @Test
    void confirmRecoveryCodeIsASignedCallThatTellsWhetherItWasConfirmed() {
        PowerAuthClient client = bed.client();
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application,
                new EmulatorActivationOptions("dave", null, true));
        PowerAuthRecoveryData handedOut = client.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "d").build()).join().activationRecovery()
                .orElseThrow();
        client.activation().commitActivation(
                PowerAuthAuthentication.commitWithPassword(EmulatorBed.PASSWORD.toCharArray()));
        bed.emulator.commitActivation(code.activationId());
        EmulatorRecoveryCode postcard = bed.emulator.issueRecoveryPostcard(code.activationId());

        assertThat(client.recovery().confirmRecoveryCode(handedOut.recoveryCode(), EmulatorBed.password()).join())
                .as("handed out at activation: already confirmed").isTrue();
        assertThat(client.recovery().confirmRecoveryCode(postcard.recoveryCode(), EmulatorBed.password()).join())
                .isFalse();
        assertThat(client.recovery().confirmRecoveryCode(postcard.recoveryCode(), EmulatorBed.password()).join())
                .isTrue();
        assertThat(EmulatorBed.failure(client.recovery().confirmRecoveryCode(code.activationCode(),
                EmulatorBed.password()))).as("not a recovery code of this activation")
                .isInstanceOf(ServerRejectedException.class);
        assertThat(EmulatorBed.failure(client.recovery().confirmRecoveryCode(postcard.recoveryCode(),
                PowerAuthAuthentication.possession()))).as("two factors needed")
                .isInstanceOf(ServerRejectedException.class);

        // Four signatures verified; the possession-only one was refused by type before verification, so the
        // client (five steps) is one ahead, well within the look-ahead, and no failed attempt was counted.
        assertThat(bed.emulator.activation(code.activationId()).counter()).isEqualTo(4);
        assertThat(bed.emulator.activation(code.activationId()).failedAttempts()).isZero();
        assertThat(client.activation().fetchActivationStatus().join().counterResynchronized()).isFalse();
        assertThat(bed.storedRecord("default").counter().ctrByte()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void confirmRecoveryCodeWorksInEveryVersion(ProtocolVersion version) {
        PowerAuthClient client = bed.client("v" + version.wireValue(), version);
        String activationId = bed.activate(client);
        EmulatorRecoveryCode postcard = bed.emulator.issueRecoveryPostcard(activationId);

        assertThat(client.recovery().confirmRecoveryCode(postcard.recoveryCode(), EmulatorBed.password()).join())
                .isFalse();
        assertThat(client.recovery().confirmRecoveryCode(postcard.recoveryCode(), EmulatorBed.password()).join())
                .isTrue();
        assertThat(bed.emulator.activation(activationId).counter()).isEqualTo(2);
        assertThat(bed.emulator.activation(activationId).failedAttempts()).isZero();
    }

    @Test
    void aWrongPasswordAtConfirmationIsCountedAndExplained() {
        PowerAuthClient client = bed.client();
        String activationId = bed.activate(client);
        EmulatorRecoveryCode postcard = bed.emulator.issueRecoveryPostcard(activationId);

        Throwable failure = EmulatorBed.failure(client.recovery().confirmRecoveryCode(postcard.recoveryCode(),
                EmulatorBed.wrongPassword()));

        assertThat(failure).isInstanceOfSatisfying(ServerRejectedException.class, rejected -> {
            assertThat(rejected.httpStatus()).isEqualTo(401);
            assertThat(rejected.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("4 of 5 attempts"));
        });
        assertThat(bed.emulator.activation(activationId).failedAttempts()).isEqualTo(1);
        assertThat(client.recovery().confirmRecoveryCode(postcard.recoveryCode(), EmulatorBed.password()).join())
                .isFalse();
        assertThat(bed.emulator.activation(activationId).failedAttempts()).isZero();
    }
}
