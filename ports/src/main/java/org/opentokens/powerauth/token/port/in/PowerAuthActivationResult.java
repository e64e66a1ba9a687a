package org.opentokens.powerauth.token.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link ActivationUseCase#createActivation}.
 *
 * @param activationId the new activation's id
 * @param activationFingerprint 8 decimal digits to compare with what the server shows the user
 * @param customAttributes the {@code customAttributes} the server answered with (empty if none), as JSON values:
 *     maps, lists, strings, numbers, booleans, nulls
 * @param userInfo the {@code userInfo} claims the server answered with (empty if none), as JSON values
 * @param recoveryData the recovery code and PUK the server handed out, or null; shown once and never stored
 */
public record PowerAuthActivationResult(String activationId, String activationFingerprint,
        Map<String, Object> customAttributes, Map<String, Object> userInfo, PowerAuthRecoveryData recoveryData) {
    /** @throws NullPointerException for a null id, fingerprint or map */
    public PowerAuthActivationResult {
        Objects.requireNonNull(activationId, "activationId");
        Objects.requireNonNull(activationFingerprint, "activationFingerprint");
        customAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(customAttributes, "customAttributes")));
        userInfo = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(userInfo, "userInfo")));
    }

    /**
     * @param activationId the new activation's id
     * @param activationFingerprint the fingerprint
     */
    public PowerAuthActivationResult(String activationId, String activationFingerprint) {
        this(activationId, activationFingerprint, Map.of(), Map.of(), null);
    }

    /** @return the recovery code and PUK handed out at activation, if the server issued them */
    public Optional<PowerAuthRecoveryData> activationRecovery() {
        return Optional.ofNullable(recoveryData);
    }

    @Override
    public String toString() {
        return "PowerAuthActivationResult[activationId=" + activationId + ", fingerprint=" + activationFingerprint
                + ", customAttributes=" + customAttributes.keySet() + ", userInfo=" + userInfo.keySet()
                + (recoveryData == null ? "" : ", recovery=redacted") + "]";
    }
}
