package org.opentokens.powerauth.token.adapter.http.internal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.adapter.http.internal.HttpServerConfig;
import org.opentokens.powerauth.token.adapter.http.internal.JavaHttpPowerAuthServer;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.internal.out.RequestSigner;
import org.opentokens.powerauth.token.testing.Fuzz;
import org.opentokens.powerauth.token.testing.FuzzInputs;
import org.opentokens.powerauth.token.testing.FuzzReport;
import org.opentokens.powerauth.token.testing.JsonMutations;
import org.opentokens.powerauth.token.testing.Mutations;
import org.opentokens.powerauth.token.testing.Reliability;

/**
 * Fuzzes every {@code /pa/v3} response shape through the real HTTP adapter ({@link JavaHttpPowerAuthServer}: capped
 * body subscriber, response reader, strict wire JSON, field checks) on an in-process client. Bodies are mutants of
 * valid answers and of PowerAuth error objects, with a success status mostly and error statuses sometimes. The
 * only allowed errors are the port's {@link InvalidServerResponseException} and {@link ServerRejectedException}.
 */
@Tag("reliability")
class ServerResponseFuzzTest {
    private static final String ACTIVATION_ID = "1b6c8a0e-3f4d-4b2a-9c1e-7d5f6a8b9c0d";
    private static final String TOKEN_ID = "d2e4f6a8-b0c2-4d4e-8f0a-1b3c5d7e9f01";
    private static final String B64_16 = "VVVVVVVVVVVVVVVVVVVVVQ==";
    private static final String B64_32 = "MzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzM=";
    private static final int[] ERROR_STATUSES = {400, 401, 403, 404, 500, 503, 302, 100, 199, 600};
    private static final String ENVELOPE_33 = "{\"encryptedData\":\"" + B64_32 + "\",\"mac\":\"" + B64_32
            + "\",\"nonce\":\"" + B64_16 + "\",\"timestamp\":1700000000123}";
    private static final String ENVELOPE_31 = "{\"encryptedData\":\"" + B64_32 + "\",\"mac\":\"" + B64_32 + "\"}";
    private static final RequestSigner SIGNER = body -> AuthorizationHeader.of(ProtocolVersion.V3_3, ACTIVATION_ID,
            B64_16, new byte[16], PowerAuthSignatureType.POSSESSION, B64_16);
    private static final EciesEncryptedRequest REQUEST = new EciesEncryptedRequest("key-1",
            "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIC", B64_32, B64_32, B64_16, 1_700_000_000_123L);

    private volatile InProcessHttpClient.Answer next;
    private final PowerAuthServer server = new JavaHttpPowerAuthServer(HttpServerConfig.builder()
            .baseUri("http://127.0.0.1:1/enrollment")
            .httpClient(new InProcessHttpClient(request -> next))
            .maxResponseBytes(64 * 1024)
            .build());

    @Test
    void serverStatusAnswersGiveOnlyTypedErrors() {
        fuzz("/pa/v3/status", List.of(ok("{\"serverTime\":1700000000123,\"application\":{\"name\":\"a\",\"version\":\"1\"}}")),
                s -> s.fetchServerTime());
    }

    @Test
    void keystoreAnswersGiveOnlyTypedErrors() {
        fuzz("/pa/v3/keystore/create", List.of(ok("{\"jwt\":\"eyJh.eyJz.c2ln\"}")), s -> s.createTemporaryKey("a.b.c"));
    }

    @Test
    void activationCreateAnswersGiveOnlyTypedErrors() {
        fuzz("/pa/v3/activation/create", List.of(ENVELOPE_33, ENVELOPE_31),
                s -> s.createActivation(REQUEST, new EncryptionHeader(ProtocolVersion.V3_3, B64_16, null)));
    }

    @Test
    void activationStatusAnswersGiveOnlyTypedErrors() {
        fuzz("/pa/v3/activation/status", List.of(
                ok("{\"activationId\":\"" + ACTIVATION_ID + "\",\"encryptedStatusBlob\":\"" + B64_32
                        + "\",\"nonce\":\"" + B64_16 + "\",\"customObject\":{\"a\":[1,2]}}"),
                ok("{\"activationId\":\"" + ACTIVATION_ID + "\",\"encryptedStatusBlob\":\"" + B64_32 + "\"}")),
                s -> s.fetchActivationStatus(ACTIVATION_ID, B64_16));
    }

    @Test
    void activationRemoveAnswersGiveOnlyTypedErrors() {
        fuzz("/pa/v3/activation/remove", List.of(ok("{\"activationId\":\"" + ACTIVATION_ID + "\"}")),
                s -> s.removeActivation(SIGNER));
    }

    @Test
    void tokenCreateAnswersGiveOnlyTypedErrors() {
        fuzz("/pa/v3/token/create", List.of(ENVELOPE_33, ENVELOPE_31), s -> s.createToken(REQUEST, SIGNER));
    }

    @Test
    void tokenRemoveAnswersGiveOnlyTypedErrors() {
        fuzz("/pa/v3/token/remove", List.of(ok("{\"tokenId\":\"" + TOKEN_ID + "\"}")),
                s -> s.removeToken(TokenId.of(TOKEN_ID), SIGNER));
    }

    private void fuzz(String path, List<String> validBodies, Function<PowerAuthServer, Object> call) {
        List<byte[]> seeds = new ArrayList<>();
        validBodies.forEach(b -> seeds.add(utf8(b)));
        seeds.add(utf8("{\"status\":\"ERROR\",\"responseObject\":{\"code\":\"ERR_AUTHENTICATION\",\"message\":\"no\"}}"));
        seeds.add(utf8("{\"status\":\"ERROR\",\"responseObject\":{\"code\":\"ERR_TEMPORARY_KEY\"}}"));
        FuzzInputs<byte[]> bodies = JsonMutations.of(seeds);
        FuzzInputs<InProcessHttpClient.Answer> answers = FuzzInputs.of(r -> {
            int status = r.nextInt(5) == 0 ? ERROR_STATUSES[r.nextInt(ERROR_STATUSES.length)] : 200 + r.nextInt(2) * 4;
            byte[] body = r.nextInt(200) == 0 ? new byte[70 * 1024] : bodies.next(r);
            return new InProcessHttpClient.Answer(status, body);
        });
        long[] successes = {0};
        FuzzReport report = Fuzz.target("fuzz: HTTP adapter, " + path + " answers", answers,
                        InvalidServerResponseException.class, ServerRejectedException.class)
                .describedBy(a -> a.status() + " " + Mutations.text(a.body()))
                .run(Reliability.pick(2_000, 40_000), answer -> {
                    next = answer;
                    Object result = call.apply(server);
                    if (result == null) {
                        throw new AssertionError("the adapter returned null");
                    }
                    if (answer.status() / 100 != 2) {
                        throw new AssertionError("an error status " + answer.status() + " was accepted");
                    }
                    successes[0]++;
                });

        report.assertNoUntypedErrors();
        assertThat(successes[0]).as("valid answers must be accepted").isPositive();
        assertThat(report.typed()).containsKeys("InvalidServerResponseException", "ServerRejectedException");
    }

    private static String ok(String responseObject) {
        return "{\"status\":\"OK\",\"responseObject\":" + responseObject + "}";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
