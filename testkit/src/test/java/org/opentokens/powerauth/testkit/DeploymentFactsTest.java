package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The facts measured on a real deployment (protocol.md §9), pinned at their edges on the emulator's defaults. The
 * base clock is fixed, so server time moves only when a test moves it and every edge is exact to the millisecond.
 */
class DeploymentFactsTest {

    private static final String UNIFORM_401 =
            "{\"status\":\"ERROR\",\"responseObject\":{\"code\":\"ERR_AUTHENTICATION\","
                    + "\"message\":\"POWER_AUTH_SIGNATURE_INVALID\"}}";

    private static PowerAuthEmulator.Builder fixedClock() {
        return PowerAuthEmulator.builder().clock(Clock.fixed(Instant.ofEpochMilli(System.currentTimeMillis()),
                ZoneOffset.UTC));
    }

    private final Fixture fixture = Fixture.inProcess(fixedClock().build());

    private EmulatorResponse tokenAt(WultraDevice device, WultraDevice.IssuedToken token, String version,
            long offsetMs) {
        return device.getResource(WultraDevice.tokenHeader(token, version, fixture.emulator.serverTimeMs() + offsetMs));
    }

    // Fact 2: the token timestamp window, per version.

    @ParameterizedTest(name = "{0}: +{1} ms accepted, +{2} ms rejected")
    @CsvSource({"3.0, 1800000, 1800001", "3.1, 1800000, 1800001", "3.2, 60000, 60001", "3.3, 60000, 60001"})
    void theFutureWindowIsSixtySecondsFor32And33AndThirtyMinutesBefore(String version, long accepted,
            long rejected) {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);

        EmulatorResponse edge = tokenAt(device, token, version, accepted);
        EmulatorResponse beyond = tokenAt(device, token, version, rejected);

