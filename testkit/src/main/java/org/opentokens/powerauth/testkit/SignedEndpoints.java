package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import io.getlime.security.powerauth.crypto.server.token.ServerTokenGenerator;
import java.util.EnumSet;

/**
 * The endpoints behind {@code X-PowerAuth-Authorization}: token create (ECIES in activation scope,
 * {@code /pa/token/create}), token remove, activation remove and signature validate.
 *
 * <p>Token create checks the signature first (the counter moves even if decryption then fails), then the
 * envelope as {@link Ecies} describes; a temporary key problem (3.3) is 400 {@code ERR_TEMPORARY_KEY}, any other
 * ECIES failure 400 {@code ERR_ENCRYPTION}. Token remove answers OK with the token ID even when the token is
 * unknown or belongs to another activation (it then removes nothing), as the RESTful integration does.
 */
final class SignedEndpoints {

    private final EmulatorState state;
    private final SignatureVerifier verifier;
    private final Ecies ecies;

    SignedEndpoints(EmulatorState state, SignatureVerifier verifier, Ecies ecies) {
        this.state = state;
        this.verifier = verifier;
        this.ecies = ecies;
    }

    EmulatorResponse createToken(EmulatorRequest request) {
        SignatureVerifier.Verified verified = verifier.verify(request, "/pa/token/create",
                SignatureVerifier.POSSESSION_BASED);
        ServerActivationRecord activation = verified.activation();
        Ecies.Opened opened = ecies.openActivationScope(EncryptorId.CREATE_TOKEN, request, verified);

        ServerTokenGenerator generator = new ServerTokenGenerator();
        String tokenId = generator.generateTokenId();
        byte[] tokenSecret = WultraCrypto.internal(generator::generateTokenSecret);
        ObjectNode payload = Json.object().put("tokenId", tokenId).put("tokenSecret", WultraCrypto.b64(tokenSecret));
        ObjectNode body = ecies.seal(opened, Json.bytes(payload));
        state.addToken(new ServerTokenRecord(tokenId, tokenSecret, activation.activationId(),
                verified.signatureType()));
        return Json.response(200, body);
    }

    EmulatorResponse removeToken(EmulatorRequest request) {
        SignatureVerifier.Verified verified = verifier.verify(request, "/pa/token/remove",
                SignatureVerifier.POSSESSION_BASED);
        String tokenId = Json.requiredText(Json.requestObject(request.body()), "tokenId");
        state.removeToken(tokenId, verified.activation().activationId());
        return Json.ok(Json.object().put("tokenId", tokenId));
    }

    EmulatorResponse removeActivation(EmulatorRequest request) {
        SignatureVerifier.Verified verified = verifier.verify(request, "/pa/activation/remove",
                SignatureVerifier.TWO_FACTOR);
        ServerActivationRecord activation = verified.activation();
        activation.state(EmulatorActivationState.REMOVED);
        return Json.ok(Json.object().put("activationId", activation.activationId()));
    }

    EmulatorResponse validateSignature(EmulatorRequest request) {
        verifier.verify(request, "/pa/signature/validate", EnumSet.allOf(PowerAuthSignatureTypes.class));
        return Json.okEmpty();
    }
}
