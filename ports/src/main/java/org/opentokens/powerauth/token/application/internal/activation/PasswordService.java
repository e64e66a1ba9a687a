package org.opentokens.powerauth.token.application.internal.activation;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.signature.ActivationSigner;
import org.opentokens.powerauth.token.application.internal.signature.SignedCallAsync;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.WrongPasswordException;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.keys.KnowledgeKeyProtection;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.port.in.PasswordValidation;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthPasswords;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * Implements {@link PowerAuthPasswords} with {@code /pa/v3/signature/validate} ({@code possession_knowledge}).
 * A 401 answer means the signature did not verify: with the right key material and a counter in the server's
 * window, that is a wrong password, which the server has counted. The activation status fetched afterwards
 * (unsigned) tells the attempts left and whether the server blocked the activation.
 *
 * <p>{@link #changePassword} validates and re-protects in one signed call, so no other thread or process signs
 * between the two, and the new protection is one write of the whole activation record: a failure or a crash
 * before that write leaves the old password working, after it the new one. Thread-safe.
 */
public final class PasswordService implements PowerAuthPasswords {
    /** Signature URI id of {@code /pa/v3/signature/validate}. */
    public static final String VALIDATE_URI_ID = "/pa/signature/validate";
    /** The {@code reason} sent with a password check. */
    public static final String VALIDATE_REASON = "VALIDATE_PASSWORD";
    /** The {@code reason} sent with the check that precedes a password change. */
    public static final String CHANGE_REASON = "CHANGE_PASSWORD";

    private final PowerAuthConfiguration configuration;
    private final InstanceState state;
    private final PowerAuthServer server;
    private final RandomSource random;
    private final ActivationSigner signer;
    private final ActivationStatusCheck statusCheck;
    private final SignedCallAsync async;

    /**
     * @param context what the instance's services share (the configuration's iteration count protects a new
     *     password)
     */
    public PasswordService(ServiceContext context) {
        Objects.requireNonNull(context, "context");
        this.configuration = context.configuration();
        this.state = context.state();
        this.server = context.server();
        this.random = context.random();
        this.signer = new ActivationSigner(configuration, random);
        this.statusCheck = new ActivationStatusCheck(configuration, state, server, random);
        this.async = new SignedCallAsync(state, context.executor());
    }

    @Override
    public CompletableFuture<PasswordValidation> validatePassword(char[] password) {
        Objects.requireNonNull(password, "password");
        PowerAuthAuthentication authentication;
        try {
            authentication = PowerAuthAuthentication.possessionWithPassword(password);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return async.start("validatePassword", authentication, activation -> {
            boolean valid = state.signedCall(activation.activationId(), tx -> {
                try {
                    server.validateSignature(VALIDATE_REASON, signer.signerFor(tx, authentication, VALIDATE_URI_ID));
                    return true;
                } catch (ServerRejectedException e) {
                    if (e.httpStatus() == 401) {
                        return false;
                    }
                    throw e;
                }
            });
            return new PasswordValidation(valid, statusOrNull(activation));
        });
    }

    @Override
    public CompletableFuture<Void> changePassword(char[] oldPassword, char[] newPassword) {
        Objects.requireNonNull(oldPassword, "oldPassword");
        Objects.requireNonNull(newPassword, "newPassword");
        if (newPassword.length == 0) {
            return CompletableFuture.failedFuture(new MalformedDataException("the new password must not be empty"));
        }
        try {
            // Refuses text PBKDF2 cannot take (an unpaired surrogate) before the server call, not after it.
            KnowledgeKeyProtection.deriveFromPassword(newPassword, new byte[KnowledgeKeyProtection.SALT_LENGTH], 1)
                    .destroy();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        PowerAuthAuthentication authentication;
        try {
            authentication = PowerAuthAuthentication.possessionWithPassword(oldPassword);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        char[] oldCopy = oldPassword.clone();
        char[] newCopy = newPassword.clone();
        return async.<Void>start("changePassword", authentication, activation -> {
            boolean changed = state.signedCall(activation.activationId(), tx -> {
                try {
                    server.validateSignature(CHANGE_REASON, signer.signerFor(tx, authentication, VALIDATE_URI_ID));
                } catch (ServerRejectedException e) {
                    if (e.httpStatus() == 401) {
                        return false;
                    }
                    throw e;
                }
                ActivationRecord current = tx.requireActivation(activation.activationId());
                tx.putActivation(reprotected(current, oldCopy, newCopy));
                return true;
            });
            if (!changed) {
                PasswordValidation refused = new PasswordValidation(false, statusOrNull(activation));
                throw new WrongPasswordException(refused.remainingAttempts(), refused.blocked());
            }
            return null;
        }).whenComplete((done, failure) -> {
            Arrays.fill(oldCopy, '\0');
            Arrays.fill(newCopy, '\0');
        });
    }

    private ActivationRecord reprotected(ActivationRecord current, char[] oldPassword, char[] newPassword) {
        SymmetricKey knowledge = KnowledgeKeyProtection.unprotect(current.protectedKnowledgeKey(), oldPassword,
                current.knowledgeSalt(), current.knowledgeIterations());
        try {
            byte[] salt = random.nextBytes(KnowledgeKeyProtection.SALT_LENGTH);
            int iterations = configuration.knowledgeKeyIterations();
            byte[] protectedKey = KnowledgeKeyProtection.protect(knowledge, newPassword, salt, iterations);
            return current.withKnowledge(protectedKey, salt, iterations);
        } finally {
            knowledge.destroy();
        }
    }

    private PowerAuthActivationStatus statusOrNull(ActivationRecord activation) {
        try {
            return statusCheck.fetch(activation);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
