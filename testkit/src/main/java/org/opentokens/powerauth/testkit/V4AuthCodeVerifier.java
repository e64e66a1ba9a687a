package org.opentokens.powerauth.testkit;

import com.wultra.security.powerauth.crypto.lib.config.AuthenticationCodeConfiguration;
import com.wultra.security.powerauth.crypto.lib.enums.PowerAuthCodeType;
import com.wultra.security.powerauth.crypto.lib.generator.HashBasedCounter;
import com.wultra.security.powerauth.crypto.server.v4.authentication.PowerAuthServerAuthentication;
import com.wultra.security.powerauth.http.PowerAuthAuthorizationHttpHeader;
import com.wultra.security.powerauth.http.PowerAuthHttpBody;
import com.wultra.security.powerauth.http.validator.PowerAuthAuthorizationHttpHeaderValidator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Verifies a 4.0 {@code X-PowerAuth-Authorization} header ({@code pa_auth_code_type}, {@code pa_auth_code},
 * {@code pa_version="4.0"}) the way PowerAuth Server 2.0 does, with Wultra 2.0.1's
 * {@code PowerAuthServerAuthentication}: over {@code baseString + "&" + APP_SECRET}, where the base string covers
 * the method, the endpoint's uriId, the nonce and the exact body bytes, trying the server's 32-byte CTR_DATA and its
 * SHA3 successors up to the look-ahead. The counting rules are those of {@link SignatureVerifier}: on a match the
 * server adopts the successor of the matched value; a failed non-possession code counts an attempt and blocks at the
 * maximum; a successful non-possession code resets the count. A 3.x activation is refused as unknown.
 */
final class V4AuthCodeVerifier {

    /** The types that include possession. */
    static final Set<PowerAuthCodeType> POSSESSION_BASED = EnumSet.of(PowerAuthCodeType.POSSESSION,
            PowerAuthCodeType.POSSESSION_KNOWLEDGE, PowerAuthCodeType.POSSESSION_BIOMETRY,
            PowerAuthCodeType.POSSESSION_KNOWLEDGE_BIOMETRY);

    /** Two-factor types. */
    static final Set<PowerAuthCodeType> TWO_FACTOR = EnumSet.of(PowerAuthCodeType.POSSESSION_KNOWLEDGE,
            PowerAuthCodeType.POSSESSION_BIOMETRY, PowerAuthCodeType.POSSESSION_KNOWLEDGE_BIOMETRY);

    private final EmulatorState state;

    V4AuthCodeVerifier(EmulatorState state) {
        this.state = state;
    }

    /** A request whose authentication code verified. */
    record Verified(ServerActivationRecord activation, String codeType) {
    }

    /** @return whether the request carries a 4.0 authorization header (any other header is left to 3.x) */
    static boolean isV4(EmulatorRequest request) {
        String value = request.header(PowerAuthAuthorizationHttpHeader.HEADER_NAME);
        if (value == null) {
            return false;
        }
        PowerAuthAuthorizationHttpHeader header = new PowerAuthAuthorizationHttpHeader().fromValue(value);
        return V4Crypto.VERSION.equals(header.getVersion());
    }

    Verified verify(EmulatorRequest request, String uriId, Set<PowerAuthCodeType> allowed) {
        return verify(request, uriId, allowed, EnumSet.of(EmulatorActivationState.ACTIVE));
    }

    /**
     * @param states the activation states the endpoint serves (ACTIVE, and for confirm also PENDING_COMMIT)
     */
    Verified verify(EmulatorRequest request, String uriId, Set<PowerAuthCodeType> allowed,
            Set<EmulatorActivationState> states) {
        PowerAuthAuthorizationHttpHeader header = parseHeader(request);
        PowerAuthCodeType type = PowerAuthCodeType.getEnumFromString(header.getAuthCodeType());
        if (type == null || !V4Crypto.VERSION.equals(header.getVersion())) {
            throw fail(EmulatorAuthFailure.HEADER_MALFORMED);
        }
        if (!allowed.contains(type)) {
            throw fail(EmulatorAuthFailure.SIGNATURE_TYPE_NOT_ALLOWED);
        }
        ServerActivationRecord activation = state.findActivation(header.getActivationId())
                .orElseThrow(() -> fail(EmulatorAuthFailure.ACTIVATION_UNKNOWN));
        ApplicationRecord app = activation.application();
        V4ActivationKeys keys = activation.v4();
        if (!app.appKey().equals(header.getApplicationKey()) || keys == null) {
            throw fail(EmulatorAuthFailure.ACTIVATION_UNKNOWN);
        }
        byte[] nonce = WultraCrypto.unb64(header.getNonce(), () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        String data = PowerAuthHttpBody.getAuthenticationBaseString(request.method().toUpperCase(Locale.ROOT), uriId,
                nonce, request.body()) + "&" + app.appSecret();
        byte[] signedData = EmulatorState.utf8(data);
        String typeName = type.toString().toLowerCase(Locale.ROOT);
        List<SecretKey> factorKeys = WultraCrypto.internal(
                () -> V4Crypto.KEY_FACTORY.keysForAuthenticationCodeType(type, keys.activationSecret()));
        PowerAuthServerAuthentication verifier = new PowerAuthServerAuthentication();
        HashBasedCounter counter = WultraCrypto.internal(() -> new HashBasedCounter(V4Crypto.VERSION));
        AuthenticationCodeConfiguration configuration = AuthenticationCodeConfiguration.base64();
        synchronized (activation) {
            if (!states.contains(activation.state())) {
                throw fail(EmulatorAuthFailure.ACTIVATION_NOT_ACTIVE);
            }
            byte[] ctrData = activation.ctrData();
            for (int step = 1; step <= state.config().signatureLookAhead(); step++) {
                byte[] candidate = ctrData;
                boolean valid = WultraCrypto.client(() -> verifier.validateAuthCode(signedData,
                        header.getAuthCode(), factorKeys, candidate, configuration),
                        () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
                byte[] current = ctrData;
                ctrData = WultraCrypto.internal(() -> counter.next(current));
                if (valid) {
                    activation.acceptSignature(ctrData, step, typeName, type != PowerAuthCodeType.POSSESSION);
                    return new Verified(activation, typeName);
                }
            }
            if (type != PowerAuthCodeType.POSSESSION) {
                activation.failAttempt(state.config().maxFailedAttempts());
            }
            throw fail(EmulatorAuthFailure.SIGNATURE_INVALID);
        }
    }

    private PowerAuthAuthorizationHttpHeader parseHeader(EmulatorRequest request) {
        String value = request.header(PowerAuthAuthorizationHttpHeader.HEADER_NAME);
        if (value == null) {
            throw fail(EmulatorAuthFailure.HEADER_MISSING);
        }
        PowerAuthAuthorizationHttpHeader header = new PowerAuthAuthorizationHttpHeader().fromValue(value);
        WultraCrypto.client(() -> {
            PowerAuthAuthorizationHttpHeaderValidator.validate(header);
            return null;
        }, () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        return header;
    }

    private EmulatorRejection fail(EmulatorAuthFailure reason) {
        return state.signatureFailure(reason);
    }
}
