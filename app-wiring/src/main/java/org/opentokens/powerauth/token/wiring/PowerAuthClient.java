package org.opentokens.powerauth.token.wiring;

import java.util.Objects;
import org.opentokens.powerauth.token.application.internal.time.HostTimeSynchronizationService;
import org.opentokens.powerauth.token.application.internal.time.ServerTimeFetch;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.port.in.ActivationUseCase;
import org.opentokens.powerauth.token.port.in.EncryptionUseCase;
import org.opentokens.powerauth.token.port.in.PowerAuthPasswords;
import org.opentokens.powerauth.token.port.in.PowerAuthSignatures;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.port.in.PowerAuthVault;
import org.opentokens.powerauth.token.port.in.RecoveryUseCase;
import org.opentokens.powerauth.token.port.in.TimeSynchronization;

/**
 * One PowerAuth client instance as a host sees it: the token store, the activation API and the server time
 * synchronization, all sharing one activation, one storage namespace and one set of worker threads.
 *
 * <p>Get it (or the parts) from an injector built with {@link PowerAuthTokenModule}. The client owns the daemon
 * threads its server calls run on; {@link #close()} shuts them down. Local operations (stored tokens, headers
 * once time is synchronized) keep working after close; every asynchronous server call started after close fails
 * through its future with {@link org.opentokens.powerauth.token.domain.error.ClientClosedException}. Thread-safe.
 */
public final class PowerAuthClient implements AutoCloseable {
    private final String instanceId;
    private final PowerAuthTokenStore tokenStore;
    private final ActivationUseCase activation;
    private final TimeSynchronization timePort;
    private final ClientExecutor executor;
    private final Runnable releaseTransport;
    private final PowerAuthSignatures signatures;
    private final PowerAuthPasswords passwords;
    private final PowerAuthVault vault;
    private final EncryptionUseCase encryption;
    private final RecoveryUseCase recovery;

    PowerAuthClient(String instanceId, PowerAuthTokenStore tokenStore, ActivationUseCase activation,
            TimeSynchronizationService timeSynchronization, ServerTimeFetch serverTime, ClientExecutor executor,
            Runnable releaseTransport, PowerAuthSignatures signatures, PowerAuthPasswords passwords,
            PowerAuthVault vault, EncryptionUseCase encryption, RecoveryUseCase recovery) {
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
        this.activation = Objects.requireNonNull(activation, "activation");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timePort = new HostTimeSynchronizationService(timeSynchronization, serverTime, executor);
        this.releaseTransport = Objects.requireNonNull(releaseTransport, "releaseTransport");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.recovery = Objects.requireNonNull(recovery, "recovery");
    }

    /** @return the instance id this client stores its activation and tokens under */
    public String instanceId() {
        return instanceId;
    }

    /** @return the token store */
    public PowerAuthTokenStore tokenStore() {
        return tokenStore;
    }

    /** @return the activation lifecycle */
    public ActivationUseCase activation() {
        return activation;
    }

    /** @return PowerAuth signatures for the host's own endpoints, online and offline */
    public PowerAuthSignatures signatures() {
        return signatures;
    }

    /** @return the password check and change */
    public PowerAuthPasswords passwords() {
        return passwords;
    }

    /** @return the vault: encryption keys and device-key signatures behind a two-factor unlock */
    public PowerAuthVault vault() {
        return vault;
    }

    /** @return ECIES encryptors for the host's own payloads, in application or activation scope */
    public EncryptionUseCase encryption() {
        return encryption;
    }

    /** @return recovery codes of the committed activation */
    public RecoveryUseCase recovery() {
        return recovery;
    }

    /**
     * @return the server time synchronization the headers and ECIES timestamps rely on: whether it is synchronized,
     *     server time now, a fresh sample on the client's threads, and reset
     */
    public TimeSynchronization timeSynchronization() {
        return timePort;
    }

    /** @return true once {@link #close()} was called */
    public boolean isClosed() {
        return executor.isShutdown();
    }

    /**
     * Shuts the client's worker threads down: server calls in flight are interrupted and fail as unreachable
     * ({@link org.opentokens.powerauth.token.domain.error.ServerUnreachableException}), new ones fail with
     * {@link org.opentokens.powerauth.token.domain.error.ClientClosedException}. The HTTP client is let go of, so a
     * closed client kept by the host pins no thread (on Java 17 the HTTP client's selector thread ends once it is
     * garbage collected). Stored data is untouched. Idempotent.
     */
    @Override
    public void close() {
        executor.shutdown();
        releaseTransport.run();
    }

    @Override
    public String toString() {
        return "PowerAuthClient[instance=" + instanceId + (isClosed() ? ", closed" : "") + "]";
    }
}
