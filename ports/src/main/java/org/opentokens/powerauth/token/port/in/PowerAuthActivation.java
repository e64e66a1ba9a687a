package org.opentokens.powerauth.token.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ActivationUseCase#createActivation} needs: the activation code and the device details the server
 * stores. The code may be a QR payload {@code CODE#SIGNATURE}; the signature is then verified with the master
 * server public key before anything is sent.
 */
public final class PowerAuthActivation {
    private final String activationCode;
    private final String activationName;
    private final String platform;
    private final String deviceInfo;
    private final String otp;
    private final String extras;

    private PowerAuthActivation(Builder b) {
        this.activationCode = Objects.requireNonNull(b.activationCode, "activationCode");
        this.activationName = Objects.requireNonNull(b.activationName, "activationName");
        this.platform = b.platform;
        this.deviceInfo = b.deviceInfo;
        this.otp = b.otp;
        this.extras = b.extras;
    }

    /**
     * @param activationCode {@code XXXXX-XXXXX-XXXXX-XXXXX}, or a QR payload {@code CODE#SIGNATURE}
     * @param activationName a name for this device, shown to the user in their list of devices
     * @return a builder
     */
    public static Builder builder(String activationCode, String activationName) {
        return new Builder(activationCode, activationName);
    }

    /** @return the code or QR payload */
    public String activationCode() {
        return activationCode;
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
        return "PowerAuthActivation[name=" + activationName + ", platform=" + platform + "]";
    }

    /** Builds a {@link PowerAuthActivation}. */
    public static final class Builder {
        private final String activationCode;
        private final String activationName;
        private String platform = "unknown";
        private String deviceInfo = "Java PowerAuth token client";
        private String otp;
        private String extras;

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

        /** @return the activation request */
        public PowerAuthActivation build() {
            return new PowerAuthActivation(this);
        }
    }
}
