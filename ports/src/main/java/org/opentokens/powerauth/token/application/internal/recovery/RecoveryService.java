package org.opentokens.powerauth.token.application.internal.recovery;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.application.internal.ClientExecution;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.json.EnvelopeMaps;
import org.opentokens.powerauth.token.application.internal.json.JsonFields;
import org.opentokens.powerauth.token.application.internal.json.ServerData;
import org.opentokens.powerauth.token.application.internal.keystore.ActivationScopeKey;
import org.opentokens.powerauth.token.application.internal.signature.ActivationSigner;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationCode;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptorId;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesParameters;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.RecoveryUseCase;

/**
 * Implements {@link RecoveryUseCase}: the recovery code encrypted in activation scope (a 3.3 temporary key, or
 * {@code KEY_SERVER_PUBLIC} before 3.3), signed over the encrypted body inside a signed call, and the answer
 * decrypted and checked. Thread-safe.
 */
public final class RecoveryService implements RecoveryUseCase {
    /** Signature URI id of {@code /pa/v3/recovery/confirm}. */
    public static final String CONFIRM_URI_ID = "/pa/recovery/confirm";

    private final ServiceContext context;
    private final ActivationSigner signer;

    /** @param context what the instance's services share */
    public RecoveryService(ServiceContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.signer = new ActivationSigner(context.configuration(), context.random());
    }

    @Override
    public CompletableFuture<Boolean> confirmRecoveryCode(String recoveryCode, PowerAuthAuthentication authentication) {
        Objects.requireNonNull(authentication, "authentication");
        ActivationRecord activation;
        String code;
        try {
            Objects.requireNonNull(recoveryCode, "recoveryCode");
            code = ActivationCode.parse(recoveryCode).code();
            authentication.checkAlive();
            activation = context.state().snapshot().requireUsable();
            if (activation.isV4()) {
                throw FeatureNotSupportedException.forV4("confirmRecoveryCode");
            }
        } catch (RuntimeException e) {
            authentication.destroy();
            return CompletableFuture.failedFuture(e);
        }
        return ClientExecution.supplyAsync(() -> {
            try {
                return confirm(code, authentication, activation);
            } finally {
                authentication.destroy();
            }
        }, context.executor(), authentication::destroy);
    }

    private boolean confirm(String code, PowerAuthAuthentication authentication, ActivationRecord activation) {
        return ActivationScopeKey.with(context, activation,
                (parameters, key) -> exchange(code, authentication, activation, parameters, key));
    }

    private boolean exchange(String code, PowerAuthAuthentication authentication, ActivationRecord activation,
            EciesParameters parameters, EcPublicKey key) {
        return context.state().signedCall(activation.activationId(), tx -> {
            SymmetricKey transport = activation.transportKey();
            EciesSecrets secrets;
            try {
                secrets = EciesSecrets.forActivation(key, context.configuration().applicationSecret(), transport);
            } finally {
                transport.destroy();
            }
            try {
                EciesEncryptor encryptor = EciesEncryptor.create(EciesEncryptorId.CONFIRM_RECOVERY_CODE, parameters,
                        secrets);
                byte[] body = context.json().write(Map.of("recoveryCode", code));
                EciesEncryptedRequest request = encryptor.encryptRequest(body,
                        context.random().secureRandom(), context.time().estimatedServerTimeMs());
                long sent = context.clock().millis();
                EciesEncryptedResponse response = context.server().confirmRecoveryCode(request,
                        signer.signerFor(tx, authentication, CONFIRM_URI_ID));
                long received = context.clock().millis();
                byte[] plain = ServerData.orInvalidResponse("the recovery confirmation does not decrypt",
                        () -> encryptor.decryptResponse(response));
                EnvelopeMaps.applyResponseTimestamp(context.time(), response, sent, received);
                JsonFields fields = JsonFields.parse(context.json(), plain, "recovery confirmation");
                Arrays.fill(plain, (byte) 0);
                Object already = fields.raw("alreadyConfirmed");
                if (!(already instanceof Boolean confirmed)) {
                    throw new InvalidServerResponseException("the recovery confirmation has no alreadyConfirmed");
                }
                return confirmed;
            } finally {
                secrets.destroy();
            }
        });
    }

    @Override
    public String toString() {
        return "RecoveryService[" + context.configuration().protocolVersion().wireValue() + "]";
    }
}
