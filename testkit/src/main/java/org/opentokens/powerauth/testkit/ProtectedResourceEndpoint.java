package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.server.token.ServerTokenVerifier;
import io.getlime.security.powerauth.http.PowerAuthTokenHttpHeader;
import io.getlime.security.powerauth.http.validator.PowerAuthTokenHttpHeaderValidator;

/**
 * {@code GET|POST /api/resource}, protected by {@code X-PowerAuth-Token}. Checks, in order: the header parses and
 * passes Wultra's validator; the token exists; its timestamp is not older than the past validity (401
 * {@code ERR0030}) nor further ahead than the future validity (401 {@code ERR0044}); the digest verifies with
 * Wultra's {@code ServerTokenVerifier} for the header's version; the token ID and nonce pair is new (a replay
 * fails); the activation is ACTIVE. Every other failure is 401 {@code POWERAUTH_AUTH_FAIL}.
 */
final class ProtectedResourceEndpoint {

    private final EmulatorState state;

    ProtectedResourceEndpoint(EmulatorState state) {
        this.state = state;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        String value = request.header(PowerAuthTokenHttpHeader.HEADER_NAME);
        if (value == null) {
            throw EmulatorRejection.tokenAuth();
        }
        PowerAuthTokenHttpHeader header = new PowerAuthTokenHttpHeader().fromValue(value);
        WultraCrypto.client(() -> {
            PowerAuthTokenHttpHeaderValidator.validate(header);
            return null;
        }, EmulatorRejection::tokenAuth);
        TokenRecord token = state.token(header.getTokenId()).orElseThrow(EmulatorRejection::tokenAuth);
        long timestamp = parseTimestamp(header.getTimestamp());
        long now = state.serverTimeMs();
        if (timestamp < now - state.config().tokenPastValidity().toMillis()) {
            throw new EmulatorRejection(401, ErrorCodes.TOKEN_TOO_OLD, "Token timestamp is too old");
        }
        if (timestamp > now + state.config().tokenFutureValidity().toMillis()) {
            throw new EmulatorRejection(401, ErrorCodes.TOKEN_IN_FUTURE, "Token timestamp is too far in the future");
        }
        byte[] nonce = WultraCrypto.unb64(header.getNonce(), EmulatorRejection::tokenAuth);
        byte[] digest = WultraCrypto.unb64(header.getTokenDigest(), EmulatorRejection::tokenAuth);
        ServerTokenVerifier verifier = new ServerTokenVerifier();
        boolean valid = WultraCrypto.client(() -> verifier.validateTokenDigest(nonce,
                verifier.convertTokenTimestamp(timestamp), header.getVersion(), token.secret(), digest),
                EmulatorRejection::tokenAuth);
        if (!valid || !state.registerTokenNonce(token.tokenId(), header.getNonce())) {
            throw EmulatorRejection.tokenAuth();
        }
        ActivationRecord activation = state.findActivation(token.activationId())
                .orElseThrow(EmulatorRejection::tokenAuth);
        if (activation.state() != EmulatorActivationState.ACTIVE) {
            throw EmulatorRejection.tokenAuth();
        }
        ObjectNode responseObject = Json.object();
        responseObject.put("tokenId", token.tokenId());
        responseObject.put("activationId", token.activationId());
        responseObject.put("signatureType", token.signatureType());
        return Json.ok(responseObject);
    }

    private static long parseTimestamp(String timestamp) {
        try {
            return Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw EmulatorRejection.tokenAuth();
        }
    }
}
