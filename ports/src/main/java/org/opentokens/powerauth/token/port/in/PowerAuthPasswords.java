package org.opentokens.powerauth.token.port.in;

import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.WrongPasswordException;

/**
 * The user's password, checked and changed with the server's help. A wrong password cannot be detected locally
 * (the protocol keeps the protected knowledge key unverifiable, against offline guessing): only a signed call
 * tells, and the server counts every wrong one, blocking the activation at its limit.
 *
 * <p>Both calls are signed ({@code /pa/v3/signature/validate}, {@code possession_knowledge}), move the counter
 * once, and run inside the instance's exclusive section like every signed call. Passwords are copied; the
 * caller should wipe its arrays. On a protocol 4.0 activation both fail with {@link FeatureNotSupportedException}
 * before anything is sent or stored.
 */
public interface PowerAuthPasswords {

    /**
     * Asks the server whether the password is right.
     *
     * @param password the password to check; copied
     * @return whether it is right, with the activation status fetched afterwards (failed attempts, the limit,
     *     BLOCKED); fails with {@link MissingActivationException} without a usable activation, and with server
     *     failures other than the 401 of a wrong signature
     */
    CompletableFuture<PasswordValidation> validatePassword(char[] password);

    /**
     * Changes the password: the old one is validated on the server, then the knowledge key is protected with the
     * new one (fresh salt) in one storage write, inside the same exclusive section. If anything fails between the
     * two, the old password still works; there is no moment with neither working.
     *
     * @param oldPassword the current password; copied
     * @param newPassword the new password, not empty; copied
     * @return completes when the new password is stored; fails with {@link WrongPasswordException} (nothing
     *     changed) when the server refused the old password
     */
    CompletableFuture<Void> changePassword(char[] oldPassword, char[] newPassword);
}
