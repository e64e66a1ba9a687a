package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.TokenFactorMismatchException;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;

class TokenStoreFlowTest {
    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_0", "V3_1", "V3_2", "V3_3"})
    void requestedTokensGiveHeadersTheServerAcceptsOnceEach(ProtocolVersion version) {
        Testbed.Client client = bed.client("i" + version.ordinal(), version);
        client.activate();

        PowerAuthToken token = client.tokens.requestAccessToken("balance",
                PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD)).join();

        assertThat(token.signatureType()).isEqualTo(PowerAuthSignatureType.POSSESSION_KNOWLEDGE);
        assertThat(client.tokens.getLocalToken("balance")).contains(token);
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            PowerAuthAuthorizationHttpHeader header = client.tokens.generateHeaderForToken("balance");
            assertThat(header.key()).isEqualTo("X-PowerAuth-Token");
            assertThat(TokenHeaderParser.parse(header.value()).version()).isEqualTo(version);
            assertThat(bed.useHeader(header)).isEqualTo(200);
            assertThat(bed.useHeader(header)).as("a replayed header").isEqualTo(401);
            values.add(header.value());
        }
        assertThat(values).hasSize(20);
    }

    @Test
    void removingOnTheServerMakesHeadersFailAndDropsTheLocalCopy() {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        PowerAuthAuthorizationHttpHeader header = client.tokens.generateHeaderForToken("t");

        client.tokens.removeAccessToken("t").join();

        assertThat(bed.useHeader(header)).isEqualTo(401);
        assertThat(client.tokens.hasLocalToken("t")).isFalse();
        assertThatThrownBy(() -> client.tokens.generateHeaderForToken("t")).isInstanceOf(TokenNotFoundException.class);
        assertThat(Testbed.failure(client.tokens.removeAccessToken("t"))).isInstanceOf(TokenNotFoundException.class);
    }

    @Test
    void aCachedTokenIsReturnedWithoutAServerCallButOnlyForTheSameFactors() {
        Testbed.Client client = bed.client();
        client.activate();
        PowerAuthToken first = client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();

        PowerAuthToken again = client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();

        assertThat(again).isEqualTo(first);
        assertThat(bed.emulator.count("/pa/v3/token/create")).isEqualTo(1);
        assertThat(Testbed.failure(client.tokens.requestAccessToken("t",
                PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD))))
                .isInstanceOf(TokenFactorMismatchException.class);
    }

    @Test
    void localRemovalKeepsTheServerTokenAndRemoveAllClearsEveryName() {
        Testbed.Client client = bed.client();
        client.activate();
        for (String name : new String[] {"a", "b", "c"}) {
            client.tokens.requestAccessToken(name, PowerAuthAuthentication.possession()).join();
        }
        PowerAuthAuthorizationHttpHeader stillValid = client.tokens.generateHeaderForToken("a");
        assertThat(client.tokens.removeLocalToken("a")).isTrue();
        assertThat(client.tokens.removeLocalToken("a")).isFalse();
        assertThat(bed.useHeader(stillValid)).isEqualTo(200);
        assertThat(client.tokens.localTokenNames()).containsExactlyInAnyOrder("b", "c");

        client.tokens.removeAllLocalTokens();

        assertThat(client.tokens.localTokenNames()).isEmpty();
        assertThat(bed.storage.snapshot(client.configuration.namespace()).keySet()).containsExactly("activation");
    }

    @Test
    void tokensSurviveARestartThroughStorage() {
        Testbed.Client client = bed.client();
        client.activate();
        PowerAuthToken token = client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();

        Testbed.Client restarted = bed.client();

        assertThat(restarted.tokens.getLocalToken("t")).contains(token);
        assertThat(bed.useHeader(restarted.tokens.generateHeaderForToken("t"))).isEqualTo(200);
    }

    @Test
    void localRemovalRightAfterARestartReportsTheStoredToken() {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();

        Testbed.Client restarted = bed.client();

        assertThat(restarted.tokens.removeLocalToken("t")).isTrue();
        assertThat(restarted.tokens.localTokenNames()).isEmpty();
        assertThat(bed.client().tokens.hasLocalToken("t")).isFalse();
    }

    @Test
    void twoInstancesKeepTheSameNameApart() {
        Testbed.Client one = bed.client("one", ProtocolVersion.V3_3);
        Testbed.Client two = bed.client("two", ProtocolVersion.V3_3);
        one.activate();
        two.activate();
        PowerAuthToken a = one.tokens.requestAccessToken("same", PowerAuthAuthentication.possession()).join();
        PowerAuthToken b = two.tokens.requestAccessToken("same", PowerAuthAuthentication.possession()).join();

        assertThat(a.tokenIdentifier()).isNotEqualTo(b.tokenIdentifier());
        one.activation.removeActivationLocal();
        assertThat(one.tokens.hasLocalToken("same")).isFalse();
        assertThat(two.tokens.getLocalToken("same")).contains(b);
    }

    @Test
    void everyOperationNeedsAnActivationAndAValidName() {
        Testbed.Client client = bed.client();
        assertThat(Testbed.failure(client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession())))
                .isInstanceOf(MissingActivationException.class);
        assertThatThrownBy(() -> client.tokens.generateHeaderForToken("t"))
                .isInstanceOf(MissingActivationException.class);
        assertThat(Testbed.failure(client.tokens.removeAccessToken("t")))
                .isInstanceOf(MissingActivationException.class);
        assertThat(client.tokens.hasLocalToken("t")).isFalse();
        assertThatThrownBy(() -> client.tokens.hasLocalToken(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.tokens.hasLocalToken("x".repeat(241)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.tokens.generateHeaderForToken("a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Testbed.failure(client.tokens.requestAccessToken("\u202Etxt.exe",
                PowerAuthAuthentication.possession()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAuthenticationIsWipedAfterUse() {
        Testbed.Client client = bed.client();
        client.activate();
        PowerAuthAuthentication auth = PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD);
        client.tokens.requestAccessToken("t", auth).join();
        assertThat(auth.isDestroyed()).isTrue();
        assertThatThrownBy(auth::copyPassword).isInstanceOf(IllegalStateException.class);
        assertThat(auth.toString()).doesNotContain("1234");
    }

    @Test
    void biometryFactorsWorkOnlyWhenCommittedWithABiometryKey() {
        byte[] hostKey = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        Testbed.Client plain = bed.client("plain", ProtocolVersion.V3_3);
        plain.activate();
        assertThat(Testbed.failure(plain.tokens.requestAccessToken("b",
                PowerAuthAuthentication.possessionWithBiometry(hostKey))))
                .isInstanceOf(org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException.class);

        Testbed.Client bio = bed.client("bio", ProtocolVersion.V3_3);
        var code = bed.emulator.initActivation(bed.application);
        bio.activation.createActivation(org.opentokens.powerauth.token.port.in.PowerAuthActivation
                .builder(code.activationCode(), "bio").build()).join();
        bio.activation.commitActivation(PowerAuthAuthentication.commitWithPasswordAndBiometry(Testbed.PASSWORD, hostKey));
        bed.emulator.commitActivation(code.activationId());

        PowerAuthToken two = bio.tokens.requestAccessToken("two", PowerAuthAuthentication.possessionWithBiometry(hostKey)).join();
        PowerAuthToken three = bio.tokens.requestAccessToken("three",
                PowerAuthAuthentication.possessionWithPasswordAndBiometry(Testbed.PASSWORD, hostKey)).join();

        assertThat(two.signatureType()).isEqualTo(PowerAuthSignatureType.POSSESSION_BIOMETRY);
        assertThat(three.signatureType()).isEqualTo(PowerAuthSignatureType.POSSESSION_KNOWLEDGE_BIOMETRY);
        assertThat(bed.useHeader(bio.tokens.generateHeaderForToken("three"))).isEqualTo(200);
        assertThat(bed.emulator.activation(code.activationId()).failedAttempts()).isZero();
    }
}
