package org.opentokens.powerauth.token.application.internal.activation;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.opentokens.powerauth.token.application.internal.ClientExecution;
import org.opentokens.powerauth.token.application.internal.CreatedActivation;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.keystore.TemporaryKeyProvider;
import org.opentokens.powerauth.token.application.internal.signature.ActivationSigner;
import org.opentokens.powerauth.token.application.internal.signature.FactorSecrets;
import org.opentokens.powerauth.token.application.internal.v4.V4ClientProtocol;
import org.opentokens.powerauth.token.application.internal.v4.V4PendingActivation;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.error.ActivationStateException;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationCode;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationFingerprint;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.keys.ActivationKeys;
import org.opentokens.powerauth.token.domain.internal.keys.BiometryKeyProtection;
import org.opentokens.powerauth.token.domain.internal.keys.DeviceKeyVault;
import org.opentokens.powerauth.token.domain.internal.keys.KnowledgeKeyProtection;
import org.opentokens.powerauth.token.domain.internal.keys.MasterSecret;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.port.in.ActivationUseCase;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationResult;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * Implements {@link ActivationUseCase} over the server port and the {@link InstanceState} it shares with the
 * token store. The committed activation lives in storage and may be shared with other processes: reads check
 * storage's change signal, and every change runs inside the instance's exclusive section. A created but not yet
 * committed activation lives in this object only. Server calls run on the given executor; when it refuses them,
 * they fail with {@link ClientClosedException}. Thread-safe.
 */
public final class ActivationService implements ActivationUseCase {
    /** Signature URI id of {@code /pa/v3/activation/remove}. */
    public static final String REMOVE_URI_ID = "/pa/activation/remove";

    private final PowerAuthConfiguration configuration;
    private final InstanceState state;
    private final ActivationSigner signer;
    private final PowerAuthServer server;
    private final RandomSource random;
    private final TemporaryKeyProvider temporaryKeys;
    private final Executor executor;
    private final ActivationCreation creation;
    private final ActivationStatusCheck statusCheck;
    private final Object pendingLock = new Object();
    private final V4ClientProtocol v4;
    private CreatedActivation pending;
    private boolean creating;
    /** Counts local removals, so that a creation that overlapped one is discarded; guarded by pendingLock. */
    private long localRemovals;

    /**
     * An instance that never meets protocol 4.0.
     *
     * @param context what the instance's services share; the state is shared with the token store
     */
    public ActivationService(ServiceContext context) {
        this(context, null);
    }

    /**
     * @param context what the instance's services share; the state is shared with the token store
     * @param v4 the instance's 4.0 operations, shared with the token store; null when it never meets 4.0
     */
    public ActivationService(ServiceContext context, V4ClientProtocol v4) {
        Objects.requireNonNull(context, "context");
        this.v4 = v4;
        this.configuration = context.configuration();
        this.state = context.state();
        this.server = context.server();
        this.random = context.random();
        this.temporaryKeys = context.temporaryKeys();
        this.executor = context.executor();
        this.signer = new ActivationSigner(configuration, random);
        this.creation = new ActivationCreation(configuration, server, context.json(), random, context.time(),
                temporaryKeys, context.clock());
        this.statusCheck = new ActivationStatusCheck(configuration, state, server, random);
        state.addLossListener(temporaryKeys::clear);
    }

