package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import com.wultra.security.powerauth.crypto.lib.enums.PowerAuthCodeType;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.request.AeadEncryptedRequest;
import com.wultra.security.powerauth.crypto.server.v4.token.ServerTokenGenerator;
import java.util.EnumSet;

/**
 * The 4.0 endpoints behind {@code X-PowerAuth-Authorization}: activation confirm, activation remove, token create
 * (AEAD in activation scope, {@code /pa/token/create}), token remove and {@code auth/validate}.
 *
 * <p>Token create checks the authentication code first (over the encrypted body, so the counter moves even if
 * decryption then fails), then the envelope as {@link V4Aead} describes, and answers the bare
 * {@code {"tokenId","tokenSecret"}} (32-byte secret from Wultra's v4 {@code ServerTokenGenerator}) inside the
 * envelope. Confirm is allowed in PENDING_COMMIT and ACTIVE, clears the confirmation-pending flag and may enable
 * biometry. Token remove answers OK with the token ID even when it removed nothing.
 */
final class V4SignedEndpoints {

    private final EmulatorState state;
    private final V4AuthCodeVerifier verifier;
    private final V4Aead aead;

    V4SignedEndpoints(EmulatorState state, V4AuthCodeVerifier verifier, V4Aead aead) {
        this.state = state;
        this.verifier = verifier;
        this.aead = aead;
    }

    EmulatorResponse confirmActivation(EmulatorRequest request) {
        V4AuthCodeVerifier.Verified verified = verifier.verify(request, "/pa/activation/confirm",
                EnumSet.of(PowerAuthCodeType.POSSESSION_KNOWLEDGE),
                EnumSet.of(EmulatorActivationState.PENDING_COMMIT, EmulatorActivationState.ACTIVE));
        JsonNode enable = Json.requestObject(request.body()).get("enableBiometry");
        verified.activation().confirm(enable != null && enable.asBoolean(false));
        return Json.okEmpty();
    }

    EmulatorResponse removeActivation(EmulatorRequest request) {
        V4AuthCodeVerifier.Verified verified = verifier.verify(request, "/pa/activation/remove",
                V4AuthCodeVerifier.TWO_FACTOR);
        ServerActivationRecord activation = verified.activation();
        activation.state(EmulatorActivationState.REMOVED);
        return Json.ok(Json.object().put("activationId", activation.activationId()));
    }

    EmulatorResponse createToken(EmulatorRequest request) {
        V4AuthCodeVerifier.Verified verified = verifier.verify(request, "/pa/token/create",
                V4AuthCodeVerifier.POSSESSION_BASED);
        ServerActivationRecord activation = verified.activation();
        ApplicationRecord app = activation.application();
        AeadEncryptedRequest envelope = V4Aead.readRequest(Json.parseObject(request.body()));
        V4TemporaryKeyRecord key = state.v4TemporaryKey(envelope.getTemporaryKeyId(), app.appKey(),
                activation.activationId());
        EncryptorParameters parameters = new EncryptorParameters(V4Crypto.VERSION, app.appKey(),
                activation.activationId(), key.keyId());
        aead.checkFreshness(envelope);
        V4Aead.Opened opened = aead.open(EncryptorId.CREATE_TOKEN, parameters, key.envelopeKey(), app.appSecret(),
                V4Crypto.derive(V4Crypto.KEY_FACTORY::generateSharedInfo2Key, activation.v4().activationSecret()),
                envelope);

        ServerTokenGenerator generator = new ServerTokenGenerator();
        String tokenId = generator.generateTokenId();
        byte[] tokenSecret = WultraCrypto.internal(() -> generator.generateTokenSecret(V4Crypto.VERSION));
        ObjectNode payload = Json.object().put("tokenId", tokenId).put("tokenSecret", WultraCrypto.b64(tokenSecret));
        ObjectNode body = aead.seal(opened, Json.bytes(payload));
        state.addToken(new ServerTokenRecord(tokenId, tokenSecret, activation.activationId(), verified.codeType(),
                V4Crypto.VERSION));
        return Json.response(200, body);
    }

    EmulatorResponse removeToken(EmulatorRequest request) {
        V4AuthCodeVerifier.Verified verified = verifier.verify(request, "/pa/token/remove",
                V4AuthCodeVerifier.POSSESSION_BASED);
        String tokenId = Json.requiredText(Json.requestObject(request.body()), "tokenId");
        state.removeToken(tokenId, verified.activation().activationId());
        return Json.ok(Json.object().put("tokenId", tokenId));
    }

    EmulatorResponse validate(EmulatorRequest request) {
        verifier.verify(request, "/pa/auth/validate", V4AuthCodeVerifier.POSSESSION_BASED);
        return Json.okEmpty();
    }
}
