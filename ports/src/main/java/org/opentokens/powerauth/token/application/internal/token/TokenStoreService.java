package org.opentokens.powerauth.token.application.internal.token;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.opentokens.powerauth.token.application.internal.ClientExecution;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.instance.InstanceSnapshot;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.application.internal.signature.ActivationSigner;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.application.internal.v4.V4ClientProtocol;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.error.TokenFactorMismatchException;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.record.PendingRemovalRecord;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.domain.internal.token.TokenDigest;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.internal.out.StorageArguments;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * Implements {@link PowerAuthTokenStore}: single-flight creation per name, tokens bound to their activation and
 * wiped with it, headers on server-synchronized time. Tokens live in storage and are shared with every process
 * using it: reads check storage's change signal (headers at most once per refresh interval), and every change
 * runs inside the instance's exclusive section. Server calls run on the given executor; when it refuses them,
 * they fail with {@link ClientClosedException}. Thread-safe.
 */
public final class TokenStoreService implements PowerAuthTokenStore {
    /** Signature URI id of {@code /pa/v3/token/remove}. */
    public static final String REMOVE_URI_ID = "/pa/token/remove";

    private final PowerAuthConfiguration configuration;
    private final InstanceState state;
    private final PowerAuthServer server;
    private final RandomSource random;
    private final TimeSynchronizationService time;
    private final Clock clock;
    private final Executor executor;
    private final ActivationSigner signer;
    private final TokenCreation creation;
    private final HeaderTimeSynchronizer headerTimeSync;
    private final V4ClientProtocol v4;
    private final PendingRemovals pendingRemovals;
    private final Map<String, TokenFlight> flights = new ConcurrentHashMap<>();
    private final Object flightLock = new Object();

    /**
     * An instance that never meets protocol 4.0.
     *
     * @param context what the instance's services share; the state is shared with the activation service
     */
    public TokenStoreService(ServiceContext context) {
        this(context, null);
    }

    /**
     * @param context what the instance's services share; the state is shared with the activation service
     * @param v4 the instance's 4.0 operations, shared with the activation service; null when it never meets 4.0.
     *     When the configuration is 4.0, header-time synchronization uses {@code /pa/v4/status}.
     */
    public TokenStoreService(ServiceContext context, V4ClientProtocol v4) {
        Objects.requireNonNull(context, "context");
        this.v4 = v4;
        this.configuration = context.configuration();
        this.state = context.state();
        this.server = context.server();
        this.random = context.random();
        this.time = context.time();
        this.clock = context.clock();
        this.executor = context.executor();
        this.signer = new ActivationSigner(configuration, random);
        this.creation = new TokenCreation(configuration, state, server, context.json(), random, time,
                context.temporaryKeys(), signer, clock, v4);
        this.headerTimeSync = new HeaderTimeSynchronizer(time, v4 != null && configuration.v4().isPresent()
                ? v4::fetchServerTime : server::fetchServerTime, executor);
        this.pendingRemovals = new PendingRemovals(server, signer, v4);
        state.addBeforeSignedCall(pendingRemovals::retryQuietly);
        state.addLossListener(this::activationLost);
    }

