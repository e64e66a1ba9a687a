package org.opentokens.powerauth.token.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.ACTIVATION_ID;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.APP_KEY;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.TOKEN_ID;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.b64;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedRequest;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse;
import org.opentokens.powerauth.token.domain.internal.v4.aead.V4EncryptionHeader;
import org.opentokens.powerauth.token.domain.internal.v4.auth.AuthenticationCodeType;
import org.opentokens.powerauth.token.domain.internal.v4.auth.V4AuthorizationHeader;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServerV4;
import org.opentokens.powerauth.token.port.internal.out.V4RequestSigner;

/** The {@code /pa/v4} calls: paths, bare AEAD envelopes, wrapped plain bodies, headers, and signing once. */
class JavaHttpV4EndpointsTest {
    private static final String ENCRYPTED = b64(60, 0x33);
    private static final String RESPONSE_ENVELOPE = "{\"encryptedData\":\"" + ENCRYPTED + "\",\"timestamp\":1700000000999}";
    private static final AeadEncryptedRequest ENVELOPE = new AeadEncryptedRequest(
            "5c4a1e2b-0d3f-4a6b-8c9d-1e2f3a4b5c6d", ENCRYPTED, b64(24, 0x55), 1_700_000_000_123L);

    private StubHttpServer stub;
    private JavaHttpPowerAuthServer http;
    private PowerAuthServerV4 server;

    @BeforeEach
    void startStub() {
        stub = StubHttpServer.start()
                .respond("/pa/v4/status", 200, ok("{\"serverTime\":1700000000777,\"supportedAlgorithms\":[]}"))
                .respond("/pa/v4/keystore/create", 200, ok("{\"jwt\":\"{\\\"payload\\\":\\\"e30\\\"}\"}"))
                .respond("/pa/v4/activation/create", 200, RESPONSE_ENVELOPE)
                .respond("/pa/v4/activation/status", 200, RESPONSE_ENVELOPE)
                .respond("/pa/v4/activation/confirm", 200, "{\"status\":\"OK\"}")
                .respond("/pa/v4/activation/remove", 200, ok("{\"activationId\":\"" + ACTIVATION_ID + "\"}"))
                .respond("/pa/v4/token/create", 200, RESPONSE_ENVELOPE)
                .respond("/pa/v4/token/remove", 200, ok("{\"tokenId\":\"" + TOKEN_ID + "\"}"));
        http = new JavaHttpPowerAuthServer(HttpServerConfig.builder().baseUri(stub.baseUri()).build());
        server = http.v4();
    }

    @AfterEach
    void stopStub() {
        http.close();
        stub.close();
    }

    @Test
    void statusPostsAnEmptyRequestObjectAndReadsServerTime() {
        assertThat(server.fetchServerTime()).isEqualTo(1_700_000_000_777L);

        ReceivedRequest request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/pa/v4/status");
        assertThat(request.json().get("requestObject").isObject()).isTrue();
    }

    @Test
    void keystoreSendsTheJwtWrappedAndReturnsTheJwsDocumentAsText() {
        assertThat(server.createTemporaryKey("a.b.c")).isEqualTo("{\"payload\":\"e30\"}");

        assertThat(stub.onlyRequest().json().at("/requestObject/jwt").asText()).isEqualTo("a.b.c");
    }

    @Test
    void activationCreateSendsTheBareEnvelopeWithTheEncryptionHeader() {
        AeadEncryptedResponse response = server.createActivation(ENVELOPE, new V4EncryptionHeader(APP_KEY, null));

        assertThat(response).isEqualTo(new AeadEncryptedResponse(ENCRYPTED, 1_700_000_000_999L));
        ReceivedRequest request = stub.onlyRequest();
        assertThat(request.path()).isEqualTo("/pa/v4/activation/create");
        assertBareEnvelope(request.json());
        assertThat(request.header("X-PowerAuth-Encryption")).contains(
                "PowerAuth version=\"4.0\", application_key=\"" + APP_KEY + "\"");
        assertThat(request.header("X-PowerAuth-Authorization")).isEmpty();
    }

    @Test
    void activationStatusNamesTheActivationInTheEncryptionHeader() {
        server.fetchActivationStatus(ENVELOPE, new V4EncryptionHeader(APP_KEY, ACTIVATION_ID));

        ReceivedRequest request = stub.onlyRequest();
        assertThat(request.path()).isEqualTo("/pa/v4/activation/status");
        assertBareEnvelope(request.json());
        assertThat(request.header("X-PowerAuth-Encryption").orElseThrow()).contains(
                "activation_id=\"" + ACTIVATION_ID + "\"");
    }

