package org.opentokens.powerauth.testkit;

import com.wultra.security.powerauth.crypto.lib.enums.PowerAuthCodeType;
import com.wultra.security.powerauth.crypto.server.v4.token.ServerTokenVerifier;
import com.wultra.security.powerauth.http.PowerAuthTokenHttpHeader;
import com.wultra.security.powerauth.http.validator.PowerAuthTokenHttpHeaderValidator;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.util.EnumSet;
import java.util.Set;

/**
 * The 4.0 checks of a protected sample resource: a {@code X-PowerAuth-Token} header with {@code version="4.0"}, or
 * with no token header a 4.0 {@code X-PowerAuth-Authorization} header (uriId = the resource path), as
 * {@code @PowerAuthToken} and {@code @PowerAuth} protect an endpoint of a 2.0 deployment.
 *
 * <p>Token checks, in order: the header passes Wultra 2.0.1's validator; the token exists and was created over 4.0;
 * its timestamp lies within the request expiration (default 60 s) on either side of server time; the KMAC digest
 * verifies with Wultra's v4 {@code ServerTokenVerifier}; the nonce was not used with this token within twice the
 * expiration (so within the window a reused nonce is always refused); the activation is ACTIVE; the token's type is
 * accepted. Every failure is the configured 401 with its reason.
 */
final class V4ResourceChecks {

    private final EmulatorState state;
    private final Set<PowerAuthSignatureTypes> accepted;
    private final V4AuthCodeVerifier verifier;

    V4ResourceChecks(EmulatorState state, Set<PowerAuthSignatureTypes> accepted) {
        this.state = state;
        this.accepted = Set.copyOf(accepted);
        this.verifier = new V4AuthCodeVerifier(state);
    }

    /** @return whether a token header says 4.0 */
    static boolean isV4Token(String headerValue) {
        return V4Crypto.VERSION.equals(new PowerAuthTokenHttpHeader().fromValue(headerValue).getVersion());
    }

    ServerTokenRecord checkToken(String headerValue) {
        PowerAuthTokenHttpHeader header = new PowerAuthTokenHttpHeader().fromValue(headerValue);
        WultraCrypto.client(() -> {
            PowerAuthTokenHttpHeaderValidator.validate(header);
            return null;
        }, () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        long timestamp;
        try {
            timestamp = Long.parseLong(header.getTimestamp());
        } catch (NumberFormatException e) {
            throw fail(EmulatorAuthFailure.HEADER_MALFORMED);
        }
        byte[] nonce = WultraCrypto.unb64(header.getNonce(), () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        byte[] digest = WultraCrypto.unb64(header.getTokenDigest(),
                () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        ServerTokenRecord token = state.token(header.getTokenId()).filter(ServerTokenRecord::isV4)
                .orElseThrow(() -> fail(EmulatorAuthFailure.TOKEN_UNKNOWN));
        long now = state.serverTimeMs();
        long window = state.config().v4RequestExpiration().toMillis();
        if (timestamp < now - window) {
            throw fail(EmulatorAuthFailure.TOKEN_TIMESTAMP_TOO_OLD);
        }
        if (timestamp > now + window) {
            throw fail(EmulatorAuthFailure.TOKEN_TIMESTAMP_IN_FUTURE);
        }
        ServerTokenVerifier tokenVerifier = new ServerTokenVerifier();
        boolean valid = WultraCrypto.client(() -> tokenVerifier.validateTokenDigest(nonce,
                tokenVerifier.convertTokenTimestamp(timestamp), V4Crypto.VERSION, token.secret(), digest),
                () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        if (!valid) {
            throw fail(EmulatorAuthFailure.TOKEN_DIGEST_INVALID);
        }
        if (!state.registerV4TokenNonce(token.tokenId(), header.getNonce())) {
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
        return token;
    }

    /** Verifies a 4.0 authorization header for the resource path; @return the verified request. */
    V4AuthCodeVerifier.Verified checkAuthorization(EmulatorRequest request, String uriId) {
        Set<PowerAuthCodeType> types = EnumSet.noneOf(PowerAuthCodeType.class);
        for (PowerAuthSignatureTypes type : accepted) {
            types.add(PowerAuthCodeType.valueOf(type.name()));
        }
        return verifier.verify(request, uriId, types);
    }

    private EmulatorRejection fail(EmulatorAuthFailure reason) {
        return state.tokenFailure(reason);
    }
}
