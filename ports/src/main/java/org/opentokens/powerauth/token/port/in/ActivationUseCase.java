package org.opentokens.powerauth.token.port.in;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.domain.error.ActivationStateException;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;

/**
 * The activation lifecycle the tokens depend on: create with an activation code, commit locally with a password,
 * check status, remove. {@link #localState()} goes from {@link LocalActivationState#NONE} to
 * {@link LocalActivationState#CREATED} ({@link #createActivation}, in memory only) to
 * {@link LocalActivationState#COMMITTED} ({@link #commitActivation}, persisted); the server's own state comes from
 * {@link #fetchActivationStatus()}. Server calls return a {@link CompletableFuture}, local operations are
 * synchronous; all methods are safe for concurrent use.
 */
public interface ActivationUseCase {

    /**
     * Starts an activation with an activation code ({@code /pa/v3/activation/create}): generates the device key
     * pair, encrypts both layers (through a 3.3 application-scope temporary key, or the master server key before
     * 3.3) and keeps the result in memory for {@link #commitActivation}.
     *
     * @param activation the code (optionally with its signature) and device details
     * @return the new activation's id and fingerprint; fails with {@link ActivationStateException} if an
     *     activation already exists, with {@link org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException}
     *     for a bad code or signature, with {@link FeatureNotSupportedException} for a recovery-code activation on a
     *     protocol 4.0 instance, and with server failures
     */
    CompletableFuture<PowerAuthActivationResult> createActivation(PowerAuthActivation activation);

    /**
     * Commits the created activation locally: derives the signature keys, protects the knowledge key with the
     * password (and the biometry key with the host's key, if given) and persists everything in one write. Any
     * tokens left from an earlier activation are wiped first. The authentication is consumed.
     *
     * @param authentication from {@link PowerAuthAuthentication#commitWithPassword} or
     *     {@link PowerAuthAuthentication#commitWithPasswordAndBiometry}
     * @throws ActivationStateException if there is no created activation to commit
     */
    void commitActivation(PowerAuthAuthentication authentication);

    /**
     * Fetches and decrypts the activation status ({@code /pa/v3/activation/status}), resynchronizes the hash
     * counter when the server is ahead, and wipes every token if the server reports REMOVED.
     *
     * @return the status; fails with {@link MissingActivationException} without a committed activation
     */
    CompletableFuture<PowerAuthActivationStatus> fetchActivationStatus();

    /**
     * Removes the activation on the server ({@code /pa/v3/activation/remove}, signed with two or more factors),
     * then locally with all its tokens. Local data stays if the server call fails.
     *
     * @param authentication two or more factors; consumed
     * @return completes when both are done
     */
    CompletableFuture<Void> removeActivation(PowerAuthAuthentication authentication);

    /** Removes the activation and every token locally only; also drops a created, uncommitted activation. */
    void removeActivationLocal();

    /** @return the local state */
    LocalActivationState localState();

    /** @return true if a committed activation exists and the server has not reported it REMOVED */
    boolean hasValidActivation();

    /** @return the activation id of the created or committed activation */
    Optional<String> activationIdentifier();

    /** @return the 8-digit fingerprint of the created or committed activation, for visual comparison */
    Optional<String> activationFingerprint();
}
