package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorGate;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.TokenFactorMismatchException;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/** The SDKs' token extras over real HTTP: canRequestForAccessToken, the token's own header, ensureToken. */
class TokenExtrasE2eTest {
    private final EmulatorBed bed = new EmulatorBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void canRequestFollowsTheActivation() {
        PowerAuthClient client = bed.client();
        assertThat(client.tokenStore().canRequestForAccessToken()).isFalse();
        String activationId = bed.activate(client);
        assertThat(client.tokenStore().canRequestForAccessToken()).isTrue();

        bed.emulator.removeActivation(activationId);
        client.activation().fetchActivationStatus().join();
        assertThat(client.tokenStore().canRequestForAccessToken()).isFalse();
    }

    @Test
    void theTokenGeneratesItsOwnHeadersUntilItIsRemovedOrReplaced() {
        PowerAuthClient client = bed.client();
        bed.activate(client);
        PowerAuthTokenStore tokens = client.tokenStore();
        PowerAuthToken token = tokens.requestAccessToken("t", EmulatorBed.password()).join();

        assertThat(token.canGenerateHeader()).isTrue();
        assertThat(bed.useHeader(token.generateHeader())).isEqualTo(200);
        assertThat(bed.useHeader(tokens.getLocalToken("t").orElseThrow().generateHeader())).isEqualTo(200);

        tokens.removeAccessToken("t").join();
        assertThat(token.canGenerateHeader()).isFalse();
        assertThatThrownBy(token::generateHeader).isInstanceOf(TokenNotFoundException.class);

        PowerAuthToken replacement = tokens.requestAccessToken("t", EmulatorBed.password()).join();
        assertThat(replacement.tokenIdentifier()).isNotEqualTo(token.tokenIdentifier());
        // The old object never signs with the new token of its name.
        assertThat(token.canGenerateHeader()).isFalse();
        assertThatThrownBy(token::generateHeader).isInstanceOf(TokenNotFoundException.class);
        assertThat(bed.useHeader(replacement.generateHeader())).isEqualTo(200);
    }

    @Test
    void aDetachedTokenGeneratesNoHeader() {
        PowerAuthToken detached = new PowerAuthToken("t", TokenId.of("8f4c2a3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"),
                PowerAuthSignatureType.POSSESSION, "a");
        assertThat(detached.canGenerateHeader()).isFalse();
        assertThatThrownBy(detached::generateHeader).isInstanceOf(TokenNotFoundException.class);
    }

    @Test
    void ensureTokenReturnsTheCachedTokenWithoutAServerCall() {
        PowerAuthClient client = bed.client();
        String activationId = bed.activate(client);
        PowerAuthToken first = client.tokenStore().ensureToken("t", EmulatorBed.password()).join();
        long creates = bed.emulator.count("/pa/v3/token/create");

        PowerAuthToken again = client.tokenStore().ensureToken("t", EmulatorBed.password()).join();

        assertThat(again).isEqualTo(first);
        assertThat(bed.emulator.count("/pa/v3/token/create")).isEqualTo(creates).isEqualTo(1);
        assertThat(bed.emulator.tokens(activationId)).hasSize(1);
        assertThat(bed.useHeader(again.generateHeader())).isEqualTo(200);
    }

    @Test
    void concurrentEnsureTokenCallsShareOneServerCall() {
        PowerAuthClient client = bed.client();
        String activationId = bed.activate(client);
        EmulatorGate gate = bed.emulator.faults().holdRequest("/pa/v3/token/create");
        List<CompletableFuture<PowerAuthToken>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(client.tokenStore().ensureToken("t", EmulatorBed.password()));
        }
        gate.release();

        PowerAuthToken first = calls.get(0).join();
        for (CompletableFuture<PowerAuthToken> call : calls) {
            assertThat(call.join()).isEqualTo(first);
        }
        assertThat(bed.emulator.count("/pa/v3/token/create")).isEqualTo(1);
        assertThat(bed.emulator.tokens(activationId)).hasSize(1);
    }

    @Test
    void ensureTokenReplacesATokenOfOtherFactorsWhereRequestAccessTokenRefuses() {
        PowerAuthClient client = bed.client();
        String activationId = bed.activate(client);
        PowerAuthTokenStore tokens = client.tokenStore();
        PowerAuthToken possession = tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        assertThat(EmulatorBed.failure(tokens.requestAccessToken("t", EmulatorBed.password())))
                .isInstanceOf(TokenFactorMismatchException.class);

        PowerAuthToken twoFactor = tokens.ensureToken("t", EmulatorBed.password()).join();

        assertThat(twoFactor.signatureType()).isEqualTo(PowerAuthSignatureType.POSSESSION_KNOWLEDGE);
        assertThat(bed.emulator.tokens(activationId)).extracting(token -> token.tokenId())
                .containsExactly(twoFactor.tokenIdentifier().value());
        assertThat(possession.canGenerateHeader()).isFalse();
        assertThat(bed.useHeader(twoFactor.generateHeader())).isEqualTo(200);
        assertThat(bed.emulator.activation(activationId).failedAttempts()).isZero();
    }
}
