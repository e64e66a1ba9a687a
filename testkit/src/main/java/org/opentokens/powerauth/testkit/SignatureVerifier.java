package org.opentokens.powerauth.testkit;

import io.getlime.security.powerauth.crypto.lib.config.SignatureConfiguration;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureFormat;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import io.getlime.security.powerauth.crypto.lib.generator.HashBasedCounter;
import io.getlime.security.powerauth.crypto.server.keyfactory.PowerAuthServerKeyFactory;
import io.getlime.security.powerauth.crypto.server.signature.PowerAuthServerSignature;
import io.getlime.security.powerauth.http.PowerAuthHttpBody;
import io.getlime.security.powerauth.http.PowerAuthSignatureHttpHeader;
import io.getlime.security.powerauth.http.validator.PowerAuthSignatureHttpHeaderValidator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Verifies {@code X-PowerAuth-Authorization} the way PowerAuth server does, with Wultra's
 * {@code PowerAuthServerSignature}: over the exact body bytes, the endpoint's uriId and the app secret, trying
 * the server's CTR_DATA and its successors up to the look-ahead (20 values by default).
 *
 * <p>On a match the server adopts the successor of the matched value. On a mismatch a non-possession signature
 * counts a failed attempt and blocks the activation at the maximum (possession-only failures are not counted,
 * as in PowerAuth server); the counter does not move. A successful non-possession signature resets the count.
 * Every failure (a missing or malformed header, a type the endpoint does not allow, which is not counted, an
 * unknown or non-ACTIVE activation, a bad signature) is the configured 401 ({@link EmulatorState#signatureFailure})
 * with its {@link EmulatorAuthFailure reason}.
 */
final class SignatureVerifier {

    /** The types that include possession: what token create and remove accept. */
    static final Set<PowerAuthSignatureTypes> POSSESSION_BASED = EnumSet.of(PowerAuthSignatureTypes.POSSESSION,
            PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE, PowerAuthSignatureTypes.POSSESSION_BIOMETRY,
            PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE_BIOMETRY);

    /** Two-factor types: what activation remove accepts. */
    static final Set<PowerAuthSignatureTypes> TWO_FACTOR = EnumSet.of(PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE,
            PowerAuthSignatureTypes.POSSESSION_BIOMETRY, PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE_BIOMETRY);

    private final EmulatorState state;

    SignatureVerifier(EmulatorState state) {
        this.state = state;
    }

    /** A request whose signature verified. */
    record Verified(ServerActivationRecord activation, String version, String signatureType) {
    }

    Verified verify(EmulatorRequest request, String uriId, Set<PowerAuthSignatureTypes> allowed) {
        return verify(request, uriId, allowed, request.body());
    }

    /**
     * @param signedBody the bytes the signature covers in place of the body: the request body, or for a GET the
     *     canonicalized query (null when there is none)
     */
    Verified verify(EmulatorRequest request, String uriId, Set<PowerAuthSignatureTypes> allowed, byte[] signedBody) {
        PowerAuthSignatureHttpHeader header = parseHeader(request);
        PowerAuthSignatureTypes type = PowerAuthSignatureTypes.getEnumFromString(header.getSignatureType());
        if (type == null) {
            throw fail(EmulatorAuthFailure.HEADER_MALFORMED);
        }
        if (!allowed.contains(type)) {
            throw fail(EmulatorAuthFailure.SIGNATURE_TYPE_NOT_ALLOWED);
        }
        ServerActivationRecord activation = state.findActivation(header.getActivationId())
                .orElseThrow(() -> fail(EmulatorAuthFailure.ACTIVATION_UNKNOWN));
        ApplicationRecord app = activation.application();
        if (!app.appKey().equals(header.getApplicationKey()) || activation.isV4()) {
            throw fail(EmulatorAuthFailure.ACTIVATION_UNKNOWN);
        }
        byte[] nonce = WultraCrypto.unb64(header.getNonce(), () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        String data = PowerAuthHttpBody.getSignatureBaseString(request.method().toUpperCase(Locale.ROOT), uriId,
                nonce, signedBody) + "&" + app.appSecret();
        SignatureConfiguration configuration = WultraCrypto.client(() -> SignatureConfiguration.forFormat(
                PowerAuthSignatureFormat.getFormatForSignatureVersion(header.getVersion())),
                () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        check(activation, type, EmulatorState.utf8(data), header.getSignature(), configuration);
        return new Verified(activation, header.getVersion(), type.toString().toLowerCase(Locale.ROOT));
    }

    /**
     * Verifies an offline signature as PowerAuth server's {@code verifyOfflineSignature} does: DECIMAL format
     * over {@code POST&uriId&nonce&body&offline}, with the same look-ahead, counter and failed-attempt rules.
     *
     * @return whether it verified
     */
    boolean verifyOffline(String activationId, PowerAuthSignatureTypes type, String uriId, byte[] body,
            byte[] nonce, String signature) {
        ServerActivationRecord activation = state.activation(activationId);
        String data = PowerAuthHttpBody.getSignatureBaseString("POST", uriId, nonce, body) + "&offline";
        try {
            check(activation, type, EmulatorState.utf8(data), signature, SignatureConfiguration.decimal());
            return true;
        } catch (EmulatorRejection e) {
            return false;
        }
    }

    /** The server's check: an ACTIVE activation, and a signature matching the counter or a successor. */
    private void check(ServerActivationRecord activation, PowerAuthSignatureTypes type, byte[] signedData,
            String signature, SignatureConfiguration configuration) {
        String typeName = type.toString().toLowerCase(Locale.ROOT);
        synchronized (activation) {
            if (activation.state() != EmulatorActivationState.ACTIVE) {
                throw fail(EmulatorAuthFailure.ACTIVATION_NOT_ACTIVE);
            }
            List<SecretKey> keys = WultraCrypto.internal(
                    () -> new PowerAuthServerKeyFactory().keysForSignatureType(type, activation.masterSecret()));
            PowerAuthServerSignature verifier = new PowerAuthServerSignature();
            HashBasedCounter counter = new HashBasedCounter();
            byte[] ctrData = activation.ctrData();
            for (int step = 1; step <= state.config().signatureLookAhead(); step++) {
                byte[] candidate = ctrData;
                boolean valid = WultraCrypto.internal(() -> verifier.verifySignatureForData(signedData,
                        signature, keys, candidate, configuration));
                ctrData = counter.next(ctrData);
                if (valid) {
                    activation.acceptSignature(ctrData, step, typeName, type != PowerAuthSignatureTypes.POSSESSION);
                    return;
                }
            }
            if (type != PowerAuthSignatureTypes.POSSESSION) {
                activation.failAttempt(state.config().maxFailedAttempts());
            }
            throw fail(EmulatorAuthFailure.SIGNATURE_INVALID);
        }
    }

    private PowerAuthSignatureHttpHeader parseHeader(EmulatorRequest request) {
        String value = request.header(PowerAuthSignatureHttpHeader.HEADER_NAME);
        if (value == null) {
            throw fail(EmulatorAuthFailure.HEADER_MISSING);
        }
        PowerAuthSignatureHttpHeader header = new PowerAuthSignatureHttpHeader().fromValue(value);
        WultraCrypto.client(() -> {
            PowerAuthSignatureHttpHeaderValidator.validate(header);
            return null;
        }, () -> fail(EmulatorAuthFailure.HEADER_MALFORMED));
        return header;
    }

    private EmulatorRejection fail(EmulatorAuthFailure reason) {
        return state.signatureFailure(reason);
    }
}
