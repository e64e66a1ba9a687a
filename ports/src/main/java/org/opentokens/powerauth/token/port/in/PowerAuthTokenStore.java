package org.opentokens.powerauth.token.port.in;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.TokenFactorMismatchException;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.port.internal.in.NameRules;

/**
 * The token store of the PowerAuth SDKs: named MAC tokens created on the server under the activation, kept in
 * secure storage, and turned into {@code X-PowerAuth-Token} headers locally.
 *
 * <p>Server calls ({@link #requestAccessToken}, {@link #removeAccessToken}) return a {@link CompletableFuture};
 * local operations are synchronous and read a cache backed by storage. {@link #generateHeaderForToken} needs no
 * network unless time was never synchronized (then one shared {@code /pa/v3/status} call). Tokens belong to their
 * activation: removing or replacing it wipes them, and a token issued for an activation lost meanwhile is discarded.
 * Token names are local, per instance, and plain text of at most {@link #MAX_TOKEN_NAME_UTF8_BYTES} UTF-8 bytes
 * ({@link NameRules#tokenName}); others are rejected with {@link IllegalArgumentException}. Thread-safe.
 */
public interface PowerAuthTokenStore {
    /** Longest token name, in UTF-8 bytes. */
    int MAX_TOKEN_NAME_UTF8_BYTES = 240;

    /**
     * Returns the local token of this name, or creates one on the server ({@code /pa/v3/token/create}, signed
     * with the given factors, ECIES-encrypted) and stores it.
     *
     * <p>Concurrent requests for one name share one server call and get the same token. Cancelling the returned
     * future detaches only this caller; the server call is cancelled when every caller has cancelled. The
     * authentication is consumed: it is destroyed when the request finishes, and its password wiped.
     *
     * @param tokenName the local name
     * @param authentication the factors; possession is required
     * @return the token; fails with {@link TokenFactorMismatchException} when a cached or in-flight token of this
     *     name uses other factors, {@link MissingActivationException} without a committed activation or when it
     *     is lost meanwhile, and with server, storage or time failures
     */
    CompletableFuture<PowerAuthToken> requestAccessToken(String tokenName, PowerAuthAuthentication authentication);

    /**
     * @param tokenName the local name
     * @return true if a token of this name is stored for the current activation
     */
    boolean hasLocalToken(String tokenName);

    /**
     * @param tokenName the local name
     * @return the stored token, or empty
     */
    Optional<PowerAuthToken> getLocalToken(String tokenName);

    /** @return the names of the stored tokens of the current activation, as a snapshot */
    Set<String> localTokenNames();

    /**
     * Computes a fresh {@code X-PowerAuth-Token} header: a new random nonce, the server-synchronized time in
     * milliseconds and the digest for the configured protocol version. Every header is single-use on the server.
     *
     * @param tokenName the local name
     * @return the header
     * @throws TokenNotFoundException if there is no such token
     * @throws MissingActivationException if there is no committed activation
     * @throws org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException if time is not
     *     synchronized and synchronizing failed
     */
    PowerAuthAuthorizationHttpHeader generateHeaderForToken(String tokenName);

    /**
     * Removes the token on the server ({@code /pa/v3/token/remove}, signed with possession), then locally. The
     * local copy stays if the server rejects the call. If the server cannot be reached
     * ({@link org.opentokens.powerauth.token.domain.error.ServerUnreachableException}), the token is removed locally
     * all the same and a pending removal (a tombstone, in storage) is kept: the removal on the server is retried
     * inside every later signed call of this activation, from any process sharing the storage, and by
     * {@link #flushPendingRemovals()}, so the server token never stays valid with nobody able to remove it. The
     * future then completes normally; {@link #pendingRemovalCount()} tells what is still owed. Removing the
     * activation drops the tombstones (its tokens end with it).
     *
     * @param tokenName the local name
     * @return completes when both are done; fails with {@link TokenNotFoundException} if there is no such local
     *     token, and with server, storage or activation failures
     */
    CompletableFuture<Void> removeAccessToken(String tokenName);

    /**
     * Removes the token locally only; the server keeps it until its activation ends.
     *
     * @param tokenName the local name
     * @return true if a token was removed
     */
    boolean removeLocalToken(String tokenName);

    /** Removes every local token of this instance, in one atomic storage operation. */
    void removeAllLocalTokens();

    /**
     * @return true if a token can be requested now: there is a committed activation that the server has not
     *     reported removed (the SDKs' {@code canRequestForAccessToken})
     */
    boolean canRequestForAccessToken();

    /**
     * As {@link #generateHeaderForToken(String)}, for exactly this token: the header is refused when the store
     * no longer holds it, even if another token now has its name. {@link PowerAuthToken#generateHeader()} calls
     * this.
     *
     * @param token a token from this store
     * @return the header
     * @throws TokenNotFoundException if the store does not hold this token (removed, or replaced under its name)
     * @throws MissingActivationException if there is no committed activation
     */
    PowerAuthAuthorizationHttpHeader generateHeaderForToken(PowerAuthToken token);

    /**
     * Returns a token of this name created with exactly these factors: the cached one, or one requested as
     * {@link #requestAccessToken} does (one server call shared by concurrent callers). Unlike
     * {@link #requestAccessToken}, a cached token of other factors is replaced: it is removed as
     * {@link #removeAccessToken} removes it (a server that cannot be reached leaves a pending removal), then a
     * new one is requested. The authentication is consumed.
     *
     * @param tokenName the local name
     * @param authentication the factors; possession is required
     * @return the token; fails as {@link #requestAccessToken} and {@link #removeAccessToken} fail
     */
    CompletableFuture<PowerAuthToken> ensureToken(String tokenName, PowerAuthAuthentication authentication);

    /**
     * Retries now every pending removal of the current activation (see {@link #removeAccessToken}), each as its
     * own signed {@code /pa/v3/token/remove} request with its own counter step, inside one signed call's
     * exclusive section. A tombstone is dropped when the server confirms the removal (a server that no longer has
     * the token confirms it too) and stays when the server fails.
     *
     * @return completes with the number of removals the server confirmed; fails with the server failure that
     *     stopped the retry (what is not confirmed stays pending), or {@link MissingActivationException}
     */
    CompletableFuture<Integer> flushPendingRemovals();

    /** @return how many token removals are still owed to the server (a storage read) */
    int pendingRemovalCount();
}