    @Override
    public CompletableFuture<PowerAuthActivationResult> createActivation(PowerAuthActivation activation) {
        Objects.requireNonNull(activation, "activation");
        ActivationCode code;
        long removals;
        try {
            if (configuration.v4().isPresent() && activation.isRecovery()) {
                // PowerAuth Server 2.0 (protocol 4.0) has no recovery codes.
                throw FeatureNotSupportedException.forV4("activation with a recovery code");
            }
            code = configuration.v4().isPresent() ? v4().parseCode(activation.activationCode())
                    : creation.parseCode(activation);
            synchronized (pendingLock) {
                if (creating || pending != null || state.snapshot().activation().isPresent()) {
                    throw new ActivationStateException("an activation already exists or is being created; "
                            + "remove it first");
                }
                creating = true;
                removals = localRemovals;
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return ClientExecution.supplyAsync(() -> createOnServer(code, activation, removals), executor, () -> {
            synchronized (pendingLock) {
                creating = false;
            }
        });
    }

    private PowerAuthActivationResult createOnServer(ActivationCode code, PowerAuthActivation activation,
            long removals) {
        try {
            CreatedActivation created = configuration.v4().isPresent() ? v4().create(code, activation)
                    : creation.create(code, activation);
            synchronized (pendingLock) {
                if (localRemovals != removals || state.snapshot().activation().isPresent()) {
                    created.destroy();
                    throw new ActivationStateException("the instance changed while the activation was created");
                }
                pending = created;
            }
            return created instanceof PendingActivation v3 ? v3.result()
                    : new PowerAuthActivationResult(created.activationId(), created.fingerprint());
        } finally {
            synchronized (pendingLock) {
                creating = false;
            }
        }
    }

    @Override
    public void commitActivation(PowerAuthAuthentication authentication) {
        Objects.requireNonNull(authentication, "authentication");
        try {
            authentication.checkAlive();
            synchronized (pendingLock) {
                if (pending == null) {
                    throw new ActivationStateException("there is no created activation to commit");
                }
                if (!authentication.signatureType().usesKnowledge()) {
                    throw new ActivationStateException("committing an activation needs a password");
                }
                ActivationRecord committed = pending instanceof V4PendingActivation created
                        ? v4().record(created, authentication) : record((PendingActivation) pending, authentication);
                state.transaction(tx -> {
                    if (tx.activation().isPresent()) {
                        throw new ActivationStateException("another process committed an activation for this "
                                + "instance meanwhile; remove it first");
                    }
                    tx.wipe();
                    tx.putActivation(committed);
                    return null;
                });
                if (committed.isV4()) {
                    confirmOrUndo(committed, authentication);
                }
                pending.destroy();
                pending = null;
                clearKeys();
            }
        } finally {
            authentication.destroy();
        }
    }

    /**
     * 4.0: {@code activation/confirm} right after the record is stored (the SDK persists only after it succeeds).
     * When it fails, the stored record is taken back so that the commit can be retried with the created
     * activation kept; the counter it used stays advanced there.
     */
    private void confirmOrUndo(ActivationRecord committed, PowerAuthAuthentication authentication) {
        try {
            v4().confirm(committed.activationId(), authentication);
        } catch (RuntimeException e) {
            try {
                state.transaction(tx -> {
                    tx.activation().filter(r -> r.activationId().equals(committed.activationId())).ifPresent(r -> {
                        ((V4PendingActivation) pending).advanceCounter(r.v4Counter());
                        tx.wipe();
                    });
                    return null;
                });
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    private V4ClientProtocol v4() {
        if (v4 == null) {
            throw new IllegalStateException("this instance was set up without the 4.0 server port");
        }
        return v4;
    }

    @Override
    public CompletableFuture<PowerAuthActivationStatus> fetchActivationStatus() {
        Optional<ActivationRecord> activation;
        try {
            activation = state.snapshot().activation();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (activation.isEmpty()) {
            return CompletableFuture.failedFuture(new MissingActivationException("there is no committed activation"));
        }
        ActivationRecord record = activation.get();
        return ClientExecution.supplyAsync(() -> record.isV4() ? v4().fetchStatus(record)
                : statusCheck.fetch(record), executor);
    }

    @Override
    public CompletableFuture<Void> removeActivation(PowerAuthAuthentication authentication) {
        Objects.requireNonNull(authentication, "authentication");
        Optional<ActivationRecord> activation;
        try {
            activation = state.snapshot().usable();
        } catch (RuntimeException e) {
            authentication.destroy();
            return CompletableFuture.failedFuture(e);
        }
        if (activation.isEmpty()) {
            authentication.destroy();
            return CompletableFuture.failedFuture(new MissingActivationException("there is no committed activation"));
        }
        String activationId = activation.get().activationId();
        return ClientExecution.runAsync(() -> removeOnServer(authentication, activationId), executor,
                authentication::destroy);
    }

    private void removeOnServer(PowerAuthAuthentication authentication, String activationId) {
        try {
            state.signedCall(activationId, tx -> {
                if (tx.activation().map(ActivationRecord::isV4).orElse(false)) {
                    v4().removeActivation(tx, authentication);
                } else {
                    server.removeActivation(signer.signerFor(tx, authentication, REMOVE_URI_ID));
                }
                tx.wipe();
                return null;
            });
            clearKeys();
        } finally {
            authentication.destroy();
        }
    }

    @Override
    public void removeActivationLocal() {
        synchronized (pendingLock) {
            if (pending != null) {
                pending.destroy();
                pending = null;
            }
            localRemovals++;
            state.abortSignedCalls();
            state.transaction(tx -> {
                tx.wipe();
                return null;
            });
            clearKeys();
        }
    }

    private void clearKeys() {
        temporaryKeys.clear();
        if (v4 != null) {
            v4.clearKeys();
        }
    }

    @Override
    public LocalActivationState localState() {
        synchronized (pendingLock) {
            if (pending != null) {
                return LocalActivationState.CREATED;
            }
        }
        return state.snapshot().activation().isPresent() ? LocalActivationState.COMMITTED : LocalActivationState.NONE;
    }

    @Override
    public boolean hasValidActivation() {
        return state.snapshot().usable().isPresent();
    }

    @Override
    public Optional<String> activationIdentifier() {
        synchronized (pendingLock) {
            if (pending != null) {
                return Optional.of(pending.activationId());
            }
        }
        return state.snapshot().activation().map(ActivationRecord::activationId);
    }

    @Override
    public Optional<String> activationFingerprint() {
        synchronized (pendingLock) {
            if (pending != null) {
                return Optional.of(pending.fingerprint());
            }
        }
        return state.snapshot().activation().map(r -> r.isV4() ? r.v4().fingerprint(r.activationId())
                : ActivationFingerprint.compute(r.devicePublicKey(), r.serverPublicKey(), r.activationId()));
    }

    private ActivationRecord record(PendingActivation created, PowerAuthAuthentication authentication) {
        SymmetricKey master = MasterSecret.compute(created.deviceKeys().privateKey(), created.serverPublicKey());
        ActivationKeys keys = ActivationKeys.derive(master);
        char[] password = authentication.copyPassword().orElseThrow();
        try {
            byte[] salt = random.nextBytes(KnowledgeKeyProtection.SALT_LENGTH);
            int iterations = configuration.knowledgeKeyIterations();
            byte[] protectedKnowledge = KnowledgeKeyProtection.protect(keys.knowledge(), password, salt, iterations);
            byte[] protectedBiometry = null;
            if (authentication.signatureType() == PowerAuthSignatureType.POSSESSION_KNOWLEDGE_BIOMETRY) {
                SymmetricKey host = FactorSecrets.biometryKey(authentication).orElseThrow();
                try {
                    protectedBiometry = BiometryKeyProtection.protect(keys.biometry(), host);
                } finally {
                    host.destroy();
                }
            }
            return ActivationRecord.builder()
                    .activationId(created.activationId())
                    .publicKeys(created.serverPublicKey(), created.deviceKeys().publicKey())
                    .keys(keys.possession(), keys.transport())
                    .knowledge(protectedKnowledge, salt, iterations)
                    .biometry(protectedBiometry)
                    .encryptedDevicePrivateKey(DeviceKeyVault.encryptDevicePrivateKey(
                            created.deviceKeys().privateKey(), keys.vault()))
                    .counter(created.counter())
                    .build();
        } finally {
            Arrays.fill(password, '\0');
            keys.destroy();
            master.destroy();
        }
    }
}
