package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.lib.model.ActivationStatusBlobInfo;
import io.getlime.security.powerauth.crypto.server.activation.PowerAuthServerActivation;
import javax.crypto.SecretKey;

/**
 * {@code POST /pa/v3/activation/status}: the encrypted status blob from Wultra's
 * {@code PowerAuthServerActivation.encryptedStatusBlob}, with CTR_BYTE, failed and maximum attempts, the
 * look-ahead and the CTR_DATA hash. Without a challenge (3.0) the blob uses a zero IV and the response has no
 * nonce. An unknown activation, or one still in CREATED (no keys yet), is HTTP 400 {@code ERR_ACTIVATION}.
 */
final class ActivationStatusEndpoint {

    private static final byte PROTOCOL_GENERATION = 3;

    private final EmulatorState state;

    ActivationStatusEndpoint(EmulatorState state) {
        this.state = state;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        JsonNode requestObject = Json.requestObject(request.body());
        String activationId = Json.requiredText(requestObject, "activationId");
        String challengeBase64 = Json.optionalText(requestObject, "challenge");
        byte[] challenge = challengeBase64 == null ? null
                : WultraCrypto.unb64(challengeBase64, () -> EmulatorRejection.validation("Bad challenge"));
        if (challenge != null && challenge.length != 16) {
            throw EmulatorRejection.validation("Bad challenge");
        }
        ServerActivationRecord activation = state.findActivation(activationId)
                .orElseThrow(EmulatorRejection::activation);
        PowerAuthServerActivation serverActivation = new PowerAuthServerActivation();
        ActivationStatusBlobInfo info = new ActivationStatusBlobInfo();
        SecretKey transportKey;
        synchronized (activation) {
            transportKey = activation.transportKey();
            if (transportKey == null) {
                throw EmulatorRejection.activation();
            }
            info.setActivationStatus(activation.state().statusByte());
            info.setCurrentVersion(PROTOCOL_GENERATION);
            info.setUpgradeVersion(PROTOCOL_GENERATION);
            info.setFailedAttempts((byte) activation.failedAttempts());
            info.setMaxFailedAttempts((byte) state.config().maxFailedAttempts());
            info.setCtrLookAhead((byte) state.config().signatureLookAhead());
            info.setCtrByte((byte) activation.counter());
            byte[] ctrData = activation.ctrData();
            info.setCtrDataHash(WultraCrypto.internal(
                    () -> serverActivation.calculateHashFromHashBasedCounter(ctrData, transportKey)));
        }
        byte[] nonce = challenge == null ? null : WultraCrypto.internal(serverActivation::generateActivationNonce);
        byte[] blob = WultraCrypto.internal(
                () -> serverActivation.encryptedStatusBlob(info, challenge, nonce, transportKey));
        ObjectNode responseObject = Json.object();
        responseObject.put("activationId", activationId);
        responseObject.put("encryptedStatusBlob", WultraCrypto.b64(blob));
        if (nonce != null) {
            responseObject.put("nonce", WultraCrypto.b64(nonce));
        } else {
            responseObject.putNull("nonce");
        }
        responseObject.putNull("customObject");
        return Json.ok(responseObject);
    }
}
