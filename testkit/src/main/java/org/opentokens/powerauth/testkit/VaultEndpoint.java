package org.opentokens.powerauth.testkit;

import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ServerEncryptorSecrets;
import io.getlime.security.powerauth.crypto.server.vault.PowerAuthServerVault;
import java.security.PrivateKey;

/**
 * {@code POST /pa/v3/vault/unlock}: a two-factor signature ({@code /pa/vault/unlock}) over the encrypted body,
 * checked first (the counter moves even if decryption then fails), then the activation-scope envelope
 * ({@code /pa/vault/unlock}) as {@link Ecies} describes; its plaintext must carry a {@code reason}. The answer,
 * encrypted with the same envelope key, is {@code {"activationId","encryptedVaultEncryptionKey"}}, the vault key
 * encrypted by Wultra's {@code PowerAuthServerVault}.
 */
final class VaultEndpoint {

    private final EmulatorState state;
    private final SignatureVerifier verifier;
    private final Ecies ecies;

    VaultEndpoint(EmulatorState state, SignatureVerifier verifier, Ecies ecies) {
        this.state = state;
        this.verifier = verifier;
        this.ecies = ecies;
    }

    EmulatorResponse unlock(EmulatorRequest request) {
        SignatureVerifier.Verified verified = verifier.verify(request, "/pa/vault/unlock",
                SignatureVerifier.TWO_FACTOR);
        ActivationRecord activation = verified.activation();
        ApplicationRecord app = activation.application();
        String version = verified.version();
        EncryptedRequest envelope = ecies.readRequest(Json.parseObject(request.body()), version);
        PrivateKey key = ProtocolVersions.usesTemporaryKeys(version)
                ? state.temporaryKey(envelope.getTemporaryKeyId(), app.appKey(), activation.activationId())
                        .keyPair().getPrivate()
                : activation.serverKeyPair().getPrivate();
        EncryptorParameters parameters = new EncryptorParameters(version, app.appKey(), activation.activationId(),
                envelope.getTemporaryKeyId());
        ServerEncryptorSecrets secrets = new ServerEncryptorSecrets(key, app.appSecret(),
                WultraCrypto.secretBytes(activation.transportKey()));
        ecies.checkFreshness(envelope, version);
        Ecies.Opened opened = ecies.open(EncryptorId.VAULT_UNLOCK, parameters, secrets, envelope);
        Json.requiredText(Json.parseObject(opened.plaintext()), "reason");
        byte[] encryptedVaultKey = WultraCrypto.internal(() -> new PowerAuthServerVault().encryptVaultEncryptionKey(
                activation.serverKeyPair().getPrivate(), activation.devicePublicKey()));
        byte[] payload = Json.bytes(Json.object().put("activationId", activation.activationId())
                .put("encryptedVaultEncryptionKey", WultraCrypto.b64(encryptedVaultKey)));
        return Json.response(200, ecies.seal(opened, payload));
    }
}
