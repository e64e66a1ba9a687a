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
 * A missing or malformed header is 401 {@code ERR_AUTHENTICATION}/{@code POWER_AUTH_REQUEST_INVALID}; a type
 * the endpoint does not allow is 401 {@code POWER_AUTH_SIGNATURE_TYPE_INVALID} (not counted); an unknown or
 * non-ACTIVE activation and a bad signature are 401 {@code POWER_AUTH_SIGNATURE_INVALID}.
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
    record Verified(ActivationRecord activation, String version, String signatureType) {
    }

    Verified verify(EmulatorRequest request, String uriId, Set<PowerAuthSignatureTypes> allowed) {
        PowerAuthSignatureHttpHeader header = parseHeader(request);
        PowerAuthSignatureTypes type = PowerAuthSignatureTypes.getEnumFromString(header.getSignatureType());
        if (type == null) {
            throw requestInvalid();
        }
        if (!allowed.contains(type)) {
            throw new EmulatorRejection(401, ErrorCodes.AUTHENTICATION, ErrorCodes.SIGNATURE_TYPE_INVALID);
        }
        ActivationRecord activation = state.findActivation(header.getActivationId())
                .orElseThrow(EmulatorRejection::signature);
        ApplicationRecord app = activation.application();
        if (!app.appKey().equals(header.getApplicationKey())) {
            throw EmulatorRejection.signature();
        }
        byte[] nonce = WultraCrypto.unb64(header.getNonce(), SignatureVerifier::requestInvalid);
        String data = PowerAuthHttpBody.getSignatureBaseString(request.method().toUpperCase(Locale.ROOT), uriId,
                nonce, request.body()) + "&" + app.appSecret();
        String typeName = type.toString().toLowerCase(Locale.ROOT);
        synchronized (activation) {
            if (activation.state() != EmulatorActivationState.ACTIVE) {
                throw EmulatorRejection.signature();
            }
            List<SecretKey> keys = WultraCrypto.internal(
                    () -> new PowerAuthServerKeyFactory().keysForSignatureType(type, activation.masterSecret()));
            SignatureConfiguration configuration = WultraCrypto.client(() -> SignatureConfiguration.forFormat(
                    PowerAuthSignatureFormat.getFormatForSignatureVersion(header.getVersion())),
                    SignatureVerifier::requestInvalid);
            PowerAuthServerSignature verifier = new PowerAuthServerSignature();
            HashBasedCounter counter = new HashBasedCounter();
            byte[] ctrData = activation.ctrData();
            byte[] signedData = EmulatorState.utf8(data);
            for (int step = 1; step <= state.config().signatureLookAhead(); step++) {
                byte[] candidate = ctrData;
                boolean valid = WultraCrypto.internal(() -> verifier.verifySignatureForData(signedData,
                        header.getSignature(), keys, candidate, configuration));
                ctrData = counter.next(ctrData);
                if (valid) {
                    activation.acceptSignature(ctrData, step, typeName, type != PowerAuthSignatureTypes.POSSESSION);
                    return new Verified(activation, header.getVersion(), typeName);
                }
            }
            if (type != PowerAuthSignatureTypes.POSSESSION) {
                activation.failAttempt(state.config().maxFailedAttempts());
            }
            throw EmulatorRejection.signature();
        }
    }

    private static PowerAuthSignatureHttpHeader parseHeader(EmulatorRequest request) {
        String value = request.header(PowerAuthSignatureHttpHeader.HEADER_NAME);
        if (value == null) {
            throw requestInvalid();
        }
        PowerAuthSignatureHttpHeader header = new PowerAuthSignatureHttpHeader().fromValue(value);
        WultraCrypto.client(() -> {
            PowerAuthSignatureHttpHeaderValidator.validate(header);
            return null;
        }, SignatureVerifier::requestInvalid);
        return header;
    }

    private static EmulatorRejection requestInvalid() {
        return new EmulatorRejection(401, ErrorCodes.AUTHENTICATION, ErrorCodes.REQUEST_INVALID);
    }
}
