package org.opentokens.powerauth.testkit;

/**
 * A recovery code as the back office hands it out, with its PUK.
 *
 * @param recoveryCode the code, {@code XXXXX-XXXXX-XXXXX-XXXXX}
 * @param puk the 10-digit PUK
 */
public record EmulatorRecoveryCode(String recoveryCode, String puk) {
}
