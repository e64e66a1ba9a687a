package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.testkit.EmulatorActivation;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorActivationOptions;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.testkit.EmulatorFaults;
import org.opentokens.powerauth.testkit.EmulatorGate;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenHeader;
import org.opentokens.powerauth.token.domain.server.V4TokenHeaderParser;
import org.opentokens.powerauth.token.port.in.ClientProtocolVersion;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;

/**
 * Protocol 4.0 end to end over real HTTP against the emulator (Wultra 2.0.1's server classes): activation, tokens,
 * headers, removal, wrong passwords, time, activation loss and the counters, for each algorithm a client offers.
 */
class V4E2eTest {
    private static final String INSTANCE = "default";
    private static final String TOKEN_CREATE = "/pa/v4/token/create";
    private final EmulatorBed bed = new EmulatorBed();

    @AfterEach
    void close() {
        bed.close();
    }

    static PowerAuthClientConfig.Builder v4Config(EmulatorBed bed, String instance, SharedSecretAlgorithm algorithm) {
        return bed.config(instance, ProtocolVersion.V3_3)
                .protocolVersion(ClientProtocolVersion.V4_0)
                .algorithm(algorithm)
                .masterKeysV4(bed.application.masterServerPublicKeyP384(),
                        algorithm == SharedSecretAlgorithm.EC_P384_ML_L5 ? bed.application.masterServerPublicKeyMlDsa87()
                                : bed.application.masterServerPublicKeyMlDsa65());
    }

    private PowerAuthClient client(SharedSecretAlgorithm algorithm) {
        return bed.client(v4Config(bed, INSTANCE, algorithm).build());
    }

