package org.opentokens.powerauth.testkit;

import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.server.vault.PowerAuthServerVault;

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
        ServerActivationRecord activation = verified.activation();
        Ecies.Opened opened = ecies.openActivationScope(EncryptorId.VAULT_UNLOCK, request, verified);
        Json.requiredText(Json.parseObject(opened.plaintext()), "reason");
        byte[] encryptedVaultKey = WultraCrypto.internal(() -> new PowerAuthServerVault().encryptVaultEncryptionKey(
                activation.serverKeyPair().getPrivate(), activation.devicePublicKey()));
        byte[] payload = Json.bytes(Json.object().put("activationId", activation.activationId())
                .put("encryptedVaultEncryptionKey", WultraCrypto.b64(encryptedVaultKey)));
        return Json.response(200, ecies.seal(opened, payload));
    }
}
