package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import java.io.IOException;

/**
 * {@code POST /pa/v3/recovery/confirm}: signed with two factors (uriId {@code /pa/recovery/confirm}, checked
 * first, so the counter moves even if the rest fails), the body an activation-scope envelope
 * ({@code /pa/recovery/confirm}) of {@code {"recoveryCode"}}. A code of this activation answers, encrypted,
 * {@code {"alreadyConfirmed"}}: true for a code handed out at activation or confirmed before, false the
 * first time for a postcard code; any other code is 400 {@code ERR_ACTIVATION}.
 */
final class RecoveryConfirmEndpoint {

    private final EmulatorState state;
    private final SignatureVerifier verifier;
    private final Ecies ecies;

    RecoveryConfirmEndpoint(EmulatorState state, SignatureVerifier verifier, Ecies ecies) {
        this.state = state;
        this.verifier = verifier;
        this.ecies = ecies;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        SignatureVerifier.Verified verified = verifier.verify(request, "/pa/recovery/confirm",
                SignatureVerifier.TWO_FACTOR);
        ServerActivationRecord activation = verified.activation();
        Ecies.Opened opened = ecies.openActivationScope(EncryptorId.CONFIRM_RECOVERY_CODE, request, verified);
        String code;
        try {
            JsonNode payload = Json.MAPPER.readTree(opened.plaintext());
            code = payload == null || !payload.isObject() ? null : Json.optionalText(payload, "recoveryCode");
        } catch (IOException e) {
            throw EmulatorRejection.activation();
        }
        RecoveryRecord recovery = state.recoveryCode(code).filter(r -> r.activation() == activation)
                .orElseThrow(EmulatorRejection::activation);
        ObjectNode answer = Json.object().put("activationId", activation.activationId())
                .put("alreadyConfirmed", recovery.confirm());
        return Json.response(200, ecies.seal(opened, Json.bytes(answer)));
    }
}
