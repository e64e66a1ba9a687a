package org.opentokens.powerauth.token.application.internal.signature;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.instance.InstanceTransaction;
import org.opentokens.powerauth.token.application.internal.json.EnvelopeMaps;
import org.opentokens.powerauth.token.application.internal.json.JsonFields;
import org.opentokens.powerauth.token.application.internal.json.ServerData;
import org.opentokens.powerauth.token.application.internal.keystore.ActivationScopeKey;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPrivateKey;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptorId;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesParameters;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;
import org.opentokens.powerauth.token.domain.internal.keys.DeviceKeyVault;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthVault;

/**
 * Implements {@link PowerAuthVault} with {@code /pa/v3/vault/unlock}: {@code {"reason":…}} encrypted in
 * activation scope ({@code /pa/vault/unlock}; a 3.3 temporary key, or {@code KEY_SERVER_PUBLIC} before 3.3),
 * signed over the encrypted body inside one signed call, the answer decrypted and its
 * {@code encryptedVaultEncryptionKey} opened with the transport key. The vault key lives only for the one
 * operation and is destroyed after it, also when the operation fails. Thread-safe.
 */
public final class VaultService implements PowerAuthVault {
    /** Signature URI id of {@code /pa/v3/vault/unlock}. */
    public static final String UNLOCK_URI_ID = "/pa/vault/unlock";
    /** The unlock reason sent by {@link #fetchEncryptionKey}, as the mobile SDKs send it. */
    public static final String FETCH_ENCRYPTION_KEY = "FETCH_ENCRYPTION_KEY";
    /** The unlock reason sent by {@link #signDataWithDevicePrivateKey}, as the mobile SDKs send it. */
    public static final String SIGN_WITH_DEVICE_PRIVATE_KEY = "SIGN_WITH_DEVICE_PRIVATE_KEY";

    private final ServiceContext context;
    private final ActivationSigner signer;
    private final SignedCallAsync async;

    /** @param context what the instance's services share (time for 3.2+ ECIES timestamps) */
    public VaultService(ServiceContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.signer = new ActivationSigner(context.configuration(), context.random());
        this.async = new SignedCallAsync(context.state(), context.executor());
    }

    @Override
    public CompletableFuture<byte[]> fetchEncryptionKey(PowerAuthAuthentication authentication, long index) {
        Objects.requireNonNull(authentication, "authentication");
        return async.start("fetchEncryptionKey", authentication, activation -> {
            SymmetricKey vaultKey = unlock(activation, authentication, FETCH_ENCRYPTION_KEY);
            try {
                return DeviceKeyVault.deriveEncryptionKey(vaultKey, index);
            } finally {
                vaultKey.destroy();
            }
        });
    }

    @Override
    public CompletableFuture<byte[]> signDataWithDevicePrivateKey(PowerAuthAuthentication authentication,
            byte[] data) {
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(data, "data");
        byte[] copy = data.clone();
        return async.start("signDataWithDevicePrivateKey", authentication, activation -> {
            SymmetricKey vaultKey = unlock(activation, authentication, SIGN_WITH_DEVICE_PRIVATE_KEY);
            EcPrivateKey devicePrivate = null;
            try {
                devicePrivate = ServerData.orInvalidResponse("the vault key does not open the device private key",
                        () -> DeviceKeyVault.decryptDevicePrivateKey(activation.encryptedDevicePrivateKey(),
                                vaultKey));
                return P256.signDer(devicePrivate, copy);
            } finally {
                vaultKey.destroy();
                if (devicePrivate != null) {
                    devicePrivate.destroy();
                }
            }
        });
    }

    /** @return {@code KEY_ENCRYPTION_VAULT}, which the caller must destroy */
    private SymmetricKey unlock(ActivationRecord activation, PowerAuthAuthentication authentication, String reason) {
        return ActivationScopeKey.with(context, activation,
                (parameters, key) -> exchange(activation, authentication, reason, parameters, key));
    }

    private SymmetricKey exchange(ActivationRecord activation, PowerAuthAuthentication authentication, String reason,
            EciesParameters parameters, EcPublicKey encryptionKey) {
        return context.state().signedCall(activation.activationId(),
                tx -> exchangeLocked(tx, authentication, reason, activation, parameters, encryptionKey));
    }

    private SymmetricKey exchangeLocked(InstanceTransaction tx, PowerAuthAuthentication authentication, String reason,
            ActivationRecord activation, EciesParameters parameters, EcPublicKey encryptionKey) {
        SymmetricKey transport = activation.transportKey();
        EciesSecrets secrets;
        try {
            secrets = EciesSecrets.forActivation(encryptionKey, context.configuration().applicationSecret(), transport);
        } catch (RuntimeException e) {
            transport.destroy();
            throw e;
        }
        byte[] plain = null;
        try {
            EciesEncryptor encryptor = EciesEncryptor.create(EciesEncryptorId.VAULT_UNLOCK, parameters, secrets);
            byte[] request = ("{\"reason\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8);
            EciesEncryptedRequest envelope = encryptor.encryptRequest(request, context.random().secureRandom(),
                    context.time().estimatedServerTimeMs());
            long sent = context.clock().millis();
            EciesEncryptedResponse response = context.server().unlockVault(envelope,
                    signer.signerFor(tx, authentication, UNLOCK_URI_ID));
            long received = context.clock().millis();
            byte[] decrypted = ServerData.orInvalidResponse("the vault unlock response does not decrypt",
                    () -> encryptor.decryptResponse(response));
            plain = decrypted;
            EnvelopeMaps.applyResponseTimestamp(context.time(), response, sent, received);
            JsonFields fields = JsonFields.parse(context.json(), decrypted, "vault unlock response");
            if (!activation.activationId().equals(fields.string("activationId"))) {
                throw new InvalidServerResponseException("the vault unlock response is for another activation");
            }
            byte[] encryptedKey = ServerData.orInvalidResponse("the vault unlock response has an invalid field",
                    () -> B64.decode(fields.string("encryptedVaultEncryptionKey"), "encryptedVaultEncryptionKey"));
            return ServerData.orInvalidResponse("the vault key does not decrypt",
                    () -> DeviceKeyVault.decryptVaultEncryptionKey(encryptedKey, transport));
        } finally {
            secrets.destroy();
            transport.destroy();
            Bytes.wipe(plain);
        }
    }
}
