package org.opentokens.powerauth.testkit;

import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A PowerAuth 3.x and 4.0 server emulator whose crypto is Wultra's server-side {@code powerauth-java-crypto}: 1.10.0
 * for 3.x, 2.0.1 for 4.0 ({@code /pa/v4/...}: status, keystore, activation create, status, confirm and remove, token
 * create and remove, {@code auth/validate}; 4.0 token and authorization headers on the sample resources).
 *
 * <p>It answers the standard endpoints ({@code /pa/v3/status}, {@code keystore/create}, {@code activation/create},
 * {@code activation/status}, {@code activation/remove}, {@code token/create}, {@code token/remove},
 * {@code signature/validate}) and two token-protected sample resources, {@value #RESOURCE_PATH} (the
 * {@code @PowerAuthToken} default: two or more factors) and {@value #POSSESSION_RESOURCE_PATH} (any token), in
 * process through {@link #handle(EmulatorRequest)} or over HTTP on 127.0.0.1 after {@link #start()}. The admin
 * methods play the back office: applications, activation codes, commit, block, unblock, remove, and the server
 * clock.
 *
 * <p>By default it behaves as a real deployment was measured to behave (PowerAuth server 1.9 behind the RESTful
 * integration 1.10): every failed token or signature check is the same 401 body, its reason kept only in
 * {@link #exchanges()}; token timestamps within 2 h back and 60 s ahead (3.2, 3.3) or 30 min ahead (3.0, 3.1); a
 * used token header remembered for 60 s; signature look-ahead 20, blocking after 5 failed attempts, ECIES request
 * expiry 60 s (3.2+), temporary keys valid 5 min and refused before the back office commits, and a separate
 * commit step unless {@link Builder#commitOnKeyExchange(boolean)} is on. The builder changes each rule.
 *
 * <p>Thread-safe: concurrent requests are serialized per activation.
 */
public final class PowerAuthEmulator implements AutoCloseable {
    static {
        QuietSlf4j.unlessAProviderIsPresent();
    }

    /**
     * The sample resource, protected as {@code @PowerAuthToken} protects one: by default it accepts tokens created
     * with possession and knowledge and/or biometry, not possession alone ({@link Builder#resourceSignatureTypes}).
     */
    public static final String RESOURCE_PATH = "/api/resource";
    /** A sample resource that accepts a token of any possession-based type, possession alone included. */
    public static final String POSSESSION_RESOURCE_PATH = "/api/resource/possession";
    /**
     * Prefix of the host-like endpoints protected by {@code X-PowerAuth-Authorization}: {@code /api/signed<uriId>},
     * any method, verifies a signature for resource id {@code <uriId>} (for example
     * {@code POST /api/signed/api/payment} for {@code /api/payment}); a GET signs its canonicalized query.
     */
    public static final String SIGNED_RESOURCE_PREFIX = "/api/signed";

    /**
     * A host endpoint that takes an application-scope ECIES envelope ({@code X-PowerAuth-Encryption}) and answers
     * it encrypted, the plaintext {@code echo:} followed by the request's plaintext.
     */
    public static final String ECIES_APPLICATION_PATH = "/api/ecies/application";
    /** As {@link #ECIES_APPLICATION_PATH}, in activation scope, for an ACTIVE activation. */
    public static final String ECIES_ACTIVATION_PATH = "/api/ecies/activation";

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
     * Issues an activation code with options: the user, an activation OTP, a recovery code at key exchange.
     *
     * @param app the application
     * @param options the activation's settings
     * @return the code with its master-key signature
     * @throws IllegalArgumentException if the application is unknown
     */
    public EmulatorActivationCode initActivation(EmulatorApplication app, EmulatorActivationOptions options) {
        return state.initActivation(state.application(Objects.requireNonNull(app, "app").applicationId()),
                Objects.requireNonNull(options, "options"));
    }

    /**
     * The back office sends a recovery code by post: unconfirmed until the activation confirms it.
     *
     * @param activationId the activation it recovers
     * @return the recovery code and its PUK
     * @throws IllegalArgumentException if the activation is unknown
     */
    public EmulatorRecoveryCode issueRecoveryPostcard(String activationId) {
        RecoveryRecord record = state.issueRecoveryCode(state.activation(activationId), false);
        return new EmulatorRecoveryCode(record.recoveryCode(), record.puk());
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
     * The back office removes a token (PowerAuth server's {@code removeToken}); its headers stop working while the
     * client may still hold it.
     *
     * @param tokenId token ID
     * @return true if the token existed
     */
    public boolean removeToken(String tokenId) {
        return state.token(Objects.requireNonNull(tokenId, "tokenId"))
                .map(token -> state.removeToken(tokenId, token.activationId())).orElse(false);
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

    /**
     * @return method, path, status and (for a refused token or signature check) the reason of every request
     *     handled so far, oldest first
     */
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

    /**
     * Verifies an offline signature as PowerAuth server's {@code verifyOfflineSignature} does (the back end's
     * check of digits the user typed): DECIMAL, base string {@code POST&B64(uriId)&B64(nonce)&B64(body)&offline},
     * the same look-ahead; a match moves the server counter, a mismatch counts a failed attempt.
     *
     * @param activationId activation ID
     * @param signatureType the factors, for example {@code possession_knowledge}
     * @param uriId the resource id of the offline data
     * @param body the signed data, or null
     * @param nonceBase64 the 16-byte nonce of the offline data, Base64
     * @param signature the decimal signature
     * @return whether it verified
     * @throws IllegalArgumentException if the activation or the type is unknown
     */
    public boolean verifyOfflineSignature(String activationId, String signatureType, String uriId, byte[] body,
            String nonceBase64, String signature) {
        io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes type =
                io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes.getEnumFromString(signatureType);
        if (type == null) {
            throw new IllegalArgumentException("unknown signature type");
        }
        return dispatcher.verifier().verifyOffline(activationId, type, uriId, body,
                java.util.Base64.getDecoder().decode(nonceBase64), signature);
    }

    EmulatorApplication application(String applicationId) {
        return state.application(applicationId).toApi();
    }

    /** Settings of a new emulator; every one defaults to what a real deployment was measured to do. */
    public static final class Builder {

        private final EmulatorConfig defaults = EmulatorConfig.defaults();
        private Clock clock = defaults.clock();
        private boolean commitOnKeyExchange = defaults.commitOnKeyExchange();
        private int maxFailedAttempts = defaults.maxFailedAttempts();
        private int signatureLookAhead = defaults.signatureLookAhead();
        private Duration temporaryKeyValidity = defaults.temporaryKeyValidity();
        private Duration tokenPastValidity = defaults.tokenPastValidity();
        private Duration tokenFutureV30V31 = defaults.tokenFutureValidityV30V31();
        private Duration tokenFutureV32Plus = defaults.tokenFutureValidityV32Plus();
        private Duration tokenReplayMemory = defaults.tokenReplayMemory();
        private boolean revealAuthenticationReasons = defaults.revealAuthenticationReasons();
        private Set<PowerAuthSignatureTypes> resourceSignatureTypes = defaults.resourceSignatureTypes();
        private Duration eciesV32Plus = defaults.eciesExpirationV32Plus();
        private Duration eciesV30V31 = defaults.eciesExpirationV30V31();
        private int maxRequestBytes = defaults.maxRequestBytes();
        private Duration v4RequestExpiration = defaults.v4RequestExpiration();
        private int minSupportedProtocolVersion = defaults.minSupportedProtocolVersion();

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
         * One future window for every version.
         *
         * @param past   how old a token timestamp may be (default 2 h)
         * @param future how far ahead a token timestamp of any version may be (default: see
         *               {@link #tokenTimestampValidity(Duration, Duration, Duration)})
         * @return this
         */
        public Builder tokenTimestampValidity(Duration past, Duration future) {
            return tokenTimestampValidity(past, future, future);
        }

        /**
         * @param past         how old a token timestamp may be, every version (default 2 h)
         * @param futureV30V31 how far ahead a 3.0 or 3.1 token timestamp may be (default 30 min, the token
         *                     window's own limit)
         * @param futureV32Plus how far ahead a 3.2 or 3.3 token timestamp may be (default 60 s: the server's
         *                     request-expiration check applies to these headers too)
         * @return this
         */
        public Builder tokenTimestampValidity(Duration past, Duration futureV30V31, Duration futureV32Plus) {
            this.tokenPastValidity = positive(past, "past");
            this.tokenFutureV30V31 = positive(futureV30V31, "futureV30V31");
            this.tokenFutureV32Plus = positive(futureV32Plus, "futureV32Plus");
            return this;
        }

        /**
         * @param memory how long a used token header is remembered after its first use; a replay within it is
         *               refused, a later one accepted if its timestamp is still in the window (default 60 s, as a
         *               real deployment's replay store with its clean-up job)
         * @return this
         */
        public Builder tokenReplayMemory(Duration memory) {
            this.tokenReplayMemory = positive(memory, "memory");
            return this;
        }

        /**
         * The stricter replay mode: a used token header is remembered for as long as its timestamp could be
         * accepted (the past window plus the version's future window), so it is never accepted twice.
         *
         * @return this
         */
        public Builder tokenReplayMemoryForWholeWindow() {
            this.tokenReplayMemory = null;
            return this;
        }

        /**
         * @param on answer a failed token check with a body that names the reason ({@code ERR0030} too old,
         *           {@code ERR0044} too far ahead, otherwise {@code POWERAUTH_AUTH_FAIL}) and a failed signature
         *           check with a message that does ({@code POWER_AUTH_REQUEST_INVALID},
         *           {@code POWER_AUTH_SIGNATURE_TYPE_INVALID}), as a server that passes its reasons through would;
         *           default false: the uniform {@code 401 ERR_AUTHENTICATION / POWER_AUTH_SIGNATURE_INVALID}
         * @return this
         */
        public Builder revealAuthenticationReasons(boolean on) {
            this.revealAuthenticationReasons = on;
            return this;
        }

        /**
         * @param types the signature types of tokens that {@value #RESOURCE_PATH} accepts, as wire values such as
         *              {@code possession} or {@code possession_knowledge} (default: {@code possession_knowledge},
         *              {@code possession_biometry} and {@code possession_knowledge_biometry}, the default of
         *              {@code @PowerAuthToken})
         * @return this
         * @throws IllegalArgumentException if empty or a value is not a signature type
         */
        public Builder resourceSignatureTypes(String... types) {
            Objects.requireNonNull(types, "types");
            if (types.length == 0) {
                throw new IllegalArgumentException("resourceSignatureTypes must not be empty");
            }
            EnumSet<PowerAuthSignatureTypes> parsed = EnumSet.noneOf(PowerAuthSignatureTypes.class);
            for (String type : types) {
                PowerAuthSignatureTypes value = PowerAuthSignatureTypes.getEnumFromString(
                        Objects.requireNonNull(type, "type").toLowerCase(Locale.ROOT));
                if (value == null) {
                    throw new IllegalArgumentException("Not a signature type: " + type);
                }
                parsed.add(value);
            }
            this.resourceSignatureTypes = Set.copyOf(parsed);
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

        /**
         * @param d 4.0: how far a token header or AEAD request timestamp may lie from server time, in either
         *          direction (default 60 s, Server 2.0's {@code requestExpirationInMilliseconds}); a 4.0 token
         *          nonce (per token) or AEAD nonce (per temporary key) is remembered for twice this, so reusing
         *          one within the window is always refused
         * @return this
         */
        public Builder v4RequestExpiration(Duration d) {
            this.v4RequestExpiration = positive(d, "v4RequestExpiration");
            return this;
        }

        /**
         * @param version 3 (default, as Server 2.0's {@code minSupportedProtocolVersion}): serve {@code /pa/v3} and
         *                {@code /pa/v4}; 4: refuse every 3.x request ({@code /pa/v3/...} and 3.x token headers)
         *                as a deployment that sets the property to 4 does
         * @return this
         */
        public Builder minSupportedProtocolVersion(int version) {
            this.minSupportedProtocolVersion = checkRange(version, 3, 4, "minSupportedProtocolVersion");
            return this;
        }

        /** @return the emulator */
        public PowerAuthEmulator build() {
            return new PowerAuthEmulator(new EmulatorConfig(clock, commitOnKeyExchange, maxFailedAttempts,
                    signatureLookAhead, temporaryKeyValidity, tokenPastValidity, tokenFutureV30V31,
                    tokenFutureV32Plus, tokenReplayMemory, revealAuthenticationReasons, resourceSignatureTypes,
                    eciesV32Plus, eciesV30V31, maxRequestBytes, v4RequestExpiration, minSupportedProtocolVersion));
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