        assertThat(edge.status()).isEqualTo(200);
        assertThat(beyond.bodyText()).isEqualTo(UNIFORM_401);
        assertThat(TestJson.lastReason(fixture.emulator)).isEqualTo(EmulatorAuthFailure.TOKEN_TIMESTAMP_IN_FUTURE);
    }

    @ParameterizedTest(name = "{0}: -7200000 ms accepted, -7200001 ms rejected")
    @ValueSource(strings = {"3.0", "3.1", "3.2", "3.3"})
    void thePastWindowIsTwoHoursForEveryVersion(String version) {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);

        EmulatorResponse edge = tokenAt(device, token, version, -7_200_000);
        EmulatorResponse beyond = tokenAt(device, token, version, -7_200_001);

        assertThat(edge.status()).isEqualTo(200);
        assertThat(beyond.bodyText()).isEqualTo(UNIFORM_401);
        assertThat(TestJson.lastReason(fixture.emulator)).isEqualTo(EmulatorAuthFailure.TOKEN_TIMESTAMP_TOO_OLD);
    }

    @Test
    void theDeploymentsMeasuredPointsComeOutTheSame() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);

        assertThat(List.of(tokenAt(device, token, "3.3", 60_000), tokenAt(device, token, "3.3", 70_000),
                tokenAt(device, token, "3.1", 1_700_000), tokenAt(device, token, "3.1", 1_900_000),
                tokenAt(device, token, "3.3", -7_100_000), tokenAt(device, token, "3.3", -7_300_000),
                tokenAt(device, token, "3.1", -7_100_000), tokenAt(device, token, "3.1", -7_300_000)))
                .extracting(EmulatorResponse::status).containsExactly(200, 401, 200, 401, 200, 401, 200, 401);
    }

    @Test
    void theWindowsCanBeSetPerVersionGroup() {
        Fixture custom = Fixture.inProcess(fixedClock()
                .tokenTimestampValidity(Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(10)).build());
        WultraDevice device = custom.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        long now = custom.emulator.serverTimeMs();

        assertThat(List.of(device.getResource(WultraDevice.tokenHeader(token, "3.3", now + 10_000)),
                device.getResource(WultraDevice.tokenHeader(token, "3.3", now + 10_001)),
                device.getResource(WultraDevice.tokenHeader(token, "3.1", now + 120_000)),
                device.getResource(WultraDevice.tokenHeader(token, "3.1", now + 120_001)),
                device.getResource(WultraDevice.tokenHeader(token, "3.2", now - 300_000)),
                device.getResource(WultraDevice.tokenHeader(token, "3.2", now - 300_001))))
                .extracting(EmulatorResponse::status).containsExactly(200, 401, 200, 401, 200, 401);
    }

    // Fact 3: replay memory.

    @Test
    void aUsedHeaderIsRememberedForSixtySecondsAfterItsFirstUse() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        String header = WultraDevice.tokenHeader(token, "3.3", fixture.emulator.serverTimeMs());

        EmulatorResponse first = device.getResource(header);
        EmulatorResponse atOnce = device.getResource(header);
        fixture.emulator.setClockOffset(Duration.ofSeconds(49));
        EmulatorResponse later = device.getResource(header);
        fixture.emulator.setClockOffset(Duration.ofMillis(59_999));
        EmulatorResponse lastRemembered = device.getResource(header);
        EmulatorAuthFailure reason = TestJson.lastReason(fixture.emulator);
        fixture.emulator.setClockOffset(Duration.ofSeconds(60));
        EmulatorResponse forgotten = device.getResource(header);
        EmulatorResponse rememberedAgain = device.getResource(header);

        assertThat(List.of(first, atOnce, later, lastRemembered, forgotten, rememberedAgain))
                .extracting(EmulatorResponse::status).containsExactly(200, 401, 401, 401, 200, 401);
        assertThat(reason).isEqualTo(EmulatorAuthFailure.TOKEN_REPLAYED);
    }

    @Test
    void theDeploymentsMeasuredReplayPointsComeOutTheSame() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        String header = WultraDevice.tokenHeader(token, "3.3", fixture.emulator.serverTimeMs());

        EmulatorResponse first = device.getResource(header);
        EmulatorResponse atOnce = device.getResource(header);
        fixture.emulator.setClockOffset(Duration.ofSeconds(49));
        EmulatorResponse after49 = device.getResource(header);
        fixture.emulator.setClockOffset(Duration.ofSeconds(88));
        EmulatorResponse after88 = device.getResource(header);

        assertThat(List.of(first, atOnce, after49, after88)).extracting(EmulatorResponse::status)
                .containsExactly(200, 401, 401, 200);
    }

    @Test
    void rememberingForTheWholeWindowNeverAcceptsAHeaderTwice() {
        Fixture strict = Fixture.inProcess(fixedClock().tokenReplayMemoryForWholeWindow().build());
        WultraDevice device = strict.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        String header = WultraDevice.tokenHeader(token, "3.3", strict.emulator.serverTimeMs());

        EmulatorResponse first = device.getResource(header);
        strict.emulator.setClockOffset(Duration.ofSeconds(60));
        EmulatorResponse after60 = device.getResource(header);
        strict.emulator.setClockOffset(Duration.ofHours(2));
        EmulatorResponse atTheWindowsEnd = device.getResource(header);
        EmulatorAuthFailure reason = TestJson.lastReason(strict.emulator);

        assertThat(List.of(first, after60, atTheWindowsEnd)).extracting(EmulatorResponse::status)
                .containsExactly(200, 401, 401);
        assertThat(reason).isEqualTo(EmulatorAuthFailure.TOKEN_REPLAYED);
    }

    @Test
    void theReplayMemoryCanBeSet() {
        Fixture shortMemory = Fixture.inProcess(fixedClock().tokenReplayMemory(Duration.ofSeconds(5)).build());
        WultraDevice device = shortMemory.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        String header = WultraDevice.tokenHeader(token, "3.3", shortMemory.emulator.serverTimeMs());

        EmulatorResponse first = device.getResource(header);
        shortMemory.emulator.setClockOffset(Duration.ofMillis(4_999));
        EmulatorResponse remembered = device.getResource(header);
        shortMemory.emulator.setClockOffset(Duration.ofSeconds(5));
        EmulatorResponse forgotten = device.getResource(header);

        assertThat(List.of(first, remembered, forgotten)).extracting(EmulatorResponse::status)
                .containsExactly(200, 401, 200);
    }

    // Fact 1: one body for every failed check, the reason kept in the log and the admin API.

    @Test
    void everyFailedTokenCheckGetsTheSameBodyAndItsOwnLoggedReason() {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        WultraDevice.IssuedToken twoFactor = device.createToken(PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE);
        WultraDevice.IssuedToken forged = new WultraDevice.IssuedToken(token.tokenId(), new byte[16]);
        WultraDevice.IssuedToken unknown = new WultraDevice.IssuedToken("0f8fad5b-d9cb-469f-a165-70867728950e",
                new byte[16]);
        String used = WultraDevice.tokenHeader(token, "3.3", fixture.emulator.serverTimeMs());
        assertThat(device.getResource(used).status()).isEqualTo(200);

        List<EmulatorResponse> failures = List.of(
                fixture.emulator.handle(new EmulatorRequest("GET", PowerAuthEmulator.RESOURCE_PATH, null, null)),
                device.getResource("PowerAuth nonsense"),
                tokenAt(device, unknown, "3.3", 0),
                tokenAt(device, token, "3.3", -7_300_000),
                tokenAt(device, token, "3.3", 61_000),
                tokenAt(device, forged, "3.3", 0),
                device.getResource(used),
                device.getResource(PowerAuthEmulator.RESOURCE_PATH,
                        WultraDevice.tokenHeader(token, "3.3", fixture.emulator.serverTimeMs())));
        fixture.emulator.blockActivation(device.activationId);
        EmulatorResponse blocked = tokenAt(device, twoFactor, "3.3", 0);

        assertThat(failures).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.bodyText()).isEqualTo(UNIFORM_401);
        });
        assertThat(blocked.bodyText()).isEqualTo(UNIFORM_401);
        List<EmulatorExchange> log = fixture.emulator.exchanges();
        assertThat(log.subList(log.size() - 9, log.size())).extracting(EmulatorExchange::reason).containsExactly(
                EmulatorAuthFailure.HEADER_MISSING, EmulatorAuthFailure.HEADER_MALFORMED,
                EmulatorAuthFailure.TOKEN_UNKNOWN, EmulatorAuthFailure.TOKEN_TIMESTAMP_TOO_OLD,
                EmulatorAuthFailure.TOKEN_TIMESTAMP_IN_FUTURE, EmulatorAuthFailure.TOKEN_DIGEST_INVALID,
                EmulatorAuthFailure.TOKEN_REPLAYED, EmulatorAuthFailure.SIGNATURE_TYPE_NOT_ALLOWED,
                EmulatorAuthFailure.ACTIVATION_NOT_ACTIVE);
    }

    @Test
    void everyFailedSignatureCheckGetsTheSameBodyAndItsOwnLoggedReason() {
        WultraDevice device = fixture.activeDevice("3.3");
        byte[] body = TestJson.utf8("{}");
        String wrongPassword = device.signatureHeaderWithWrongPassword("POST", "/pa/signature/validate", body,
                PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE);

        List<EmulatorResponse> failures = List.of(
                fixture.client.post("/pa/v3/signature/validate", Map.of(), body),
                fixture.client.post("/pa/v3/signature/validate", Map.of("X-PowerAuth-Authorization",
                        "PowerAuth pa_version=\"3.3\""), body),
                fixture.client.post("/pa/v3/signature/validate", Map.of("X-PowerAuth-Authorization", wrongPassword),
                        body),
                device.removeActivation(PowerAuthSignatureTypes.POSSESSION));
        fixture.emulator.blockActivation(device.activationId);
        EmulatorResponse blocked = device.validateSignature(PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE);

        assertThat(failures).allSatisfy(r -> assertThat(r.bodyText()).isEqualTo(UNIFORM_401));
        assertThat(blocked.bodyText()).isEqualTo(UNIFORM_401);
        List<EmulatorExchange> log = fixture.emulator.exchanges();
        assertThat(log.subList(log.size() - 5, log.size())).extracting(EmulatorExchange::reason).containsExactly(
                EmulatorAuthFailure.HEADER_MISSING, EmulatorAuthFailure.HEADER_MALFORMED,
                EmulatorAuthFailure.SIGNATURE_INVALID, EmulatorAuthFailure.SIGNATURE_TYPE_NOT_ALLOWED,
                EmulatorAuthFailure.ACTIVATION_NOT_ACTIVE);
        assertThat(EmulatorAuthFailure.TOKEN_TIMESTAMP_TOO_OLD.serverLogCode()).contains("ERR0030");
        assertThat(EmulatorAuthFailure.TOKEN_TIMESTAMP_IN_FUTURE.serverLogCode()).contains("ERR0044");
        assertThat(EmulatorAuthFailure.TOKEN_REPLAYED.serverLogCode()).isEmpty();
    }

    @Test
    void revealingReasonsGivesTheEmulatorsEarlierTokenBodies() {
        Fixture revealing = Fixture.inProcess(fixedClock().revealAuthenticationReasons(true).build());
        WultraDevice device = revealing.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        long now = revealing.emulator.serverTimeMs();

        List<EmulatorResponse> responses = List.of(
                device.getResource(WultraDevice.tokenHeader(token, "3.3", now - 7_300_000)),
                device.getResource(WultraDevice.tokenHeader(token, "3.3", now + 61_000)),
                device.getResource("PowerAuth nonsense"));

        assertThat(responses).extracting(TestJson::errorCode).containsExactly("ERR0030", "ERR0044",
                "POWERAUTH_AUTH_FAIL");
        assertThat(revealing.emulator.exchanges().get(revealing.emulator.exchanges().size() - 2).reason())
                .isEqualTo(EmulatorAuthFailure.TOKEN_TIMESTAMP_IN_FUTURE);
    }

    // Fact 4: @PowerAuthToken refuses possession-only tokens by default.

    @ParameterizedTest(name = "{0} token: 2FA resource {1}, possession resource {2}")
    @CsvSource({"POSSESSION, 401, 200", "POSSESSION_KNOWLEDGE, 200, 200", "POSSESSION_BIOMETRY, 200, 200",
            "POSSESSION_KNOWLEDGE_BIOMETRY, 200, 200"})
    void theDefaultResourceWantsTwoFactorsAndThePossessionResourceAnyToken(PowerAuthSignatureTypes type,
            int defaultStatus, int possessionStatus) {
        WultraDevice device = fixture.activeDevice("3.3");
        WultraDevice.IssuedToken token = device.createToken(type);
        long now = fixture.emulator.serverTimeMs();

        EmulatorResponse twoFactor = device.getResource(PowerAuthEmulator.RESOURCE_PATH,
                WultraDevice.tokenHeader(token, "3.3", now));
        EmulatorResponse possession = device.getResource(PowerAuthEmulator.POSSESSION_RESOURCE_PATH,
                WultraDevice.tokenHeader(token, "3.3", now));

        assertThat(twoFactor.status()).isEqualTo(defaultStatus);
        assertThat(possession.status()).isEqualTo(possessionStatus);
    }

    @Test
    void theResourcesAcceptedTypesCanBeListed() {
        Fixture listed = Fixture.inProcess(fixedClock().resourceSignatureTypes("possession").build());
        WultraDevice device = listed.activeDevice("3.3");
        WultraDevice.IssuedToken possession = device.createToken(PowerAuthSignatureTypes.POSSESSION);
        WultraDevice.IssuedToken twoFactor = device.createToken(PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE);
        long now = listed.emulator.serverTimeMs();

        EmulatorResponse possessionResponse = device.getResource(PowerAuthEmulator.RESOURCE_PATH,
                WultraDevice.tokenHeader(possession, "3.3", now));
        EmulatorResponse twoFactorResponse = device.getResource(PowerAuthEmulator.RESOURCE_PATH,
                WultraDevice.tokenHeader(twoFactor, "3.3", now));

        assertThat(possessionResponse.status()).isEqualTo(200);
        assertThat(twoFactorResponse.bodyText()).isEqualTo(UNIFORM_401);
        assertThat(TestJson.lastReason(listed.emulator)).isEqualTo(EmulatorAuthFailure.SIGNATURE_TYPE_NOT_ALLOWED);
    }

    @Test
    void listedTypesMustBeSignatureTypes() {
        PowerAuthEmulator.Builder builder = PowerAuthEmulator.builder();

        assertThatThrownBy(() -> builder.resourceSignatureTypes()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.resourceSignatureTypes("possession", "telepathy"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("telepathy");
        assertThatThrownBy(() -> builder.tokenReplayMemory(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // Fact 5: before the back office commits, a 3.3 token request fails with ERR_TEMPORARY_KEY.

    @Test
    void anActivationScopeTemporaryKeyIsRefusedUntilTheBackOfficeCommits() {
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);
        WultraDevice device = fixture.client.activate(code.activationCode(), "3.3");
        String challenge = "AAAAAAAAAAAAAAAAAAAAAAAA";

        EmulatorResponse pending = fixture.client.keystoreRaw(device.activationId, device.transport, challenge);
        EmulatorActivation before = fixture.emulator.activation(device.activationId);
        fixture.emulator.commitActivation(device.activationId);
        EmulatorResponse committed = fixture.client.keystoreRaw(device.activationId, device.transport, challenge);

        assertThat(pending.status()).isEqualTo(400);
        assertThat(TestJson.errorCode(pending)).isEqualTo("ERR_TEMPORARY_KEY");
        assertThat(before.state()).isEqualTo(EmulatorActivationState.PENDING_COMMIT);
        assertThat(before.counter()).isZero();
        assertThat(committed.status()).isEqualTo(200);
    }

    // ECIES responses carry the emulator's server time.

    @ParameterizedTest
    @ValueSource(strings = {"3.2", "3.3"})
    void eciesResponseTimestampsFollowTheMovableClock(String version) {
        fixture.emulator.setClockOffset(Duration.ofSeconds(45));
        WultraDevice device = fixture.activeDevice(version);
        var encryptor = device.tokenEncryptor();

        EmulatorResponse response = device.createTokenRaw(encryptor, PowerAuthSignatureTypes.POSSESSION);
        var envelope = TestJson.encryptedResponse(TestJson.read(response));

        assertThat(envelope.getTimestamp()).isEqualTo(fixture.emulator.serverTimeMs());
        assertThat(TestJson.read(WultraClient.call(() -> encryptor.decryptResponse(envelope)))
                .path("tokenId").asText()).isNotEmpty();
        assertThat(envelope.getNonce()).isNotNull();
    }

    @Test
    void activationCreateResponsesCarryServerTimeInBothLayers() {
        fixture.emulator.setClockOffset(Duration.ofSeconds(-30));
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);
        var deviceKeys = WultraClient.call(
                () -> new io.getlime.security.powerauth.crypto.client.activation.PowerAuthClientActivation()
                        .generateDeviceKeyPair());
        WultraClient.PreparedActivation prepared = fixture.client.prepareActivation(code.activationCode(), "3.3",
                deviceKeys);

        EmulatorResponse response = fixture.client.post("/pa/v3/activation/create", prepared.headers(),
                prepared.body());
        var layer1 = TestJson.encryptedResponse(TestJson.read(response));
        var layer1Plain = TestJson.read(WultraClient.call(() -> prepared.layer1().decryptResponse(layer1)));
        var layer2 = TestJson.encryptedResponse(layer1Plain.path("activationData"));

        assertThat(layer1.getTimestamp()).isEqualTo(fixture.emulator.serverTimeMs());
        assertThat(layer2.getTimestamp()).isEqualTo(fixture.emulator.serverTimeMs());
        assertThat(TestJson.read(WultraClient.call(() -> prepared.layer2().decryptResponse(layer2)))
                .path("activationId").asText()).isEqualTo(code.activationId());
    }
}