    @Override
    public CompletableFuture<PowerAuthToken> requestAccessToken(String tokenName,
            PowerAuthAuthentication authentication) {
        Objects.requireNonNull(authentication, "authentication");
        try {
            checkName(tokenName);
            authentication.checkAlive();
            synchronized (flightLock) {
                PowerAuthSignatureType type = authentication.signatureType();
                InstanceSnapshot snapshot = state.snapshot();
                Optional<TokenRecord> cached = state.token(snapshot, tokenName);
                if (cached.isPresent()) {
                    authentication.destroy();
                    checkFactors(tokenName, cached.get().signatureType(), type);
                    return CompletableFuture.completedFuture(token(cached.get()));
                }
                TokenFlight running = flights.get(tokenName);
                if (running != null && !running.isAbandoned()) {
                    authentication.destroy();
                    checkFactors(tokenName, running.signatureType(), type);
                    return running.subscribe();
                }
                return start(tokenName, authentication, snapshot.requireUsable());
            }
        } catch (RuntimeException e) {
            authentication.destroy();
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<PowerAuthToken> start(String tokenName, PowerAuthAuthentication authentication,
            ActivationRecord activation) {
        TokenFlight flight = new TokenFlight(authentication.signatureType(), () -> flights.remove(tokenName));
        flights.put(tokenName, flight);
        CompletableFuture<PowerAuthToken> first = flight.subscribe();
        FutureTask<Void> work = new FutureTask<>(() -> {
            PowerAuthToken token = null;
            Throwable failure = null;
            try {
                TokenRecord created = creation.create(tokenName, authentication, activation, flight::isAbandoned);
                checkFactors(tokenName, created.signatureType(), authentication.signatureType());
                token = token(created);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                authentication.destroy();
                flights.remove(tokenName, flight);
            }
            if (failure == null) {
                flight.shared().complete(token);
            } else {
                flight.shared().completeExceptionally(failure);
            }
        }, null);
        flight.started(work);
        try {
            ClientExecution.execute(work, executor);
        } catch (ClientClosedException closed) {
            flights.remove(tokenName, flight);
            flight.shared().completeExceptionally(closed);
            throw closed;
        }
        return first;
    }

    @Override
    public boolean hasLocalToken(String tokenName) {
        checkName(tokenName);
        return state.token(state.snapshot(), tokenName).isPresent();
    }

    @Override
    public Optional<PowerAuthToken> getLocalToken(String tokenName) {
        checkName(tokenName);
        return state.token(state.snapshot(), tokenName).map(this::token);
    }

    @Override
    public Set<String> localTokenNames() {
        return Set.copyOf(state.tokens(state.snapshot()).keySet());
    }

    @Override
    public PowerAuthAuthorizationHttpHeader generateHeaderForToken(String tokenName) {
        return header(Objects.requireNonNull(tokenName, "tokenName"), null);
    }

    @Override
    public PowerAuthAuthorizationHttpHeader generateHeaderForToken(PowerAuthToken token) {
        Objects.requireNonNull(token, "token");
        return header(token.tokenName(), token.tokenIdentifier());
    }

    /** @param expected the token id the header must use, or null for whatever token has the name */
    private PowerAuthAuthorizationHttpHeader header(String tokenName, TokenId expected) {
        // Hot path: a cached token of the current activation was validated when it was stored, so the name
        // and activation checks below can only pass; they run only when the cache cannot answer alone.
        // One clock reading serves both the header's timestamp and the check of how fresh the cache is.
        long localMs = clock.millis();
        TokenRecord record = state.cachedToken(tokenName, localMs);
        if (record == null) {
            checkName(tokenName);
            // A fresh process must read storage and fetch the server time, each a first use of its library;
            // the fetch runs meanwhile on the executor. A storage failure still comes first, as without it.
            CompletableFuture<Void> sync = time.isSynchronized() ? null : headerTimeSync.start();
            InstanceSnapshot snapshot = state.recentSnapshot(localMs);
            snapshot.requireUsable();
            record = state.token(snapshot, tokenName).orElseThrow(() -> notFound(tokenName));
            HeaderTimeSynchronizer.await(sync);
            localMs = clock.millis();
        }
        if (expected != null && !expected.equals(record.tokenId())) {
            throw new TokenNotFoundException("token '" + tokenName + "' was removed or replaced");
        }
        if (!time.isSynchronized()) {
            headerTimeSync.synchronize();
            localMs = clock.millis();
        }
        long timestamp = time.serverTimeAt(localMs);
        byte[] nonce = random.nextBytes(TokenDigest.NONCE_LENGTH);
        String header;
        try {
            header = record.headerValue(configuration.protocolVersion(), nonce, timestamp);
        } catch (IllegalStateException e) {
            if (record.isDestroyed()) {
                // Removed (and wiped) by another thread after this one found it.
                throw notFound(tokenName);
            }
            throw e;
        }
        return new PowerAuthAuthorizationHttpHeader(TokenHeader.HEADER_NAME, header);
    }

    @Override
    public CompletableFuture<Void> removeAccessToken(String tokenName) {
        TokenRecord record;
        ActivationRecord activation;
        try {
            checkName(tokenName);
            InstanceSnapshot snapshot = state.snapshot();
            activation = snapshot.requireUsable();
            record = state.token(snapshot, tokenName).orElseThrow(() -> notFound(tokenName));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return ClientExecution.runAsync(() -> removeOnServer(tokenName, record, activation), executor);
    }

    private void removeOnServer(String tokenName, TokenRecord record, ActivationRecord activation) {
        PowerAuthAuthentication possession = PowerAuthAuthentication.possession();
        try {
            state.signedCall(activation.activationId(), tx -> {
                Optional<TokenRecord> stored = tx.token(tokenName);
                boolean same = stored.isPresent() && stored.get().tokenId().equals(record.tokenId());
                stored.ifPresent(TokenRecord::destroy);
                if (!same) {
                    // Another process removed or replaced it meanwhile: there is nothing of ours left to remove.
                    return null;
                }
                try {
                    if (activation.isV4()) {
                        requireV4().removeToken(tx, record.tokenId(), possession);
                    } else {
                        server.removeToken(record.tokenId(), signer.signerFor(tx, possession, REMOVE_URI_ID));
                    }
                } catch (ServerUnreachableException e) {
                    // The tombstone first: a crash before the token's deletion leaves both, never neither.
                    tx.putPendingRemoval(new PendingRemovalRecord(tokenName, record.tokenId(),
                            activation.activationId(), clock.millis()));
                }
                tx.deleteToken(tokenName);
                return null;
            });
        } finally {
            possession.destroy();
        }
    }

    @Override
    public boolean canRequestForAccessToken() {
        return state.snapshot().usable().isPresent();
    }

    @Override
    public CompletableFuture<PowerAuthToken> ensureToken(String tokenName, PowerAuthAuthentication authentication) {
        Objects.requireNonNull(authentication, "authentication");
        TokenRecord cached;
        try {
            checkName(tokenName);
            authentication.checkAlive();
            cached = state.token(state.snapshot(), tokenName).orElse(null);
        } catch (RuntimeException e) {
            authentication.destroy();
            return CompletableFuture.failedFuture(e);
        }
        if (cached == null || cached.signatureType() == authentication.signatureType()) {
            return requestAccessToken(tokenName, authentication);
        }
        return removeAccessToken(tokenName).handle((done, failure) -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause != null && !(cause instanceof TokenNotFoundException)) {
                authentication.destroy();
                return CompletableFuture.<PowerAuthToken>failedFuture(cause);
            }
            return requestAccessToken(tokenName, authentication);
        }).thenCompose(java.util.function.Function.identity());
    }

    @Override
    public CompletableFuture<Integer> flushPendingRemovals() {
        ActivationRecord activation;
        try {
            InstanceSnapshot snapshot = state.snapshot();
            if (state.pendingRemovals().isEmpty()) {
                return CompletableFuture.completedFuture(0);
            }
            activation = snapshot.requireUsable();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return ClientExecution.supplyAsync(() -> state.signedCallAlone(activation.activationId(),
                tx -> pendingRemovals.retry(tx, activation.activationId())), executor);
    }

    @Override
    public int pendingRemovalCount() {
        return state.pendingRemovals().size();
    }

    @Override
    public boolean removeLocalToken(String tokenName) {
        checkName(tokenName);
        return state.transaction(tx -> tx.deleteToken(tokenName));
    }

    @Override
    public void removeAllLocalTokens() {
        state.transaction(tx -> {
            tx.deleteAllTokens();
            return null;
        });
    }

    private V4ClientProtocol requireV4() {
        if (v4 == null) {
            throw new IllegalStateException("this instance was set up without the 4.0 server port");
        }
        return v4;
    }

    private void activationLost() {
        for (TokenFlight flight : flights.values()) {
            flight.shared().completeExceptionally(new MissingActivationException(
                    "the activation was removed or replaced while the token was requested"));
        }
        flights.clear();
    }

    private static void checkFactors(String tokenName, PowerAuthSignatureType existing,
            PowerAuthSignatureType requested) {
        if (existing != requested) {
            throw new TokenFactorMismatchException("token '" + tokenName + "' uses " + existing.wireValue()
                    + ", not " + requested.wireValue());
        }
    }

    private static void checkName(String tokenName) {
        org.opentokens.powerauth.token.port.internal.in.NameRules.tokenName(tokenName);
        StorageArguments.name(InstanceStore.tokenEntry(tokenName));
    }

    private static TokenNotFoundException notFound(String tokenName) {
        return new TokenNotFoundException("there is no local token named '" + tokenName + "'");
    }

    private PowerAuthToken token(TokenRecord record) {
        return new PowerAuthToken(record.tokenName(), record.tokenId(), record.signatureType(), record.activationId(),
                this);
    }
}
