package org.opentokens.powerauth.token.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.ACTIVATION_ID;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.TOKEN_ID;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.ok;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.responseEnvelopeJson;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.port.internal.out.RequestSigner;

/** Signed calls: serialize, sign those bytes once, send exactly those bytes; a failed signing sends nothing. */
class JavaHttpPowerAuthServerSigningTest {
    private StubHttpServer stub;
    private JavaHttpPowerAuthServer server;

    @BeforeEach
    void startStub() {
        stub = StubHttpServer.start()
                .respond("/pa/v3/activation/remove", 200, ok("{\"activationId\":\"" + ACTIVATION_ID + "\"}"))
                .respond("/pa/v3/token/create", 200, responseEnvelopeJson())
                .respond("/pa/v3/token/remove", 200, ok("{\"tokenId\":\"" + TOKEN_ID + "\"}"));
        server = new JavaHttpPowerAuthServer(HttpServerConfig.builder().baseUri(stub.baseUri()).build());
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    static Stream<Arguments> signedCalls() {
        return Stream.of(
                Arguments.of("activation/remove", (SignedCall) (s, signer) -> s.removeActivation(signer)),
                Arguments.of("token/create", (SignedCall) (s, signer) -> s.createToken(TestWireFactory.envelope33(), signer)),
                Arguments.of("token/remove", (SignedCall) (s, signer) -> s.removeToken(TokenId.of(TOKEN_ID), signer)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedCalls")
    void signsExactlyOnceTheBytesTheServerReceives(String name, SignedCall call) {
        RecordingSigner signer = new RecordingSigner();

        call.run(server, signer);

        assertThat(signer.signed()).hasSize(1);
        assertThat(stub.onlyRequest().body()).isEqualTo(signer.signed().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedCalls")
    void aSignerThatThrowsSendsNothingAndPropagatesUnchanged(String name, SignedCall call) {
        MalformedDataException refusal = new MalformedDataException("no activation");

        assertThatThrownBy(() -> call.run(server, body -> {
            throw refusal;
        })).isSameAs(refusal);
        assertThat(stub.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedCalls")
    void doesNotResignOrResendWhenTheServerRejects(String name, SignedCall call) {
        stub.respond("/pa/v3/activation/remove", 401, TestWireFactory.error("ERR_AUTHENTICATION", "x"))
                .respond("/pa/v3/token/create", 401, TestWireFactory.error("ERR_AUTHENTICATION", "x"))
                .respond("/pa/v3/token/remove", 401, TestWireFactory.error("ERR_AUTHENTICATION", "x"));
        RecordingSigner signer = new RecordingSigner();

        assertThatThrownBy(() -> call.run(server, signer)).isInstanceOf(ServerRejectedException.class);
        assertThat(signer.signed()).hasSize(1);
        assertThat(stub.received()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedCalls")
    void doesNotResendWhenTheConnectionDrops(String name, SignedCall call) {
        StubHttpServer.Handler drop = exchange -> exchange.close();
        stub.on("/pa/v3/activation/remove", drop).on("/pa/v3/token/create", drop).on("/pa/v3/token/remove", drop);
        RecordingSigner signer = new RecordingSigner();

        assertThatThrownBy(() -> call.run(server, signer)).isInstanceOf(ServerUnreachableException.class);
        assertThat(signer.signed()).hasSize(1);
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aSignerThatScribblesOnItsArgumentDoesNotChangeWhatIsSent() {
        RecordingSigner recorder = new RecordingSigner();
        RequestSigner scribbler = body -> {
            recorder.sign(body);
            Arrays.fill(body, (byte) 'X');
            return recorder.header();
        };

        server.createToken(TestWireFactory.envelope33(), scribbler);

        assertThat(stub.onlyRequest().body()).isEqualTo(recorder.signed().get(0));
    }

    @Test
    void aSignerThatReturnsNoHeaderSendsNothing() {
        assertThatThrownBy(() -> server.removeActivation(body -> null)).isInstanceOf(NullPointerException.class);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void anEnvelopeWithoutRequiredFieldsIsRefusedBeforeSigning() {
        AtomicInteger signings = new AtomicInteger();
        EciesEncryptedRequest incomplete = new EciesEncryptedRequest(
                null, TestWireFactory.EPHEMERAL_KEY, TestWireFactory.ENCRYPTED_DATA, null, null, null);

        assertThatThrownBy(() -> server.createToken(incomplete, body -> {
            signings.incrementAndGet();
            return TestWireFactory.authorization();
        })).isInstanceOf(MalformedDataException.class).hasMessageContaining("mac");
        assertThat(signings).hasValue(0);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void aMissingSignerIsRefusedBeforeSending() {
        Consumer<Runnable> refused = r -> assertThatThrownBy(r::run).isInstanceOf(NullPointerException.class);

        refused.accept(() -> server.removeActivation(null));
        refused.accept(() -> server.createToken(TestWireFactory.envelope33(), null));
        refused.accept(() -> server.removeToken(TokenId.of(TOKEN_ID), null));
        assertThat(stub.received()).isEmpty();
    }

    /** One signed port call. */
    @FunctionalInterface
    interface SignedCall {
        void run(JavaHttpPowerAuthServer server, RequestSigner signer);
    }
}
