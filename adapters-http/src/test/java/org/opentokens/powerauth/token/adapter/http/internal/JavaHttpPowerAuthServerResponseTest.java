package org.opentokens.powerauth.token.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.ACTIVATION_ID;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.ENCRYPTED_DATA;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.MAC;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.NONCE;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.TIMESTAMP;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.TOKEN_ID;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.ok;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.port.internal.out.ActivationStatusResponse;

/** What the adapter reads from a 2xx answer, and which answers it refuses as malformed. */
class JavaHttpPowerAuthServerResponseTest {
    private StubHttpServer stub;
    private JavaHttpPowerAuthServer server;

    @BeforeEach
    void startStub() {
        stub = StubHttpServer.start();
        server = new JavaHttpPowerAuthServer(HttpServerConfig.builder().baseUri(stub.baseUri()).build());
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void readsServerTime() {
        stub.respond("/pa/v3/status", 200,
                ok("{\"serverTime\":1700000000123,\"application\":{\"name\":\"enrollment\",\"version\":\"1.10\"}}"));

        assertThat(server.fetchServerTime()).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void readsTheResponseJwt() {
        stub.respond("/pa/v3/keystore/create", 200, ok("{\"jwt\":\"eyJh.eyJz.c2ln\"}"));

        assertThat(server.createTemporaryKey("req.jwt.x")).isEqualTo("eyJh.eyJz.c2ln");
    }

    @Test
    void readsAFullResponseEnvelope() {
        stub.respond("/pa/v3/token/create", 200, TestWireFactory.responseEnvelopeJson());

        EciesEncryptedResponse response = server.createToken(TestWireFactory.envelope33(), new RecordingSigner());

        assertThat(response).isEqualTo(new EciesEncryptedResponse(ENCRYPTED_DATA, MAC, NONCE, TIMESTAMP));
    }

    @Test
    void readsAnEnvelopeWithoutNonceAndTimestamp() {
        stub.respond("/pa/v3/activation/create", 200,
                "{\"encryptedData\":\"" + ENCRYPTED_DATA + "\",\"mac\":\"" + MAC + "\"}");

        EciesEncryptedResponse response = server.createActivation(TestWireFactory.envelope31(),
                TestWireFactory.applicationScopeHeader());

        assertThat(response).isEqualTo(new EciesEncryptedResponse(ENCRYPTED_DATA, MAC, null, null));
    }

    @Test
    void readsActivationStatusAndIgnoresCustomObject() {
        stub.respond("/pa/v3/activation/status", 200, ok("{\"activationId\":\"" + ACTIVATION_ID
                + "\",\"encryptedStatusBlob\":\"YmxvYg==\",\"nonce\":\"" + NONCE + "\",\"customObject\":{\"a\":[1]}}"));

        ActivationStatusResponse status = server.fetchActivationStatus(ACTIVATION_ID, NONCE);

        assertThat(status).isEqualTo(new ActivationStatusResponse(ACTIVATION_ID, "YmxvYg==", NONCE));
    }

    @Test
    void readsActivationStatusWithoutNonce() {
        stub.respond("/pa/v3/activation/status", 200,
                ok("{\"activationId\":\"" + ACTIVATION_ID + "\",\"encryptedStatusBlob\":\"YmxvYg==\"}"));

        assertThat(server.fetchActivationStatus(ACTIVATION_ID, null).nonceBase64()).isNull();
    }

    @Test
    void readsRemovedIds() {
        stub.respond("/pa/v3/activation/remove", 200, ok("{\"activationId\":\"" + ACTIVATION_ID + "\"}"))
                .respond("/pa/v3/token/remove", 200, ok("{\"tokenId\":\"" + TOKEN_ID + "\"}"));

        assertThat(server.removeActivation(new RecordingSigner())).isEqualTo(ACTIVATION_ID);
        assertThat(server.removeToken(TokenId.of(TOKEN_ID), new RecordingSigner())).isEqualTo(TokenId.of(TOKEN_ID));
    }

    @Test
    void ignoresUnknownFieldsAndToleratesAMissingStatus() {
        stub.respond("/pa/v3/status", 200, "{\"responseObject\":{\"serverTime\":5,\"extra\":true},\"more\":[]}")
                .respond("/pa/v3/token/create", 200, "{\"encryptedData\":\"e\",\"mac\":\"m\",\"future\":{\"x\":1}}");

        assertThat(server.fetchServerTime()).isEqualTo(5L);
        assertThat(server.createToken(TestWireFactory.envelope33(), new RecordingSigner()).encryptedData())
                .isEqualTo("e");
    }

    @Test
    void acceptsAnyTwoHundredStatus() {
        stub.respond("/pa/v3/status", 203, ok("{\"serverTime\":7}"));

        assertThat(server.fetchServerTime()).isEqualTo(7L);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "", "<html>oops</html>", "garbage", "[]", "\"text\"", "{\"status\":\"OK\"", "{}{}",
        "{\"status\":\"OK\",\"responseObject\":{\"serverTime\":1,\"serverTime\":2}}",
        "{\"status\":\"OK\"}", "{\"status\":\"OK\",\"responseObject\":null}", "{\"status\":\"OK\",\"responseObject\":[]}",
        "{\"status\":\"OK\",\"responseObject\":{}}", "{\"status\":\"OK\",\"responseObject\":{\"serverTime\":null}}",
        "{\"status\":\"OK\",\"responseObject\":{\"serverTime\":\"1700000000000\"}}",
        "{\"status\":\"OK\",\"responseObject\":{\"serverTime\":1.7E12}}",
        "{\"status\":\"OK\",\"responseObject\":{\"serverTime\":true}}",
        "{\"status\":\"OK\",\"responseObject\":{\"serverTime\":99999999999999999999999}}",
        "{\"status\":\"PENDING\",\"responseObject\":{\"serverTime\":1}}",
        "{\"status\":42,\"responseObject\":{\"serverTime\":1}}"
    })
    void refusesAMalformedStatusAnswer(String body) {
        stub.respond("/pa/v3/status", 200, body);

        assertThatThrownBy(() -> server.fetchServerTime()).isInstanceOf(InvalidServerResponseException.class)
                .hasMessageStartingWith("POST /pa/v3/status: ");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{}", "{\"encryptedData\":\"e\"}", "{\"mac\":\"m\"}", "{\"encryptedData\":1,\"mac\":\"m\"}",
        "{\"encryptedData\":\"e\",\"mac\":\"m\",\"timestamp\":\"12\"}",
        "{\"encryptedData\":\"e\",\"mac\":\"m\",\"timestamp\":1.5}",
        "{\"encryptedData\":\"e\",\"mac\":\"m\",\"nonce\":{}}",
        "{\"encryptedData\":[\"e\"],\"mac\":\"m\"}"
    })
    void refusesAMalformedEnvelope(String body) {
        stub.respond("/pa/v3/token/create", 200, body);

        assertThatThrownBy(() -> server.createToken(TestWireFactory.envelope33(), new RecordingSigner()))
                .isInstanceOf(InvalidServerResponseException.class);
    }

    @Test
    void refusesMissingPayloadFieldsByName() {
        stub.respond("/pa/v3/keystore/create", 200, ok("{}"))
                .respond("/pa/v3/activation/status", 200, ok("{\"activationId\":\"" + ACTIVATION_ID + "\"}"))
                .respond("/pa/v3/activation/remove", 200, ok("{}"))
                .respond("/pa/v3/token/remove", 200, ok("{}"));

        assertThatThrownBy(() -> server.createTemporaryKey("a.b.c"))
                .isInstanceOf(InvalidServerResponseException.class).hasMessageContaining("responseObject.jwt");
        assertThatThrownBy(() -> server.fetchActivationStatus(ACTIVATION_ID, null))
                .isInstanceOf(InvalidServerResponseException.class).hasMessageContaining("encryptedStatusBlob");
        assertThatThrownBy(() -> server.removeActivation(new RecordingSigner()))
                .isInstanceOf(InvalidServerResponseException.class).hasMessageContaining("activationId");
        assertThatThrownBy(() -> server.removeToken(TokenId.of(TOKEN_ID), new RecordingSigner()))
                .isInstanceOf(InvalidServerResponseException.class).hasMessageContaining("tokenId");
    }

    @Test
    void refusesARemovedTokenIdThatIsNotAUuid() {
        stub.respond("/pa/v3/token/remove", 200, ok("{\"tokenId\":\"not-a-uuid\"}"));

        assertThatThrownBy(() -> server.removeToken(TokenId.of(TOKEN_ID), new RecordingSigner()))
                .isInstanceOf(InvalidServerResponseException.class)
                .hasMessageContaining("not a valid token ID")
                .hasMessageNotContaining("not-a-uuid");
    }

    @Test
    void refusesAResponseNestedTooDeeply() {
        String deep = "{\"status\":\"OK\",\"responseObject\":{\"serverTime\":1,\"x\":" + "[".repeat(40)
                + "]".repeat(40) + "}}";
        stub.respond("/pa/v3/status", 200, deep);

        assertThatThrownBy(() -> server.fetchServerTime()).isInstanceOf(InvalidServerResponseException.class);
    }
}
