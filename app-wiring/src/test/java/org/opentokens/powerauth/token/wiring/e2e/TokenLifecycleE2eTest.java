package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationResult;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/** The whole token lifecycle over real HTTP, through the Guice wiring, for every protocol version. */
class TokenLifecycleE2eTest {
    private final EmulatorBed bed = new EmulatorBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void protocol33FromActivationCodeToWipedTokens() {
        PowerAuthClient client = bed.client();
        PowerAuthTokenStore tokens = client.tokenStore();
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application);

        PowerAuthActivationResult created = client.activation()
                .createActivation(PowerAuthActivation.builder(code.qrPayload(), "laptop").build()).join();
        assertThat(created.activationId()).isEqualTo(code.activationId());
        assertThat(client.activation().localState()).isEqualTo(LocalActivationState.CREATED);
        client.activation().commitActivation(
                PowerAuthAuthentication.commitWithPassword(EmulatorBed.PASSWORD.toCharArray()));
        assertThat(client.activation().fetchActivationStatus().join().state())
                .isEqualTo(ActivationState.PENDING_COMMIT);
        bed.emulator.commitActivation(code.activationId());
        assertThat(client.activation().fetchActivationStatus().join().state()).isEqualTo(ActivationState.ACTIVE);

        PowerAuthToken possession = tokens.requestAccessToken("possession", PowerAuthAuthentication.possession())
                .join();
        PowerAuthToken twoFactor = tokens.requestAccessToken("two-factor", EmulatorBed.password()).join();
        assertThat(possession.signatureType()).isEqualTo(PowerAuthSignatureType.POSSESSION);
        assertThat(twoFactor.signatureType()).isEqualTo(PowerAuthSignatureType.POSSESSION_KNOWLEDGE);
        assertThat(bed.emulator.tokens(code.activationId())).hasSize(2);

        Set<String> headerValues = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String name = i % 2 == 0 ? "possession" : "two-factor";
            PowerAuthAuthorizationHttpHeader header = tokens.generateHeaderForToken(name);
            assertThat(TokenHeaderParser.parse(header.value()).version()).isEqualTo(ProtocolVersion.V3_3);
            assertThat(bed.useHeader(header)).as("header %d", i).isEqualTo(200);
            headerValues.add(header.value());
        }
        assertThat(headerValues).hasSize(20);

        PowerAuthAuthorizationHttpHeader beforeRemoval = tokens.generateHeaderForToken("possession");
        tokens.removeAccessToken("possession").join();
        assertThat(bed.useHeader(beforeRemoval)).isEqualTo(401);
        assertThat(tokens.hasLocalToken("possession")).isFalse();
        assertThatThrownBy(() -> tokens.generateHeaderForToken("possession"))
                .isInstanceOf(TokenNotFoundException.class);
        assertThat(bed.emulator.tokens(code.activationId())).hasSize(1);

        PowerAuthAuthorizationHttpHeader lastHeader = tokens.generateHeaderForToken("two-factor");
        client.activation().removeActivation(EmulatorBed.password()).join();

        assertThat(bed.emulator.activation(code.activationId()).state()).isEqualTo(EmulatorActivationState.REMOVED);
        assertThat(bed.useHeader(lastHeader)).isEqualTo(401);
        assertThat(client.activation().localState()).isEqualTo(LocalActivationState.NONE);
        assertThat(tokens.localTokenNames()).isEmpty();
        assertThat(bed.snapshot("default")).as("only the time offset, which outlives activations")
                .containsOnlyKeys("time-offset");
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void tokenHeadersOfEveryVersionAreAccepted(ProtocolVersion version) {
        String instance = "v" + version.wireValue();
        PowerAuthClient client = bed.client(instance, version);
        String activationId = bed.activate(client);

        client.tokenStore().requestAccessToken("t", EmulatorBed.password()).join();

        for (int i = 0; i < 3; i++) {
            PowerAuthAuthorizationHttpHeader header = client.tokenStore().generateHeaderForToken("t");
            assertThat(TokenHeaderParser.parse(header.value()).version()).isEqualTo(version);
            assertThat(bed.useHeader(header)).isEqualTo(200);
        }
        assertThat(bed.emulator.activation(activationId).protocolVersion()).isEqualTo(version.wireValue());
        client.tokenStore().removeAccessToken("t").join();
        assertThat(bed.emulator.tokens(activationId)).isEmpty();
        assertThat(bed.emulator.activation(activationId).failedAttempts()).isZero();
    }

    @Test
    void creatingTheInjectorCallsNoServer() {
        PowerAuthClient client = bed.client();

        assertThat(bed.emulator.exchanges()).isEmpty();
        assertThat(client.activation().localState()).isEqualTo(LocalActivationState.NONE);
        assertThat(bed.emulator.exchanges()).isEmpty();
    }

    @Test
    void tokensSurviveARestartOverTheSameStorage() {
        PowerAuthClient first = bed.client();
        bed.activate(first);
        PowerAuthToken token = first.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        first.close();

        PowerAuthClient restarted = bed.client();

        assertThat(restarted.tokenStore().getLocalToken("t")).contains(token);
        assertThat(bed.useHeader(restarted.tokenStore().generateHeaderForToken("t"))).isEqualTo(200);
    }
}
