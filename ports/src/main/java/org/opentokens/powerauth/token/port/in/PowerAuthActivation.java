package org.opentokens.powerauth.token.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ActivationUseCase#createActivation} needs: the activation code (or a recovery code and its PUK) and
 * the device details the server stores. The code may be a QR payload {@code CODE#SIGNATURE}; the signature is
 * then verified with the master server public key before anything is sent. An activation OTP, custom attributes
 * (layer 1 {@code customAttributes}, for the server's activation provider) and extras are optional.
 */
public final class PowerAuthActivation {
    private final String activationCode;
    private final String activationName;
    private final String platform;
    private final String deviceInfo;
    private final String otp;
    private final String extras;
    private final Map<String, Object> customAttributes;
    private final String recoveryPuk;

    private PowerAuthActivation(Builder b) {
        this.activationCode = Objects.requireNonNull(b.activationCode, "activationCode");
        this.activationName = Objects.requireNonNull(b.activationName, "activationName");
        this.platform = b.platform;
        this.deviceInfo = b.deviceInfo;
        this.otp = b.otp;
        this.extras = b.extras;
        this.customAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.customAttributes));
        this.recoveryPuk = b.recoveryPuk;
    }

    /**
     * @param activationCode {@code XXXXX-XXXXX-XXXXX-XXXXX}, or a QR payload {@code CODE#SIGNATURE}
     * @param activationName a name for this device, shown to the user in their list of devices
     * @return a builder
     */
    public static Builder builder(String activationCode, String activationName) {
        return new Builder(activationCode, activationName);
    }

    /**
     * An activation with a recovery code and its PUK ({@code type: RECOVERY}): the server activates this device
     * in place of the lost one, whose activation it removes.
     *
     * @param recoveryCode the recovery code, {@code XXXXX-XXXXX-XXXXX-XXXXX}
     * @param puk the 10-digit PUK that goes with it
     * @param activationName a name for this device
     * @return a builder
     */
    public static Builder recoveryBuilder(String recoveryCode, String puk, String activationName) {
        Builder builder = new Builder(recoveryCode, activationName);
        builder.recoveryPuk = Objects.requireNonNull(puk, "puk");
        return builder;
    }

    /** @return the code or QR payload, or the recovery code of a recovery activation */
    public String activationCode() {
        return activationCode;
    }

    /** @return true for an activation with a recovery code and PUK */
    public boolean isRecovery() {
        return recoveryPuk != null;
    }

    /** @return the PUK of a recovery activation */
    public Optional<String> recoveryPuk() {
        return Optional.ofNullable(recoveryPuk);
    }

    /** @return the custom attributes sent at create, as JSON values (empty if none) */
    public Map<String, Object> customAttributes() {
        return customAttributes;
    }

    /** @return the device name */
    public String activationName() {
        return activationName;
    }

    /** @return the platform label sent to the server */
    public String platform() {
        return platform;
    }

    /** @return the device description sent to the server */
    public String deviceInfo() {
        return deviceInfo;
    }

    /** @return the additional activation OTP, if the server requires one */
    public Optional<String> otp() {
        return Optional.ofNullable(otp);
    }

    /** @return free-form extras for the server, if any */
    public Optional<String> extras() {
        return Optional.ofNullable(extras);
    }

    @Override
    public String toString() {
        return "PowerAuthActivation[name=" + activationName + ", platform=" + platform
                + (recoveryPuk == null ? "" : ", recovery") + "]";
    }

    /** Builds a {@link PowerAuthActivation}. */
    public static final class Builder {
        private final String activationCode;
        private final String activationName;
        private String platform = "unknown";
        private String deviceInfo = "Java PowerAuth token client";
        private String otp;
        private String extras;
        private Map<String, Object> customAttributes = Map.of();
        private String recoveryPuk;

        private Builder(String activationCode, String activationName) {
            this.activationCode = Objects.requireNonNull(activationCode, "activationCode");
            this.activationName = Objects.requireNonNull(activationName, "activationName");
        }

        /** @param value platform label, default {@code unknown} @return this */
        public Builder platform(String value) {
            this.platform = Objects.requireNonNull(value, "platform");
            return this;
        }

        /** @param value device description @return this */
        public Builder deviceInfo(String value) {
            this.deviceInfo = Objects.requireNonNull(value, "deviceInfo");
            return this;
        }

        /** @param value the activation OTP @return this */
        public Builder otp(String value) {
            this.otp = value;
            return this;
        }

        /** @param value extras for the server @return this */
        public Builder extras(String value) {
            this.extras = value;
            return this;
        }

        /**
         * @param attributes custom attributes for the server's activation provider, as JSON values (maps, lists,
         *     strings, numbers, booleans, nulls); sent as layer 1 {@code customAttributes}
         * @return this
         */
        public Builder customAttributes(Map<String, ?> attributes) {
            this.customAttributes = new LinkedHashMap<>(Objects.requireNonNull(attributes, "attributes"));
            return this;
        }

        /** @return the activation request */
        public PowerAuthActivation build() {
            return new PowerAuthActivation(this);
        }
    }
}
