package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * The 3.x-only operations of issue 18 on a protocol 4.0 activation, over real HTTP: each fails with
 * {@link FeatureNotSupportedException} before anything is sent, stored state stays byte for byte the same, no
 * counter moves on either side and no failed attempt is counted. A recovery-code activation on a 4.0 instance is
 * refused the same way.
 */
class V4ThreeXOnlyE2eTest {
    private static final String INSTANCE = "default";
    /** Every 3.x endpoint that one of the operations would reach. */
    private static final List<String> V3_PATHS = List.of("/pa/v3/status", "/pa/v3/keystore/create",
            "/pa/v3/signature/validate", "/pa/v3/vault/unlock", "/pa/v3/recovery/confirm", "/pa/v3/token/create",
            "/pa/v3/token/remove", "/pa/v3/activation/status");

    private final EmulatorBed bed = new EmulatorBed();
    private PowerAuthClient client;
    private String activationId;

    @BeforeEach
    void activateV4() {
        client = bed.client(V4E2eTest.v4Config(bed, INSTANCE, SharedSecretAlgorithm.EC_P384).build());
        activationId = bed.activate(client);
        assertThat(bed.storedRecord(INSTANCE).isV4()).isTrue();
    }

    @AfterEach
    void close() {
        bed.close();
    }

    static Stream<Arguments> threeXOnly() {
        return Stream.of(
                op("requestSignature", (c, code) -> c.signatures().requestSignature(EmulatorBed.password(), "POST",
                        "/pa/custom", "{}".getBytes(StandardCharsets.UTF_8))),
                op("requestGetSignature", (c, code) -> c.signatures().requestGetSignature(
                        PowerAuthAuthentication.possession(), "/pa/custom", "a=1")),
                op("offlineSignature", (c, code) -> c.signatures().offlineSignature(EmulatorBed.password(),
                        "/pa/offline", null, "AAAAAAAAAAAAAAAAAAAAAA==")),
                op("sendSigned", (c, code) -> c.signatures().sendSigned(EmulatorBed.password(), "POST", "/pa/custom",
                        new byte[0], null, header -> SENT.incrementAndGet())),
                op("validatePassword", (c, code) -> c.passwords().validatePassword(EmulatorBed.PASSWORD.toCharArray())),
                op("changePassword", (c, code) -> c.passwords().changePassword(EmulatorBed.PASSWORD.toCharArray(),
                        "new-password".toCharArray())),
                op("fetchEncryptionKey", (c, code) -> c.vault().fetchEncryptionKey(EmulatorBed.password(), 1)),
                op("signDataWithDevicePrivateKey", (c, code) -> c.vault().signDataWithDevicePrivateKey(
                        EmulatorBed.password(), new byte[] {1, 2, 3})),
                op("eciesEncryptorForActivationScope", (c, code) -> c.encryption().eciesEncryptorForActivationScope()),
                op("confirmRecoveryCode", (c, code) -> c.recovery().confirmRecoveryCode(code, EmulatorBed.password())));
    }

    private static final AtomicInteger SENT = new AtomicInteger();

    private static Arguments op(String name, BiFunction<PowerAuthClient, String, CompletableFuture<?>> call) {
        return Arguments.of(name, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threeXOnly")
    void aThreeXOnlyOperationOnAV4ActivationFailsTypedAndChangesNothing(String name,
            BiFunction<PowerAuthClient, String, CompletableFuture<?>> call) {
        Map<String, SecretBytes> before = bed.snapshot(INSTANCE);
        long serverCounter = bed.emulator.activation(activationId).counter();
        long v4Requests = v4Requests();
        int sent = SENT.get();
        String wellFormedCode = bed.emulator.initActivation(bed.application).activationCode();

        Throwable failure = EmulatorBed.failure(call.apply(client, wellFormedCode));

        assertThat(failure).isInstanceOfSatisfying(FeatureNotSupportedException.class, e -> {
            assertThat(e.protocolVersion()).isEqualTo("4.0");
            assertThat(e.getMessage()).contains("4.0");
        });
        Map<String, SecretBytes> after = bed.snapshot(INSTANCE);
        assertThat(after.keySet()).as("stored entries").isEqualTo(before.keySet());
        assertThat(after).allSatisfy((entry, value) -> assertThat(value.sameBytesAs(before.get(entry)))
                .as("stored %s unchanged", entry).isTrue());
        assertThat(bed.emulator.activation(activationId).counter()).as("server counter").isEqualTo(serverCounter);
        assertThat(bed.emulator.activation(activationId).failedAttempts()).isZero();
        assertThat(V3_PATHS).allSatisfy(path -> assertThat(bed.emulator.count(path)).as(path).isZero());
        assertThat(v4Requests()).as("nothing sent to /pa/v4 either").isEqualTo(v4Requests);
        assertThat(SENT.get()).as("sendSigned never called the host's send").isEqualTo(sent);
        // The activation still works: a signed 4.0 call right after agrees with the server's counter.
        client.tokenStore().requestAccessToken("after", EmulatorBed.password()).join();
        assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("after"))).isEqualTo(200);
        assertThat(bed.emulator.activation(activationId).counter()).isEqualTo(serverCounter + 1);
        assertThat(client.activation().fetchActivationStatus().join().counterResynchronized()).isFalse();
    }

    @Test
    void aRecoveryCodeActivationOnAV4InstanceIsRefusedBeforeAnythingIsSent() {
        PowerAuthClient fresh = bed.client(V4E2eTest.v4Config(bed, "fresh", SharedSecretAlgorithm.EC_P384).build());
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application);
        long creates = bed.emulator.count("/pa/v4/activation/create");

        Throwable failure = EmulatorBed.failure(fresh.activation().createActivation(
                PowerAuthActivation.recoveryBuilder(code.activationCode(), "1234567890", "d").build()));

        assertThat(failure).isInstanceOf(FeatureNotSupportedException.class);
        assertThat(fresh.activation().localState()).isEqualTo(LocalActivationState.NONE);
        assertThat(bed.emulator.count("/pa/v4/activation/create")).isEqualTo(creates);
        assertThat(bed.emulator.count("/pa/v3/activation/create")).isZero();
        assertThat(bed.snapshot("fresh")).doesNotContainKey("activation");
    }

    private long v4Requests() {
        return Stream.of("/pa/v4/status", "/pa/v4/keystore/create", "/pa/v4/activation/status",
                "/pa/v4/token/create", "/pa/v4/token/remove", "/pa/v4/activation/remove")
                .mapToLong(bed.emulator::count).sum();
    }
}
