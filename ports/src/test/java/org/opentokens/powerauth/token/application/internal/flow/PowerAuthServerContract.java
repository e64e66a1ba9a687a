package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.application.internal.signature.ActivationSigner;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesParameters;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.internal.out.RequestSigner;
import org.opentokens.powerauth.token.port.out.SeededRandomSource;

/**
 * What every {@link PowerAuthServer} implementation must do, proven against the testkit's protocol-accurate
 * emulator (Wultra's server-side crypto): the services complete every flow through it, signed bodies are the
 * bytes that were signed, and failures map to the port's typed exceptions. Extend it and build the port for the
 * given emulator; the in-process double and the HTTP adapter both run it.
 */
public abstract class PowerAuthServerContract {
    private Testbed bed;

    /**
     * @param emulator the running emulator (start its HTTP front end if the port needs one)
     * @return the port under test, talking to that emulator
     */
    protected abstract PowerAuthServer createServer(PowerAuthEmulator emulator);

    @BeforeEach
    final void startTestbed() {
        bed = new Testbed(this::createServer);
    }

    @AfterEach
    final void stopTestbed() throws InterruptedException {
        bed.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_2", "V3_3"})
    void everyFlowOfTheServicesCompletesThroughThePort(ProtocolVersion version) {
        Testbed.Client client = bed.client("c" + version.ordinal(), version);
        String id = client.activate();
        assertThat(client.activation.fetchActivationStatus().join().state()).isEqualTo(ActivationState.ACTIVE);

        client.tokens.requestAccessToken("t", PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD)).join();
        assertThat(bed.useHeader(client.tokens.generateHeaderForToken("t"))).isEqualTo(200);
        client.tokens.removeAccessToken("t").join();
        assertThat(bed.emulator.tokens(id)).isEmpty();
        client.activation.removeActivation(PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD)).join();

        assertThat(bed.emulator.activation(id).state()).isEqualTo(EmulatorActivationState.REMOVED);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_1", "V3_3"})
    void passwordsAndTheVaultCompleteThroughThePort(ProtocolVersion version) {
        Testbed.Client client = bed.client("p" + version.ordinal(), version);
        String id = client.activate();

        assertThat(client.passwords.validatePassword(Testbed.PASSWORD).join().valid()).isTrue();
        assertThat(client.passwords.validatePassword("9999".toCharArray()).join().valid()).isFalse();
        assertThat(bed.emulator.activation(id).failedAttempts()).isEqualTo(1);
        byte[] key = client.vault.fetchEncryptionKey(PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD),
                7).join();
        assertThat(key).hasSize(16);
        assertThat(client.vault.signDataWithDevicePrivateKey(
                PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD), new byte[] {1, 2, 3}).join())
                .isNotEmpty();
        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
    }

    @Test
    void serverTimeIsTheServersClock() {
        assertThat(bed.port.fetchServerTime()).isCloseTo(bed.emulator.serverTimeMs(), within(5_000L));
    }

    @Test
    void aSignedRequestIsSignedOnceOverExactlyTheBytesSent() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        AtomicInteger signatures = new AtomicInteger();
        ActivationSigner activationSigner = new ActivationSigner(client.configuration, new SeededRandomSource(3));

        TokenId confirmed = client.state.transaction(tx -> {
            RequestSigner signer = activationSigner.signerFor(tx, PowerAuthAuthentication.possession(),
                    "/pa/token/remove");
            return bed.port.removeToken(TokenId.of("c8a8a2b4-3c52-4c5e-9d7c-1f2e3d4c5b6a"), body -> {
                signatures.incrementAndGet();
                return signer.sign(body);
            });
        });

        assertThat(signatures).hasValue(1);
        assertThat(confirmed.value()).isEqualTo("c8a8a2b4-3c52-4c5e-9d7c-1f2e3d4c5b6a");
        assertThat(bed.emulator.activation(id).failedAttempts()).as("the signature verified").isZero();
    }

    @Test
    void aSignerThatThrowsSendsNothing() {
        long before = bed.emulator.count("/pa/v3/token/remove");
        RequestSigner refusing = body -> {
            throw new MissingActivationException("no activation");
        };

        assertThatThrownBy(() -> bed.port.removeToken(TokenId.of("c8a8a2b4-3c52-4c5e-9d7c-1f2e3d4c5b6a"), refusing))
                .isInstanceOf(MissingActivationException.class);
        assertThat(bed.emulator.count("/pa/v3/token/remove")).isEqualTo(before);
    }

    @Test
    void aPowerAuthErrorBecomesARejectionWithStatusAndCode() {
        EncryptionHeader header = EncryptionHeader.of(
                new EciesParameters(ProtocolVersion.V3_2, bed.application.appKey(), null, null));
        EciesEncryptedRequest nonsense = new EciesEncryptedRequest(null, "AAAA", "AAAA", "AAAA", "AAAAAAAAAAAAAAAAAAAAAA==",
                bed.emulator.serverTimeMs());

        assertThatThrownBy(() -> bed.port.createActivation(nonsense, header))
                .isInstanceOfSatisfying(ServerRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isPresent();
                });
    }

    @Test
    void aNonPowerAuthErrorIsARejectionWithoutCode() {
        bed.emulator.faults().status("/pa/v3/status", 503, "<html>maintenance</html>");
        assertThatThrownBy(() -> bed.port.fetchServerTime())
                .isInstanceOfSatisfying(ServerRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.errorCode()).isEmpty();
                    assertThat(e.getMessage()).doesNotContain("maintenance");
                });
    }

    @Test
    void aDroppedConnectionIsUnreachable() {
        bed.emulator.faults().reset("/pa/v3/status");
        assertThatThrownBy(() -> bed.port.fetchServerTime()).isInstanceOf(ServerUnreachableException.class);
    }

    @Test
    void garbageIsAnInvalidResponse() {
        bed.emulator.faults().garbageJson("/pa/v3/keystore/create");
        assertThatThrownBy(() -> bed.port.createTemporaryKey("a.b.c")).isInstanceOf(InvalidServerResponseException.class);
    }
}
