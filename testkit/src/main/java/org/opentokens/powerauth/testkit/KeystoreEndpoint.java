package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PrivateKey;
import javax.crypto.SecretKey;

/**
 * {@code POST /pa/v3/keystore/create}: checks the client's HS256 JWT and answers with a fresh temporary key in an
 * ES256 JWT signed by the master key (application scope) or the activation's server key (activation scope).
 * Any failure is HTTP 400 {@code ERR_TEMPORARY_KEY}, and so is an activation-scope key for an activation the back
 * office has not committed yet (PENDING_COMMIT), as on a real deployment: a 3.3 token request before the commit
 * fails there, before the client signs anything.
 */
final class KeystoreEndpoint {

    private final EmulatorState state;

    KeystoreEndpoint(EmulatorState state) {
        this.state = state;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        String compact = Json.requiredText(Json.requestObject(request.body()), "jwt");
        Jwt.Parsed jwt = Jwt.parse(compact);
        String appKey = Json.optionalText(jwt.claims(), "applicationKey");
        String activationId = Json.optionalText(jwt.claims(), "activationId");
        String challenge = Json.optionalText(jwt.claims(), "challenge");
        ApplicationRecord app = state.applicationByKey(appKey).orElseThrow(EmulatorRejection::temporaryKey);
        if (challenge == null || challenge.isEmpty()) {
            throw EmulatorRejection.temporaryKey();
        }
        byte[] appSecretRaw = WultraCrypto.unb64(app.appSecret(), EmulatorRejection::temporaryKey);
        byte[] hmacKey;
        PrivateKey signingKey;
        if (activationId == null) {
            hmacKey = appSecretRaw;
            signingKey = app.masterKeyPair().getPrivate();
        } else {
            ServerActivationRecord activation = state.findActivation(activationId)
                    .filter(a -> a.application() == app).orElseThrow(EmulatorRejection::temporaryKey);
            SecretKey transportKey = activation.transportKey();
            EmulatorActivationState current = activation.state();
            if (transportKey == null || current == EmulatorActivationState.PENDING_COMMIT
                    || current == EmulatorActivationState.REMOVED) {
                throw EmulatorRejection.temporaryKey();
            }
            hmacKey = WultraCrypto.secretBytes(WultraCrypto.deriveHmac(transportKey, appSecretRaw));
            signingKey = activation.serverKeyPair().getPrivate();
        }
        if (!Jwt.verifyHs256(jwt, hmacKey)) {
            throw EmulatorRejection.temporaryKey();
        }
        TemporaryKeyRecord key = state.addTemporaryKey(app.appKey(), activationId);
        long issuedAt = key.issuedAtMs();
        ObjectNode claims = Json.object();
        claims.put("sub", key.keyId());
        claims.put("applicationKey", app.appKey());
        if (activationId != null) {
            claims.put("activationId", activationId);
        }
        claims.put("challenge", challenge);
        claims.put("publicKey", WultraCrypto.b64(WultraCrypto.publicKeyBytes(key.keyPair().getPublic())));
        claims.put("iat", issuedAt / 1000);
        claims.put("exp", key.expiresAtMs() / 1000);
        claims.put("iat_ms", issuedAt);
        claims.put("exp_ms", key.expiresAtMs());
        ObjectNode responseObject = Json.object().put("jwt", Jwt.signEs256(claims, signingKey));
        return Json.ok(responseObject);
    }
}
