package org.opentokens.powerauth.token.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.ACTIVATION_ID;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.EPHEMERAL_KEY;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.TOKEN_ID;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.ok;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.responseEnvelopeJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;

/** What the adapter sends: method, path, exact JSON per endpoint, and which headers go with it. */
class JavaHttpPowerAuthServerRequestTest {
    private StubHttpServer stub;
    private JavaHttpPowerAuthServer server;

    @BeforeEach
    void startStub() {
        stub = StubHttpServer.start()
                .respond("/pa/v3/status", 200, ok("{\"serverTime\":1700000000000}"))
                .respond("/pa/v3/keystore/create", 200, ok("{\"jwt\":\"response.jwt.value\"}"))
                .respond("/pa/v3/activation/create", 200, responseEnvelopeJson())
                .respond("/pa/v3/activation/status", 200,
                        ok("{\"activationId\":\"" + ACTIVATION_ID + "\",\"encryptedStatusBlob\":\"blob\"}"))
                .respond("/pa/v3/activation/remove", 200, ok("{\"activationId\":\"" + ACTIVATION_ID + "\"}"))
                .respond("/pa/v3/token/create", 200, responseEnvelopeJson())
                .respond("/pa/v3/token/remove", 200, ok("{\"tokenId\":\"" + TOKEN_ID + "\"}"));
        server = new JavaHttpPowerAuthServer(HttpServerConfig.builder().baseUri(stub.baseUri()).build());
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void statusSendsAnEmptyObject() {
        server.fetchServerTime();

        ReceivedRequest request = stub.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/pa/v3/status");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void keystoreWrapsTheJwtInRequestObject() {
        server.createTemporaryKey("header.claims.signature");

        JsonNode json = stub.onlyRequest().json();
        assertThat(stub.onlyRequest().path()).isEqualTo("/pa/v3/keystore/create");
        assertThat(fieldNames(json)).containsExactly("requestObject");
        assertThat(fieldNames(json.get("requestObject"))).containsExactly("jwt");
        assertThat(json.at("/requestObject/jwt").textValue()).isEqualTo("header.claims.signature");
    }

    @Test
    void activationCreateSendsTheUnwrappedEnvelopeWithTheEncryptionHeader() {
        EncryptionHeader header = TestWireFactory.applicationScopeHeader();

        server.createActivation(TestWireFactory.envelope33(), header);

        ReceivedRequest request = stub.onlyRequest();
        assertThat(request.path()).isEqualTo("/pa/v3/activation/create");
        assertEnvelope(request.json(), TestWireFactory.envelope33());
        assertThat(request.header(EncryptionHeader.HEADER_NAME)).contains(header.value());
        assertThat(request.header(AuthorizationHeader.HEADER_NAME)).isEmpty();
    }

    @Test
    void envelopeLeavesOutFieldsTheVersionLacks() {
        server.createActivation(TestWireFactory.envelope31(), TestWireFactory.applicationScopeHeader());
        server.createActivation(TestWireFactory.envelope30(), TestWireFactory.applicationScopeHeader());

        JsonNode v31 = stub.received().get(0).json();
        JsonNode v30 = stub.received().get(1).json();
        assertThat(fieldNames(v31)).containsExactly("ephemeralPublicKey", "encryptedData", "mac", "nonce");
        assertThat(fieldNames(v30)).containsExactly("ephemeralPublicKey", "encryptedData", "mac");
        assertEnvelope(v31, TestWireFactory.envelope31());
        assertEnvelope(v30, TestWireFactory.envelope30());
    }

    @Test
    void activationStatusWrapsIdAndChallenge() {
        server.fetchActivationStatus(ACTIVATION_ID, "Y2hhbGxlbmdlMTIzNDU2Nw==");

        JsonNode json = stub.onlyRequest().json();
        assertThat(stub.onlyRequest().path()).isEqualTo("/pa/v3/activation/status");
        assertThat(fieldNames(json)).containsExactly("requestObject");
        assertThat(fieldNames(json.get("requestObject"))).containsExactly("activationId", "challenge");
        assertThat(json.at("/requestObject/activationId").textValue()).isEqualTo(ACTIVATION_ID);
        assertThat(json.at("/requestObject/challenge").textValue()).isEqualTo("Y2hhbGxlbmdlMTIzNDU2Nw==");
    }

    @Test
    void activationStatusLeavesOutAnAbsentChallenge() {
        server.fetchActivationStatus(ACTIVATION_ID, null);

        JsonNode json = stub.onlyRequest().json();
        assertThat(fieldNames(json.get("requestObject"))).containsExactly("activationId");
    }

    @Test
    void activationRemoveSendsAnEmptyObjectSigned() {
        RecordingSigner signer = new RecordingSigner();

        server.removeActivation(signer);

        ReceivedRequest request = stub.onlyRequest();
        assertThat(request.path()).isEqualTo("/pa/v3/activation/remove");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(request.header(AuthorizationHeader.HEADER_NAME)).contains(signer.header().value());
        assertThat(request.header(EncryptionHeader.HEADER_NAME)).isEmpty();
    }

    @Test
    void tokenCreateSendsTheUnwrappedEnvelopeSignedWithoutEncryptionHeader() {
        RecordingSigner signer = new RecordingSigner();

        server.createToken(TestWireFactory.envelope33(), signer);

        ReceivedRequest request = stub.onlyRequest();
        assertThat(request.path()).isEqualTo("/pa/v3/token/create");
        assertEnvelope(request.json(), TestWireFactory.envelope33());
        assertThat(request.header(AuthorizationHeader.HEADER_NAME)).contains(signer.header().value());
        assertThat(request.header(EncryptionHeader.HEADER_NAME)).isEmpty();
    }

    @Test
    void tokenRemoveWrapsTheTokenIdSigned() {
        RecordingSigner signer = new RecordingSigner();

        server.removeToken(TokenId.of(TOKEN_ID), signer);

        ReceivedRequest request = stub.onlyRequest();
        JsonNode json = request.json();
        assertThat(request.path()).isEqualTo("/pa/v3/token/remove");
        assertThat(fieldNames(json)).containsExactly("requestObject");
        assertThat(fieldNames(json.get("requestObject"))).containsExactly("tokenId");
        assertThat(json.at("/requestObject/tokenId").textValue()).isEqualTo(TOKEN_ID);
        assertThat(request.header(AuthorizationHeader.HEADER_NAME)).contains(signer.header().value());
    }

    @Test
    void everyRequestIsJsonPostWithContentTypeAndAccept() {
        RecordingSigner signer = new RecordingSigner();
        server.fetchServerTime();
        server.createTemporaryKey("a.b.c");
        server.createActivation(TestWireFactory.envelope33(), TestWireFactory.applicationScopeHeader());
        server.fetchActivationStatus(ACTIVATION_ID, null);
        server.removeActivation(signer);
        server.createToken(TestWireFactory.envelope33(), signer);
        server.removeToken(TokenId.of(TOKEN_ID), signer);

        assertThat(stub.received()).hasSize(7).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("Content-Type")).contains("application/json");
            assertThat(r.header("Accept")).contains("application/json");
            assertThat(r.headerNames()).noneMatch(n -> n.equals("x-powerauth-token"));
        });
    }

    private static void assertEnvelope(JsonNode json, EciesEncryptedRequest expected) {
        assertThat(json.has("requestObject")).isFalse();
        assertThat(json.get("ephemeralPublicKey").textValue()).isEqualTo(EPHEMERAL_KEY);
        assertThat(json.get("encryptedData").textValue()).isEqualTo(expected.encryptedData());
        assertThat(json.get("mac").textValue()).isEqualTo(expected.mac());
        assertOptionalText(json, "temporaryKeyId", expected.temporaryKeyId());
        assertOptionalText(json, "nonce", expected.nonce());
        if (expected.timestamp() == null) {
            assertThat(json.has("timestamp")).isFalse();
        } else {
            assertThat(json.get("timestamp").isIntegralNumber()).isTrue();
            assertThat(json.get("timestamp").longValue()).isEqualTo(expected.timestamp());
        }
    }

    private static void assertOptionalText(JsonNode json, String field, String expected) {
        if (expected == null) {
            assertThat(json.has(field)).as(field + " absent").isFalse();
        } else {
            assertThat(json.get(field).textValue()).isEqualTo(expected);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
