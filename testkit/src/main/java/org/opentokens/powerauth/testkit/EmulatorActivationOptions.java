package org.opentokens.powerauth.testkit;

/**
 * How the back office sets up an activation: the user it belongs to (answered as {@code userInfo.sub}), an
 * additional activation OTP the client must send ({@code activationOtp}), and whether the key exchange hands out
 * a recovery code and PUK ({@code activationRecovery}).
 *
 * @param userId the user id, never null
 * @param otp the activation OTP the client must send, or null for none
 * @param recoveryCode whether the activation hands out a recovery code and PUK
 */
public record EmulatorActivationOptions(String userId, String otp, boolean recoveryCode) {
    /** Checks the user id. */
    public EmulatorActivationOptions {
        java.util.Objects.requireNonNull(userId, "userId");
    }

    /** @return user {@code user}, no OTP, no recovery code */
    public static EmulatorActivationOptions defaults() {
        return new EmulatorActivationOptions("user", null, false);
    }
}
