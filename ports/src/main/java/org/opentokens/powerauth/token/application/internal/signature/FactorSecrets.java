package org.opentokens.powerauth.token.application.internal.signature;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;

/**
 * The host's factor secrets of one signature, as every protocol's signer needs them: each is copied out of the
 * {@link PowerAuthAuthentication}, handed to the step that unprotects the stored factor key, and wiped after it,
 * however that step ends. A factor the signature type needs but the host did not give is a
 * {@link SignatureFactorMissingException}.
 */
public final class FactorSecrets {
    private FactorSecrets() {
    }

    /**
     * @param authentication the host's factors
     * @param unprotect unprotects the knowledge key with the password
     * @param <K> the key type
     * @return the knowledge key
     */
    public static <K> K withPassword(PowerAuthAuthentication authentication, Function<char[], K> unprotect) {
        char[] password = authentication.copyPassword().orElseThrow(() -> new SignatureFactorMissingException(
                "knowledge", authentication.signatureType().wireValue()));
        try {
            return unprotect.apply(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * @param authentication the host's factors
     * @param record the activation, which must hold a protected biometry key
     * @param type the signature type, for the error
     * @param unprotect unprotects the stored biometry key with the host's key
     * @param <K> the key type
     * @return the biometry key
     */
    public static <K> K withBiometryKey(PowerAuthAuthentication authentication, ActivationRecord record,
            PowerAuthSignatureType type, BiFunction<byte[], SymmetricKey, K> unprotect) {
        Optional<byte[]> protectedKey = record.protectedBiometryKey();
        if (protectedKey.isEmpty()) {
            throw new SignatureFactorMissingException("biometry", type.wireValue());
        }
        SymmetricKey host = biometryKey(authentication)
                .orElseThrow(() -> new SignatureFactorMissingException("biometry", type.wireValue()));
        try {
            return unprotect.apply(protectedKey.get(), host);
        } finally {
            host.destroy();
        }
    }

    /**
     * @param authentication the host's factors
     * @return the host's biometry key as a key the caller must destroy; the copied bytes are wiped
     */
    public static Optional<SymmetricKey> biometryKey(PowerAuthAuthentication authentication) {
        return authentication.copyBiometryKey().map(raw -> {
            try {
                return SymmetricKey.of(raw);
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        });
    }
}
