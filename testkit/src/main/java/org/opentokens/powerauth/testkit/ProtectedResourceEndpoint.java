package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import io.getlime.security.powerauth.crypto.server.token.ServerTokenVerifier;
import io.getlime.security.powerauth.http.PowerAuthTokenHttpHeader;
import io.getlime.security.powerauth.http.validator.PowerAuthTokenHttpHeaderValidator;
import java.util.Set;

/**
 * A resource protected by {@code X-PowerAuth-Token}, as {@code @PowerAuthToken(signatureType = ...)} protects one.
 * Checks, in order: the header parses and passes Wultra's validator; the token exists; its timestamp is not older
 * than the past window nor further ahead than the version's future window; the digest verifies with Wultra's
 * {@code ServerTokenVerifier}; the token ID and nonce pair is new (it is then remembered, see the replay memory);
 * the activation is ACTIVE; the token's signature type is one the resource accepts. Every failure is the
 * configured 401 ({@link EmulatorState#tokenFailure}) with its {@link EmulatorAuthFailure reason}.
 *
 * <p>A header that says {@code version="4.0"}, or with no token header a 4.0 {@code X-PowerAuth-Authorization}
 * header, goes to {@link V4ResourceChecks}; with {@code minSupportedProtocolVersion} 4 a 3.x token header is refused.
 */
final class ProtectedResourceEndpoint {

    private final EmulatorState state;
    private final Set<PowerAuthSignatureTypes> accepted;
    private final V4ResourceChecks v4;

    ProtectedResourceEndpoint(EmulatorState state, Set<PowerAuthSignatureTypes> accepted) {
        this.state = state;
        this.accepted = Set.copyOf(accepted);
        this.v4 = new V4ResourceChecks(state, accepted);
    }

    EmulatorResponse handle(EmulatorRequest request) {
        String value = request.header(PowerAuthTokenHttpHeader.HEADER_NAME);
        if (value == null) {
            if (V4AuthCodeVerifier.isV4(request)) {
                V4AuthCodeVerifier.Verified verified = v4.checkAuthorization(request,
                        Dispatcher.stripQuery(request.path()));
                ObjectNode responseObject = Json.object();
                responseObject.put("activationId", verified.activation().activationId());
                responseObject.put("signatureType", verified.codeType());
                return Json.ok(responseObject);
            }
            throw fail(EmulatorAuthFailure.HEADER_MISSING);
        }
        if (V4ResourceChecks.isV4Token(value)) {
            return answer(v4.checkToken(value));
        }
        if (!state.config().servesV3()) {
            throw fail(EmulatorAuthFailure.PROTOCOL_VERSION_NOT_SUPPORTED);
        }
        PowerAuthTokenHttpHeader header = new PowerAuthTokenHttpHeader().fromValue(value);
        WultraCrypto.client(() -> {
            PowerAuthTokenHttpHeaderValidator.validate(header);
            return null;
        }, () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        String version = header.getVersion();
        long timestamp = parseTimestamp(header.getTimestamp());
        byte[] nonce = WultraCrypto.unb64(header.getNonce(), () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        byte[] digest = WultraCrypto.unb64(header.getTokenDigest(),
                () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        ServerTokenRecord token = state.token(header.getTokenId()).filter(t -> !t.isV4())
                .orElseThrow(() -> fail(EmulatorAuthFailure.TOKEN_UNKNOWN));
        long now = state.serverTimeMs();
        if (timestamp < now - state.config().tokenPastValidity().toMillis()) {
            throw fail(EmulatorAuthFailure.TOKEN_TIMESTAMP_TOO_OLD);
        }
        if (timestamp > now + state.config().tokenFutureValidity(version).toMillis()) {
            throw fail(EmulatorAuthFailure.TOKEN_TIMESTAMP_IN_FUTURE);
        }
        ServerTokenVerifier verifier = new ServerTokenVerifier();
        boolean valid = WultraCrypto.client(() -> verifier.validateTokenDigest(nonce,
                verifier.convertTokenTimestamp(timestamp), version, token.secret(), digest),
                () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        if (!valid) {
            throw fail(EmulatorAuthFailure.TOKEN_DIGEST_INVALID);
        }
        if (!state.registerTokenNonce(token.tokenId(), header.getNonce(), version)) {
            throw fail(EmulatorAuthFailure.TOKEN_REPLAYED);
        }
        ServerActivationRecord activation = state.findActivation(token.activationId())
                .orElseThrow(() -> fail(EmulatorAuthFailure.ACTIVATION_UNKNOWN));
        if (activation.state() != EmulatorActivationState.ACTIVE) {
            throw fail(EmulatorAuthFailure.ACTIVATION_NOT_ACTIVE);
        }
        if (!accepted.contains(PowerAuthSignatureTypes.getEnumFromString(token.signatureType()))) {
            throw fail(EmulatorAuthFailure.SIGNATURE_TYPE_NOT_ALLOWED);
        }
        return answer(token);
    }

    private static EmulatorResponse answer(ServerTokenRecord token) {
        ObjectNode responseObject = Json.object();
        responseObject.put("tokenId", token.tokenId());
        responseObject.put("activationId", token.activationId());
        responseObject.put("signatureType", token.signatureType());
        return Json.ok(responseObject);
    }

    private EmulatorRejection fail(EmulatorAuthFailure reason) {
        return state.tokenFailure(reason);
    }

    private long parseTimestamp(String timestamp) {
        try {
            return Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw fail(EmulatorAuthFailure.HEADER_MALFORMED);
        }
    }
}
