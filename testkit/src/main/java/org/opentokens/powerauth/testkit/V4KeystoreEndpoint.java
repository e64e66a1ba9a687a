package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.DefaultSharedSecretRequest;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.DefaultSharedSecretResponse;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.ResponseCryptogram;
import com.wultra.security.powerauth.crypto.lib.v4.sharedsecret.SharedSecretFactory;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /pa/v4/keystore/create}: checks the client's HS384 JWT (keyed with KEY_MAC_GET_APP_TEMP_KEY, or with
 * KEY_MAC_GET_ACT_TEMP_KEY when it names an activation), answers its KEM request with Wultra's
 * {@code SharedSecretFactory}, keeps the resulting envelope key under a fresh key ID and returns the claims as a JWS
 * JSON document signed ES384 by the application's master P-384 key (activation scope: the activation's server key),
 * plus ML-DSA-65/87 for the hybrids. Any failure is HTTP 400 {@code ERR_TEMPORARY_KEY}: an unknown application, a
 * missing challenge, an algorithm a client may not offer ({@code EC_P384}, {@code EC_P384_ML_L3},
 * {@code EC_P384_ML_L5} only), a bad MAC, bad encapsulation keys, and for activation scope an activation that is
 * unknown, of another application, not 4.0 or still CREATED (no keys yet), or of another algorithm. As on Server 2.0,
 * a PENDING_COMMIT, BLOCKED or REMOVED activation gets its key, so that its status can be read.
 */
final class V4KeystoreEndpoint {

    private final EmulatorState state;

    V4KeystoreEndpoint(EmulatorState state) {
        this.state = state;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        String compact = Json.requiredText(Json.requestObject(request.body()), "jwt");
        Jwt.Parsed jwt = Jwt.parse(compact);
        JsonNode claims = jwt.claims();
        String appKey = Json.optionalText(claims, "applicationKey");
        String activationId = Json.optionalText(claims, "activationId");
        String challenge = Json.optionalText(claims, "challenge");
        ApplicationRecord app = state.applicationByKey(appKey).orElseThrow(EmulatorRejection::temporaryKey);
        if (challenge == null || challenge.isEmpty()) {
            throw EmulatorRejection.temporaryKey();
        }
        JsonNode sharedSecretRequest = claims.get("sharedSecretRequest");
        if (sharedSecretRequest == null || !sharedSecretRequest.isObject()) {
            throw EmulatorRejection.temporaryKey();
        }
        SharedSecretAlgorithm algorithm = V4Crypto.offeredAlgorithm(
                Json.optionalText(sharedSecretRequest, "algorithm"));
        List<String> encapsulationKeys = V4ActivationCreateEndpoint.texts(sharedSecretRequest.get("encapsulationKeys"));
        if (algorithm == null || encapsulationKeys == null) {
            throw EmulatorRejection.temporaryKey();
        }

        byte[] macKey;
        KeyPair ecSigner;
        KeyPair mlSigner;
        if (activationId == null) {
            byte[] appSecretRaw = WultraCrypto.unb64(app.appSecret(), EmulatorRejection::temporaryKey);
            macKey = V4Crypto.derive(V4Crypto.KEY_FACTORY::generateKeyMacGetAppTempKey,
                    V4Crypto.secretKey(appSecretRaw));
            ecSigner = app.masterEcP384();
            mlSigner = V4Crypto.hybrid(algorithm) ? app.masterMlDsa(algorithm) : null;
        } else {
            ServerActivationRecord activation = state.findActivation(activationId)
                    .filter(a -> a.application() == app).orElseThrow(EmulatorRejection::temporaryKey);
            V4ActivationKeys keys = activation.v4();
            if (keys == null || keys.algorithm() != algorithm) {
                throw EmulatorRejection.temporaryKey();
            }
            macKey = V4Crypto.derive(V4Crypto.KEY_FACTORY::generateKeyMacGetActTempKey, keys.activationSecret());
            ecSigner = keys.serverEc();
            mlSigner = keys.serverMlDsa();
        }
        if (!Jwt.verifyHs384(jwt, macKey)) {
            throw EmulatorRejection.temporaryKey();
        }
        ResponseCryptogram cryptogram = WultraCrypto.client(() -> SharedSecretFactory.forAlgorithm(algorithm)
                .generateResponseCryptogram(new DefaultSharedSecretRequest(algorithm, encapsulationKeys)),
                EmulatorRejection::temporaryKey);
        DefaultSharedSecretResponse kemResponse = (DefaultSharedSecretResponse) cryptogram.getSharedSecretResponse();
        V4TemporaryKeyRecord key = state.addV4TemporaryKey(V4Crypto.bytes(cryptogram.getSecretKey()), algorithm,
                app.appKey(), activationId);

        ObjectNode responseClaims = Json.object();
        responseClaims.put("sub", key.keyId());
        responseClaims.put("applicationKey", app.appKey());
        if (activationId != null) {
            responseClaims.put("activationId", activationId);
        }
        responseClaims.put("challenge", challenge);
        ObjectNode kem = responseClaims.putObject("sharedSecretResponse");
        kem.put("salt", kemResponse.getSalt());
        kemResponse.getEncapsulatedKeys().forEach(kem.putArray("encapsulatedKeys")::add);
        responseClaims.put("iat", key.issuedAtMs() / 1000);
        responseClaims.put("exp", key.expiresAtMs() / 1000);
        responseClaims.put("iat_ms", key.issuedAtMs());
        responseClaims.put("exp_ms", key.expiresAtMs());
        List<Jwt.JwsSigner> signers = new ArrayList<>();
        signers.add(new Jwt.JwsSigner("ES384",
                input -> Jwt.derToRaw(V4Crypto.ecdsaP384Der(input, ecSigner.getPrivate()), 48)));
        if (mlSigner != null) {
            signers.add(new Jwt.JwsSigner(V4Crypto.mlDsaAlg(algorithm),
                    input -> V4Crypto.mlDsaSign(algorithm, input, mlSigner.getPrivate())));
        }
        return Json.ok(Json.object().put("jwt", Jwt.signJwsJson(responseClaims, signers)));
    }
}
