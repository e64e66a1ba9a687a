package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorFaults;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;

/**
 * Every injected fault gives its typed error over real HTTP and leaves storage as it was: the tokens byte for
 * byte, the activation too, except that a signed call's counter step is kept (it is persisted before the request
 * leaves, and the server's look-ahead bridges it). The client then carries on normally.
 */
class FaultE2eTest {
    private static final String INSTANCE = "default";
    private static final String CREATE = "/pa/v3/token/create";
    private static final String KEYSTORE = "/pa/v3/keystore/create";
    private static final int RESPONSE_CAP = 64 * 1024;

    private final EmulatorBed bed = new EmulatorBed();
    private PowerAuthClient client;

    /** One fault, where it hits, and what the caller must see. */
    record FaultCase(String name, Consumer<EmulatorFaults> inject, Class<? extends Throwable> expected,
            boolean signed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<FaultCase> tokenRequestFaults() {
        return Stream.of(
                new FaultCase("connection reset", f -> f.reset(CREATE), ServerUnreachableException.class, true),
                new FaultCase("HTTP 503", f -> f.status(CREATE, 503, "<html>down</html>"),
                        ServerRejectedException.class, true),
                new FaultCase("garbage JSON", f -> f.garbageJson(CREATE), InvalidServerResponseException.class, true),
                new FaultCase("wrong ECIES MAC", f -> f.wrongEciesMac(CREATE), InvalidServerResponseException.class,
                        true),
                new FaultCase("oversized body", f -> f.oversizedBody(CREATE, 4 * RESPONSE_CAP),
                        InvalidServerResponseException.class, true),
                new FaultCase("wrong temporary key JWT signature", f -> f.wrongJwtSignature(KEYSTORE),
                        InvalidServerResponseException.class, false),
                new FaultCase("temporary key 5xx", f -> f.status(KEYSTORE, 500, ""), ServerRejectedException.class,
                        false),
                new FaultCase("temporary key reset", f -> f.reset(KEYSTORE), ServerUnreachableException.class,
                        false));
    }

    @BeforeEach
    void activateAndKeepAToken() {
        client = bed.client(config().build());
        bed.activate(client);
        client.tokenStore().requestAccessToken("kept", PowerAuthAuthentication.possession()).join();
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenRequestFaults")
    void aFaultDuringATokenRequestIsTypedAndChangesNothingStored(FaultCase fault) {
        Map<String, SecretBytes> before = bed.snapshot(INSTANCE);
        fault.inject().accept(bed.emulator.faults());

        Throwable failure = EmulatorBed.failure(client.tokenStore().requestAccessToken("new",
                PowerAuthAuthentication.possession()));

        assertThat(failure).isInstanceOf(fault.expected());
        assertThat(bed.emulator.faults().pending()).as("the fault fired").isZero();
        assertUnchanged(before, fault.signed());
        assertThat(client.tokenStore().hasLocalToken("new")).isFalse();
        assertCarriesOn();
    }

    @Test
    void aServerErrorKeepsItsStatusAndCode() {
        bed.emulator.faults().status(CREATE, 503,
                "{\"status\":\"ERROR\",\"responseObject\":{\"code\":\"ERR_MAINTENANCE\",\"message\":\"later\"}}");

        Throwable failure = EmulatorBed.failure(client.tokenStore().requestAccessToken("new",
                PowerAuthAuthentication.possession()));

        assertThat(failure).isInstanceOfSatisfying(ServerRejectedException.class, rejected -> {
            assertThat(rejected.httpStatus()).isEqualTo(503);
            assertThat(rejected.errorCode()).contains("ERR_MAINTENANCE");
        });
    }

    @Test
    void aDelayBeyondTheRequestTimeoutIsUnreachable() {
        client.close();
        PowerAuthClient impatient = bed.client(config().requestTimeout(Duration.ofMillis(300)).build());
        Map<String, SecretBytes> before = bed.snapshot(INSTANCE);
        bed.emulator.faults().delay(KEYSTORE, Duration.ofSeconds(5));

        Throwable failure = EmulatorBed.failure(impatient.tokenStore().requestAccessToken("new",
                PowerAuthAuthentication.possession()));

        assertThat(failure).isInstanceOf(ServerUnreachableException.class);
        assertUnchanged(before, false);
        assertThat(impatient.tokenStore().hasLocalToken("new")).isFalse();
    }

    @Test
    void aRejectedRemovalKeepsTheLocalToken() {
        Map<String, SecretBytes> before = bed.snapshot(INSTANCE);
        bed.emulator.faults().status("/pa/v3/token/remove", 503, "<html>down</html>");

        assertThat(EmulatorBed.failure(client.tokenStore().removeAccessToken("kept")))
                .isInstanceOf(ServerRejectedException.class);
        assertThat(client.tokenStore().pendingRemovalCount()).isZero();

        assertUnchanged(before, true);
        assertThat(client.tokenStore().hasLocalToken("kept")).isTrue();
        client.tokenStore().removeAccessToken("kept").join();
        assertThat(client.tokenStore().hasLocalToken("kept")).isFalse();
    }

    @Test
    void garbageInsteadOfTheStatusStoresNothing() {
        Map<String, SecretBytes> before = bed.snapshot(INSTANCE);
        bed.emulator.faults().garbageJson("/pa/v3/activation/status");

        assertThat(EmulatorBed.failure(client.activation().fetchActivationStatus()))
                .isInstanceOf(InvalidServerResponseException.class);

        assertUnchanged(before, false);
        assertCarriesOn();
    }

    @Test
    void aFailedActivationCreateLeavesNoStateAndTheCodeCanBeUsedAgain() {
        client.activation().removeActivationLocal();
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application);
        bed.emulator.faults().status("/pa/v3/activation/create", 502, "");

        assertThat(EmulatorBed.failure(client.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "x").build())))
                .isInstanceOf(ServerRejectedException.class);

