package org.opentokens.powerauth.testkit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A PowerAuth 3.x server emulator whose crypto is Wultra's server-side {@code powerauth-java-crypto} 1.10.0.
 *
 * <p>It answers the standard endpoints ({@code /pa/v3/status}, {@code keystore/create}, {@code activation/create},
 * {@code activation/status}, {@code activation/remove}, {@code token/create}, {@code token/remove},
 * {@code signature/validate}) and the token-protected sample resource {@code /api/resource}, in process through
 * {@link #handle(EmulatorRequest)} or over HTTP on 127.0.0.1 after {@link #start()}. The admin methods play the
 * back office: applications, activation codes, commit, block, unblock, remove, and the server clock.
 *
 * <p>Server rules follow the PowerAuth server defaults: signature look-ahead 20, blocking after 5 failed
 * attempts, token timestamps within 2 h back and 30 min ahead, ECIES request expiry 60 s (3.2+), temporary keys
 * valid 5 min, nonce replay stores for tokens and ECIES, and a separate commit step unless
 * {@link Builder#commitOnKeyExchange(boolean)} is on.
 *
 * <p>Thread-safe: concurrent requests are serialized per activation.
 */
public final class PowerAuthEmulator implements AutoCloseable {
    static {
        QuietSlf4j.unlessAProviderIsPresent();
    }

    private final EmulatorState state;
    private final EmulatorFaults faults = new EmulatorFaults();
    private final ExchangeLog log = new ExchangeLog();
    private final Dispatcher dispatcher;
    private final Object httpLock = new Object();
    private HttpFrontEnd http;

    private PowerAuthEmulator(EmulatorConfig config) {
        WultraCrypto.ensureProvider();
        this.state = new EmulatorState(config);
        this.dispatcher = new Dispatcher(state, faults, log, new AdminApi(this));
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return an emulator with the defaults */
    public static PowerAuthEmulator create() {
        return builder().build();
    }

    /**
     * Handles one request in process, with no sockets. Injected faults apply.
     *
     * @param request the request
     * @return the response
     * @throws EmulatorConnectionResetException when a reset fault fires
     */
    public EmulatorResponse handle(EmulatorRequest request) {
        return dispatcher.handle(Objects.requireNonNull(request, "request"));
    }

    /** For the HTTP front end: the answer and whether to trickle it. */
    Served serve(EmulatorRequest request) {
        return dispatcher.serve(request);
    }

    /**
     * Starts the HTTP front end on 127.0.0.1 and an ephemeral port. Idempotent.
     *
     * @return the base URI, like {@code http://127.0.0.1:43123}
     */
    public URI start() {
        return start(0);
    }

    /**
     * Starts the HTTP front end on 127.0.0.1 and the given port (0 for an ephemeral one). Idempotent.
     *
     * @param port TCP port, or 0
     * @return the base URI
     */
    URI start(int port) {
        synchronized (httpLock) {
            if (http == null) {
                http = HttpFrontEnd.start(this, port, state.config().maxRequestBytes());
            }
            return http.baseUri();
        }
    }

    /**
     * @return the base URI of the running HTTP front end
     * @throws IllegalStateException if not started
     */
    public URI baseUri() {
        synchronized (httpLock) {
            if (http == null) {
                throw new IllegalStateException("The emulator's HTTP front end is not started");
            }
            return http.baseUri();
        }
    }

    /** Stops the HTTP front end if it runs. The in-process state stays usable. */
    @Override
    public void close() {
        synchronized (httpLock) {
            if (http != null) {
                http.stop();
                http = null;
            }
        }
    }

    /** @return a new application with fresh app key, app secret and master key pair */
    public EmulatorApplication createApplication() {
        return state.createApplication().toApi();
    }

    /**
     * Issues an activation code for a new activation in state CREATED.
     *
     * @param app the application
     * @return the code with its master-key signature
     * @throws IllegalArgumentException if the application is unknown
     */
    public EmulatorActivationCode initActivation(EmulatorApplication app) {
        return state.initActivation(state.application(Objects.requireNonNull(app, "app").applicationId()));
    }

    /**
     * The back office commits an activation: PENDING_COMMIT to ACTIVE.
     *
     * @param activationId activation ID
     * @throws IllegalArgumentException if unknown
     * @throws IllegalStateException if not PENDING_COMMIT
     */
    public void commitActivation(String activationId) {
        state.transition(activationId, EmulatorActivationState.ACTIVE, EmulatorActivationState.PENDING_COMMIT);
    }

    /**
     * Blocks an ACTIVE activation (blocking a BLOCKED one does nothing).
     *
     * @param activationId activation ID
     * @throws IllegalArgumentException if unknown
     * @throws IllegalStateException if neither ACTIVE nor BLOCKED
     */
    public void blockActivation(String activationId) {
        state.transition(activationId, EmulatorActivationState.BLOCKED, EmulatorActivationState.ACTIVE,
                EmulatorActivationState.BLOCKED);
    }

    /**
     * Unblocks a BLOCKED activation and resets its failed attempts (on an ACTIVE one it only resets them).
     *
     * @param activationId activation ID
     * @throws IllegalArgumentException if unknown
     * @throws IllegalStateException if neither BLOCKED nor ACTIVE
     */
    public void unblockActivation(String activationId) {
        state.transition(activationId, EmulatorActivationState.ACTIVE, EmulatorActivationState.BLOCKED,
                EmulatorActivationState.ACTIVE);
    }

    /**
     * Removes an activation for good; its tokens stop working.
     *
     * @param activationId activation ID
     * @throws IllegalArgumentException if unknown
     */
    public void removeActivation(String activationId) {
        state.activation(activationId).state(EmulatorActivationState.REMOVED);
    }

    /**
     * @param activationId activation ID
     * @return a snapshot of the activation
     * @throws IllegalArgumentException if unknown
     */
    public EmulatorActivation activation(String activationId) {
        return state.activation(activationId).snapshot(state.config().maxFailedAttempts());
    }

    /**
     * @param activationId activation ID
     * @return the tokens the activation holds, sorted by token ID
     * @throws IllegalArgumentException if the activation is unknown
     */
    public List<EmulatorToken> tokens(String activationId) {
        return state.tokensOf(activationId);
    }

    /**
     * Moves the server clock: server time becomes base clock plus this offset.
     *
     * @param offset offset from the base clock, may be negative
     */
    public void setClockOffset(Duration offset) {
        state.clockOffset(Objects.requireNonNull(offset, "offset"));
    }

    /** @return the server time in Unix milliseconds */
    public long serverTimeMs() {
        return state.serverTimeMs();
    }

    /** @return the fault injection queue */
    public EmulatorFaults faults() {
        return faults;
    }

    /** @return method, path and status of every request handled so far, oldest first */
    public List<EmulatorExchange> exchanges() {
        return log.exchanges();
    }

    /**
     * @param path a path without query string, like {@code /pa/v3/token/create}
     * @return how many requests hit it, faulted ones included
     */
    public long count(String path) {
        return log.count(path);
    }

    EmulatorApplication application(String applicationId) {
        return state.application(applicationId).toApi();
    }

    /** Settings of a new emulator; every one has the PowerAuth server default. */
    public static final class Builder {

        private final EmulatorConfig defaults = EmulatorConfig.defaults();
        private Clock clock = defaults.clock();
        private boolean commitOnKeyExchange = defaults.commitOnKeyExchange();
        private int maxFailedAttempts = defaults.maxFailedAttempts();
        private int signatureLookAhead = defaults.signatureLookAhead();
        private Duration temporaryKeyValidity = defaults.temporaryKeyValidity();
        private Duration tokenPastValidity = defaults.tokenPastValidity();
        private Duration tokenFutureValidity = defaults.tokenFutureValidity();
        private Duration eciesV32Plus = defaults.eciesExpirationV32Plus();
        private Duration eciesV30V31 = defaults.eciesExpirationV30V31();
        private int maxRequestBytes = defaults.maxRequestBytes();

        private Builder() {
        }

        /**
         * @param base the base clock; server time is its time plus the offset (default {@code Clock.systemUTC()})
         * @return this
         */
        public Builder clock(Clock base) {
            this.clock = Objects.requireNonNull(base, "base");
            return this;
        }

        /**
         * @param on activate on key exchange instead of waiting for {@link #commitActivation(String)}
         *           (default false)
         * @return this
         */
        public Builder commitOnKeyExchange(boolean on) {
            this.commitOnKeyExchange = on;
            return this;
        }

        /**
         * @param n failed attempts that block an activation, 1 to 127 (default 5)
         * @return this
         */
        public Builder maxFailedAttempts(int n) {
            this.maxFailedAttempts = checkRange(n, 1, 127, "maxFailedAttempts");
            return this;
        }

        /**
         * @param n counter values the server tries, 1 to 64 (default 20)
         * @return this
         */
        public Builder signatureLookAhead(int n) {
            this.signatureLookAhead = checkRange(n, 1, 64, "signatureLookAhead");
            return this;
        }

        /**
         * @param d lifetime of temporary keys (default 5 min)
         * @return this
         */
        public Builder temporaryKeyValidity(Duration d) {
            this.temporaryKeyValidity = positive(d, "temporaryKeyValidity");
            return this;
        }

        /**
         * @param past   how old a token timestamp may be (default 2 h)
         * @param future how far ahead a token timestamp may be (default 30 min)
         * @return this
         */
        public Builder tokenTimestampValidity(Duration past, Duration future) {
            this.tokenPastValidity = positive(past, "past");
            this.tokenFutureValidity = positive(future, "future");
            return this;
        }

        /**
         * @param v32plus ECIES request timestamp tolerance for 3.2 and 3.3 (default 60 s)
         * @param v30v31  ECIES nonce retention for 3.1, which has no timestamp (default 2 h)
         * @return this
         */
        public Builder eciesRequestExpiration(Duration v32plus, Duration v30v31) {
            this.eciesV32Plus = positive(v32plus, "v32plus");
            this.eciesV30V31 = positive(v30v31, "v30v31");
            return this;
        }

        /**
         * @param n largest accepted request body in bytes (default 1 MiB)
         * @return this
         */
        public Builder maxRequestBytes(int n) {
            this.maxRequestBytes = checkRange(n, 1, Integer.MAX_VALUE - 1, "maxRequestBytes");
            return this;
        }

        /** @return the emulator */
        public PowerAuthEmulator build() {
            return new PowerAuthEmulator(new EmulatorConfig(clock, commitOnKeyExchange, maxFailedAttempts,
                    signatureLookAhead, temporaryKeyValidity, tokenPastValidity, tokenFutureValidity, eciesV32Plus,
                    eciesV30V31, maxRequestBytes));
        }

        private static int checkRange(int n, int min, int max, String name) {
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ": " + n);
            }
            return n;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