    @Test
    void aResponseEnvelopeWithoutTimestampIsInvalid() {
        stub.respond("/pa/v4/token/create", 200, "{\"encryptedData\":\"" + ENCRYPTED + "\"}");

        assertThatThrownBy(() -> server.createToken(ENVELOPE, new Signer()))
                .isInstanceOf(InvalidServerResponseException.class).hasMessageContaining("timestamp");
    }

    @Test
    void confirmSendsEnableBiometryAndAcceptsABareOk() {
        server.confirmActivation(true, new Signer());

        ReceivedRequest request = stub.onlyRequest();
        assertThat(request.json().at("/requestObject/enableBiometry").asBoolean()).isTrue();
    }

    @Test
    void confirmRejectsAnAnswerThatIsNotOk() {
        stub.respond("/pa/v4/activation/confirm", 200, "{\"status\":\"PENDING\"}");

        assertThatThrownBy(() -> server.confirmActivation(false, new Signer()))
                .isInstanceOf(InvalidServerResponseException.class);
    }

    @Test
    void anErrorBodyIsARejectionWithItsCode() {
        stub.respond("/pa/v4/token/create", 401, TestWireFactory.error("ERR_AUTHENTICATION", "POWER_AUTH_CODE_INVALID"));

        assertThatThrownBy(() -> server.createToken(ENVELOPE, new Signer()))
                .isInstanceOfSatisfying(ServerRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.hasErrorCode("ERR_AUTHENTICATION")).isTrue();
                });
    }

    static Stream<Arguments> signedCalls() {
        return Stream.of(
                Arguments.of("/pa/v4/activation/confirm", (SignedCall) (s, signer) -> s.confirmActivation(false, signer)),
                Arguments.of("/pa/v4/activation/remove", (SignedCall) PowerAuthServerV4::removeActivation),
                Arguments.of("/pa/v4/token/create", (SignedCall) (s, signer) -> s.createToken(ENVELOPE, signer)),
                Arguments.of("/pa/v4/token/remove", (SignedCall) (s, signer) -> s.removeToken(TokenId.of(TOKEN_ID),
                        signer)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedCalls")
    void signsOnceTheBytesSentAndSendsTheV4Header(String path, SignedCall call) {
        Signer signer = new Signer();

        call.run(server, signer);

        ReceivedRequest request = stub.onlyRequest();
        assertThat(request.path()).isEqualTo(path);
        assertThat(signer.signed).hasSize(1);
        assertThat(request.body()).isEqualTo(signer.signed.get(0));
        assertThat(request.header("X-PowerAuth-Authorization")).contains(Signer.HEADER.value());
        assertThat(request.header("X-PowerAuth-Encryption")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedCalls")
    void aSignerThatThrowsSendsNothing(String path, SignedCall call) {
        MalformedDataException refusal = new MalformedDataException("no activation");

        assertThatThrownBy(() -> call.run(server, body -> {
            throw refusal;
        })).isSameAs(refusal);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void removeCallsWrapTheirPayload() {
        server.removeToken(TokenId.of(TOKEN_ID), new Signer());
        server.removeActivation(new Signer());

        assertThat(stub.received().get(0).json().at("/requestObject/tokenId").asText()).isEqualTo(TOKEN_ID);
        assertThat(stub.received().get(1).json().get("requestObject").isObject()).isTrue();
    }

    private static void assertBareEnvelope(JsonNode json) {
        assertThat(json.has("requestObject")).isFalse();
        assertThat(json.get("temporaryKeyId").asText()).isEqualTo(ENVELOPE.temporaryKeyId());
        assertThat(json.get("encryptedData").asText()).isEqualTo(ENCRYPTED);
        assertThat(json.get("nonce").asText()).isEqualTo(ENVELOPE.nonce());
        assertThat(json.get("timestamp").asLong()).isEqualTo(ENVELOPE.timestamp());
    }

    @FunctionalInterface
    interface SignedCall {
        void run(PowerAuthServerV4 server, V4RequestSigner signer);
    }

    private static final class Signer implements V4RequestSigner {
        static final V4AuthorizationHeader HEADER = V4AuthorizationHeader.of(ACTIVATION_ID, APP_KEY, new byte[16],
                AuthenticationCodeType.POSSESSION, b64(32, 0x77));
        final List<byte[]> signed = new ArrayList<>();

        @Override
        public V4AuthorizationHeader sign(byte[] body) {
            signed.add(body.clone());
            return HEADER;
        }
    }
}
