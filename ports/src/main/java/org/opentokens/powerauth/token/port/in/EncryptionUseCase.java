package org.opentokens.powerauth.token.port.in;

import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;

/**
 * ECIES encryptors for the host's own payloads, as the SDKs' {@code getEciesEncryptorForApplicationScope} and
 * {@code getEciesEncryptorForActivationScope}. Protocol 3.3 encrypts to a cached temporary key, earlier versions to
 * the master or activation server public key; 3.2 and later synchronize time first. A 3.3 rejection with
 * {@code ERR_TEMPORARY_KEY} wants a new encryptor. The activation-scope encryptor fails with
 * {@link FeatureNotSupportedException} on a 4.0 activation. Thread-safe; the encryptors are single use.
 */
public interface EncryptionUseCase {

    /**
     * @return an application-scope encryptor ({@code sharedInfo1} {@code /pa/generic/application}); fails with
     *     server or time failures when a temporary key or the server time must be fetched
     */
    CompletableFuture<PowerAuthEciesEncryptor> eciesEncryptorForApplicationScope();

    /**
     * @return an activation-scope encryptor ({@code sharedInfo1} {@code /pa/generic/activation}) of the committed
     *     activation; fails with {@link MissingActivationException} without one, and with server or time failures
     */
    CompletableFuture<PowerAuthEciesEncryptor> eciesEncryptorForActivationScope();

    /**
     * @param context what {@link PowerAuthEciesEncryptor#exportContext()} produced, in this process or another
     *     one of the same client; not retained
     * @return an encryptor that decrypts that one response and encrypts nothing
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the bytes are not a context
     */
    PowerAuthEciesEncryptor resumeEciesEncryptor(org.opentokens.powerauth.token.domain.secret.SecretBytes context);
}