    @ParameterizedTest
    @EnumSource(value = SharedSecretAlgorithm.class, names = {"EC_P384", "EC_P384_ML_L3", "EC_P384_ML_L5"})
    void aV4ActivationCreatesTokensWhoseHeadersTheServerAcceptsAndIsRemoved(SharedSecretAlgorithm algorithm) {
        PowerAuthClient client = client(algorithm);
        String id = bed.activate(client);

        ActivationRecord stored = bed.storedRecord(INSTANCE);
        assertThat(stored.isV4()).isTrue();
        assertThat(stored.v4().algorithm()).isEqualTo(algorithm);
        assertThat(client.activation().activationFingerprint()).hasValueSatisfying(f -> assertThat(f).hasSize(8));
        EmulatorActivation server = bed.emulator.activation(id);
        assertThat(server.protocolVersion()).isEqualTo("4.0");
        PowerAuthActivationStatus status = client.activation().fetchActivationStatus().join();
        assertThat(status.state()).isEqualTo(ActivationState.ACTIVE);
        assertThat(status.counterResynchronized()).isFalse();

        client.tokenStore().requestAccessToken("possession", PowerAuthAuthentication.possession()).join();
        client.tokenStore().requestAccessToken("two-factor", EmulatorBed.password()).join();
        PowerAuthAuthorizationHttpHeader header = client.tokenStore().generateHeaderForToken("possession");
        assertThat(header.key()).isEqualTo("X-PowerAuth-Token");
        assertThat(V4TokenHeaderParser.parse(header.value()).timestampMs()).isCloseTo(bed.emulator.serverTimeMs(),
                within(60_000L));
        assertThat(bed.useHeader(header)).isEqualTo(200);
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("two-factor"))).isEqualTo(200);

        PowerAuthAuthorizationHttpHeader beforeRemoval = client.tokenStore().generateHeaderForToken("possession");
        client.tokenStore().removeAccessToken("possession").join();
        assertThat(client.tokenStore().hasLocalToken("possession")).isFalse();
        assertThat(bed.useHeader(beforeRemoval)).as("removed on the server").isEqualTo(401);

        client.activation().removeActivation(EmulatorBed.password()).join();
        assertThat(client.activation().localState()).isEqualTo(LocalActivationState.NONE);
        assertThat(bed.emulator.activation(id).state()).isEqualTo(EmulatorActivationState.REMOVED);
        assertThat(bed.snapshot(INSTANCE)).as("only the server time offset is kept")
                .containsOnlyKeys(InstanceStore.TIME_OFFSET_ENTRY);
    }

    @Test
    void aV4InstanceReopensAsV4WhateverItIsNowConfiguredWith() {
        PowerAuthClient first = client(SharedSecretAlgorithm.EC_P384_ML_L3);
        bed.activate(first);
        first.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        first.close();

        PowerAuthClient reopened = bed.client(bed.config(INSTANCE, ProtocolVersion.V3_3).build());

        assertThat(bed.useHeader(reopened.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
        reopened.tokenStore().requestAccessToken("u", EmulatorBed.password()).join();
        assertThat(reopened.activation().fetchActivationStatus().join().state()).isEqualTo(ActivationState.ACTIVE);
    }

    @Test
    void aV4ClientNeedsNothingFromADeploymentThatRefusesThreeX() {
        try (EmulatorBed v4Only = new EmulatorBed(PowerAuthEmulator.builder().minSupportedProtocolVersion(4).build())) {
            PowerAuthClient client = v4Only.client(v4Config(v4Only, INSTANCE, SharedSecretAlgorithm.EC_P384_ML_L3)
                    .build());
            String id = v4Only.activate(client);
            client.tokenStore().requestAccessToken("t", EmulatorBed.password()).join();

            assertThat(v4Only.useHeader(client.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
            assertThat(client.activation().fetchActivationStatus().join().state()).isEqualTo(ActivationState.ACTIVE);
            assertThat(client.timeSynchronization().synchronize()).succeedsWithin(Duration.ofSeconds(10));
            client.activation().removeActivation(EmulatorBed.password()).join();
            assertThat(v4Only.emulator.activation(id).state()).isEqualTo(EmulatorActivationState.REMOVED);
            assertThat(v4Only.emulator.count("/pa/v3/status")).as("time came from /pa/v4/status").isZero();
        }
    }

    @Test
    void wrongPasswordsAreCountedThenBlock() {
        PowerAuthClient client = client(SharedSecretAlgorithm.EC_P384_ML_L3);
        String id = bed.activate(client);
        client.tokenStore().requestAccessToken("kept", PowerAuthAuthentication.possession()).join();
        int max = bed.emulator.activation(id).maxFailedAttempts();

        Throwable first = EmulatorBed.failure(client.tokenStore().requestAccessToken("t0", EmulatorBed.wrongPassword()));
        assertThat(first).isInstanceOfSatisfying(ServerRejectedException.class,
                rejected -> assertThat(rejected.httpStatus()).isEqualTo(401));
        PowerAuthActivationStatus counted = client.activation().fetchActivationStatus().join();
        assertThat(counted.failedAttempts()).isEqualTo(1);
        assertThat(counted.remainingAttempts()).isEqualTo(max - 1);
        for (int i = 1; i < max; i++) {
            assertThat(EmulatorBed.failure(client.tokenStore().requestAccessToken("t" + i,
                    EmulatorBed.wrongPassword()))).isInstanceOf(ServerRejectedException.class);
        }

        assertThat(bed.emulator.activation(id).state()).isEqualTo(EmulatorActivationState.BLOCKED);
        PowerAuthActivationStatus blocked = client.activation().fetchActivationStatus().join();
        assertThat(blocked.state()).isEqualTo(ActivationState.BLOCKED);
        assertThat(blocked.remainingAttempts()).isZero();
        assertThat(EmulatorBed.failure(client.tokenStore().requestAccessToken("x", EmulatorBed.password())))
                .as("even the right password").isInstanceOf(ServerRejectedException.class);
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("kept"))).isEqualTo(401);
    }

    @Test
    void aClientClockFarFromTheServersIsSynchronizedFromV4Status() {
        Clock farBehind = Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC);
        PowerAuthClient client = bed.client(v4Config(bed, INSTANCE, SharedSecretAlgorithm.EC_P384).build(),
                binder -> PowerAuthTokenModule.clockBinder(binder).setBinding().toInstance(farBehind));
        bed.activate(client);
        client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
        assertThat(bed.emulator.count("/pa/v4/status")).isPositive();

        bed.emulator.setClockOffset(Duration.ofHours(3));
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("t"))).as("stale offset").isEqualTo(401);
        client.timeSynchronization().reset();
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
        client.tokenStore().requestAccessToken("after", EmulatorBed.password()).join();
    }

    @Test
    void losingTheActivationDuringATokenRequestFailsItAndStoresNothing() throws Exception {
        PowerAuthClient client = client(SharedSecretAlgorithm.EC_P384_ML_L3);
        bed.activate(client);
        EmulatorGate gate = bed.emulator.faults().holdResponse(TOKEN_CREATE);
        CompletableFuture<?> request = client.tokenStore().requestAccessToken("t", EmulatorBed.password());
        assertThat(gate.awaitArrival(Duration.ofSeconds(20))).isTrue();

        client.activation().removeActivationLocal();
        gate.release();

        assertThat(EmulatorBed.failure(request)).isInstanceOf(MissingActivationException.class);
        assertThat(request.isDone()).isTrue();
        assertThat(client.tokenStore().hasLocalToken("t")).isFalse();
        assertThat(bed.snapshot(INSTANCE)).as("only the server time offset is kept")
                .containsOnlyKeys(InstanceStore.TIME_OFFSET_ENTRY);
        assertThat(client.activation().localState()).isEqualTo(LocalActivationState.NONE);
    }

    @Test
    void concurrentRequestsForOneNameShareOneV4TokenCreate() throws Exception {
        PowerAuthClient client = client(SharedSecretAlgorithm.EC_P384);
        bed.activate(client);
        EmulatorGate held = bed.emulator.faults().holdResponse(TOKEN_CREATE);
        CompletableFuture<PowerAuthToken> first = client.tokenStore().requestAccessToken("shared",
                PowerAuthAuthentication.possession());
        assertThat(held.awaitArrival(Duration.ofSeconds(20))).isTrue();
        CompletableFuture<PowerAuthToken> second = client.tokenStore().requestAccessToken("shared",
                PowerAuthAuthentication.possession());
        held.release();

        assertThat(first.get(30, TimeUnit.SECONDS).tokenIdentifier())
                .isEqualTo(second.get(30, TimeUnit.SECONDS).tokenIdentifier());
        assertThat(bed.emulator.count(TOKEN_CREATE)).isEqualTo(1);
    }

    @Test
    void aFailedConfirmLeavesTheActivationCreatedAndACommitRetryConfirmsIt() throws Exception {
        PowerAuthClient client = client(SharedSecretAlgorithm.EC_P384_ML_L3);
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application);
        client.activation().createActivation(PowerAuthActivation.builder(code.activationCode(), "retry")
                .platform("java").build()).join();
        // The server processes the confirm (and steps its counter), but the answer never arrives.
        EmulatorGate lost = bed.emulator.faults().holdResponse("/pa/v4/activation/confirm");
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> client.activation().commitActivation(
                PowerAuthAuthentication.commitWithPassword(EmulatorBed.PASSWORD.toCharArray())));
        assertThat(lost.awaitArrival(Duration.ofSeconds(20))).isTrue();
        lost.drop();
        assertThat(EmulatorBed.failure(commit)).isInstanceOf(ServerUnreachableException.class);
        assertThat(bed.emulator.activation(code.activationId()).counter()).isEqualTo(1);
        assertThat(client.activation().localState()).isEqualTo(LocalActivationState.CREATED);
        assertThat(bed.snapshot(INSTANCE)).as("only the server time offset is kept")
                .containsOnlyKeys(InstanceStore.TIME_OFFSET_ENTRY);

        client.activation().commitActivation(
                PowerAuthAuthentication.commitWithPassword(EmulatorBed.PASSWORD.toCharArray()));
        bed.emulator.commitActivation(code.activationId());

        assertThat(client.activation().localState()).isEqualTo(LocalActivationState.COMMITTED);
        client.tokenStore().requestAccessToken("t", EmulatorBed.password()).join();
        PowerAuthActivationStatus status = client.activation().fetchActivationStatus().join();
        assertThat(status.state()).isEqualTo(ActivationState.ACTIVE);
        assertThat(status.failedAttempts()).as("the retry did not reuse the lost confirm's counter").isZero();
        assertThat(bed.emulator.activation(code.activationId()).counter()).isEqualTo(3);
    }

    /**
     * 50 signed 4.0 calls, 30 succeeding and 20 failing every way a signed call can (wrong password, dropped
     * connection, 5xx, garbage, a response that does not open), and both SHA3 counters end equal.
     */
    @Test
    void afterFiftyMixedV4SignedCallsTheCountersOnBothSidesAgree() {
        PowerAuthClient client = client(SharedSecretAlgorithm.EC_P384_ML_L3);
        String id = bed.activate(client);
        List<Consumer<EmulatorFaults>> faults = List.of(
                f -> f.reset(TOKEN_CREATE),
                f -> f.status(TOKEN_CREATE, 503, "<html>maintenance</html>"),
                f -> f.garbageJson(TOKEN_CREATE),
                f -> f.wrongEciesMac(TOKEN_CREATE));
        int succeeded = 0;
        for (int i = 0; i < 50; i++) {
            boolean ok = switch (i % 5) {
                case 0 -> attempt(client.tokenStore().requestAccessToken("bad" + i, EmulatorBed.wrongPassword()));
                case 1 -> attempt(client.tokenStore().requestAccessToken("k" + i, EmulatorBed.password()));
                case 2 -> attempt(client.tokenStore().removeAccessToken("k" + (i - 1)));
                case 3 -> {
                    faults.get((i / 5) % faults.size()).accept(bed.emulator.faults());
                    yield attempt(client.tokenStore().requestAccessToken("f" + i,
                            PowerAuthAuthentication.possession()));
                }
                default -> attempt(client.tokenStore().requestAccessToken("p" + i,
                        PowerAuthAuthentication.possession()));
            };
            succeeded += ok ? 1 : 0;
        }

        assertThat(succeeded).isEqualTo(30);
        assertThat(bed.emulator.faults().pending()).isZero();
        EmulatorActivation server = bed.emulator.activation(id);
        V4HashCounter local = bed.storedRecord(INSTANCE).v4Counter();
        V4HashCounter remote = V4HashCounter.of(Base64.getDecoder().decode(server.ctrDataBase64()),
                (int) (server.counter() & 0xFF));
        assertThat(local.sameCounterAs(remote)).as("CTR_DATA").isTrue();
        assertThat(local.ctrByte()).isEqualTo((int) (server.counter() & 0xFF));
        assertThat(server.failedAttempts()).isZero();
        PowerAuthActivationStatus status = client.activation().fetchActivationStatus().join();
        assertThat(status.counterResynchronized()).isFalse();
        assertThat(status.signSoon()).isFalse();
        assertThat(client.tokenStore().localTokenNames()).hasSize(10).allMatch(name -> name.startsWith("p"));
    }

    private static boolean attempt(CompletableFuture<?> call) {
        try {
            call.get(30, TimeUnit.SECONDS);
            return true;
        } catch (CompletionException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theActivationOtpIsSentInTheInnerLayerAndAWrongOneIsRefused() {
        PowerAuthClient client = client(SharedSecretAlgorithm.EC_P384);
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application,
                new EmulatorActivationOptions("alice", "24680", false));

        assertThat(EmulatorBed.failure(client.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "d").otp("11111").build())))
                .isInstanceOfSatisfying(ServerRejectedException.class,
                        e -> assertThat(e.errorCode()).contains("ERR_ACTIVATION"));
        assertThat(EmulatorBed.failure(client.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "d").build())))
                .as("no OTP").isInstanceOf(ServerRejectedException.class);
        assertThat(client.activation().localState()).isEqualTo(LocalActivationState.NONE);

        client.activation().createActivation(
                PowerAuthActivation.builder(code.activationCode(), "d").otp("24680").build()).join();
        client.activation().commitActivation(
                PowerAuthAuthentication.commitWithPassword(EmulatorBed.PASSWORD.toCharArray()));

        assertThat(bed.emulator.activation(code.activationId()).protocolVersion()).isEqualTo("4.0");
        assertThat(bed.emulator.activation(code.activationId()).state())
                .isEqualTo(EmulatorActivationState.PENDING_COMMIT);
    }
}