        assertThat(client.activation().localState()).isEqualTo(LocalActivationState.NONE);
        assertThat(bed.snapshot(INSTANCE)).as("only the time offset, which outlives activations")
                .containsOnlyKeys("time-offset");
        client.activation().createActivation(PowerAuthActivation.builder(code.activationCode(), "x").build()).join();
        assertThat(client.activation().activationIdentifier()).contains(code.activationId());
    }

    /** Every 3.3 call fetches a fresh temporary key (the margin covers a key's whole life), so keystore faults bite. */
    private PowerAuthClientConfig.Builder config() {
        return bed.config(INSTANCE, ProtocolVersion.V3_3)
                .temporaryKeySafetyMargin(Duration.ofMinutes(5))
                .maxResponseBytes(RESPONSE_CAP);
    }

    private void assertUnchanged(Map<String, SecretBytes> before, boolean counterStepped) {
        Map<String, SecretBytes> after = bed.snapshot(INSTANCE);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, value) -> {
            if (!name.equals(InstanceStore.ACTIVATION_ENTRY)) {
                assertThat(after.get(name).sameBytesAs(value)).as(name).isTrue();
            }
        });
        SecretBytes activationBefore = before.get(InstanceStore.ACTIVATION_ENTRY);
        SecretBytes expected = activationBefore;
        if (counterStepped) {
            ActivationRecord record = ActivationRecord.decode(activationBefore);
            expected = record.withCounter(record.counter().next()).encode();
        }
        assertThat(after.get(InstanceStore.ACTIVATION_ENTRY).sameBytesAs(expected))
                .as(counterStepped ? "the activation, one counter step on" : "the activation").isTrue();
    }

    private void assertCarriesOn() {
        client.tokenStore().requestAccessToken("next", PowerAuthAuthentication.possession()).join();
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("next"))).isEqualTo(200);
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("kept"))).isEqualTo(200);
        PowerAuthActivationStatus status = client.activation().fetchActivationStatus().join();
        assertThat(status.counterResynchronized()).isFalse();
        assertThat(status.signSoon()).isFalse();
    }
}
