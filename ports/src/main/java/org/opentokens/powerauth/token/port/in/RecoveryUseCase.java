package org.opentokens.powerauth.token.port.in;

import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;

/**
 * Recovery codes of the committed activation, as the SDKs' {@code confirmRecoveryCode}. Protocol 4.0 has no recovery
 * codes: on a 4.0 activation it fails with {@link FeatureNotSupportedException} before anything is sent. Thread-safe.
 */
public interface RecoveryUseCase {

    /**
     * Confirms a recovery code on the server ({@code /pa/v3/recovery/confirm}: {@code {"recoveryCode":…}} ECIES
     * encrypted in activation scope, {@code /pa/recovery/confirm}, then signed over the encrypted body), for
     * example one that came on a postcard. A signed call: one counter step, inside the instance's exclusive
     * section. The authentication is consumed.
     *
     * @param recoveryCode the recovery code, {@code XXXXX-XXXXX-XXXXX-XXXXX}
     * @param authentication two or more factors, as the server requires
     * @return completes with true if the server had already confirmed the code; fails with
     *     {@link MissingActivationException} without a committed activation,
     *     {@link org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException} for a malformed code,
     *     and with server failures
     */
    CompletableFuture<Boolean> confirmRecoveryCode(String recoveryCode, PowerAuthAuthentication authentication);
}
