package org.opentokens.powerauth.token.port.in;

import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;

/**
 * ECIES encryptors for the host's own payloads, as the SDKs' {@code getEciesEncryptorForApplicationScope} and
 * {@code getEciesEncryptorForActivationScope}. Protocol 3.3 encrypts to a temporary key
 * ({@code /pa/v3/keystore/create}, cached per scope until shortly before it expires), earlier versions to the
 * master server public key (application scope) or the activation's server public key (activation scope); 3.2 and
 * later synchronize time first, for the request timestamp. A server that rejects a 3.3 request with
 * {@code ERR_TEMPORARY_KEY} wants a new encryptor. The activation-scope encryptor fails with
 * {@link FeatureNotSupportedException} on a protocol 4.0 activation (ECIES is 3.x; 4.0 uses AEAD envelopes).
 *
 * <p>Thread-safe; the encryptors themselves are single use.
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
