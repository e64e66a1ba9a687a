package org.opentokens.powerauth.token.wiring.reliability;

import java.time.Duration;
import org.opentokens.powerauth.testkit.EmulatorFaults;
import org.opentokens.powerauth.testkit.EmulatorGate;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;

/** One kind of server misbehaviour, how to inject it and the typed error the client must give. */
enum FaultKind {
    /** The request is held past the client's request timeout, then dropped unprocessed. */
    TIMEOUT(ServerUnreachableException.class),
    RESET(ServerUnreachableException.class),
    HTTP_5XX(ServerRejectedException.class),
    /** Processed; the headers arrive at once and the body trickles far past the request timeout. */
    SLOW_BODY(ServerUnreachableException.class),
    OVERSIZED_BODY(InvalidServerResponseException.class),
    GARBAGE_JSON(InvalidServerResponseException.class),
    /** Processed; only on endpoints that answer with an ECIES envelope. */
    WRONG_ECIES_MAC(InvalidServerResponseException.class),
    /** Processed; only on the keystore, which answers with a signed JWT. */
    WRONG_JWT_SIGNATURE(InvalidServerResponseException.class);

    /** The cap the fault clients are configured with; the oversized body is four times larger. */
    static final int RESPONSE_CAP = 64 * 1024;
    /** How long a slow body takes to arrive: far beyond the fault clients' request timeout. */
    static final Duration TRICKLE = Duration.ofSeconds(20);

    private final Class<? extends Throwable> expected;

    FaultKind(Class<? extends Throwable> expected) {
        this.expected = expected;
    }

    Class<? extends Throwable> expected() {
        return expected;
    }

    /** @return whether the server processes the request before the fault shows (its state may change) */
    boolean processed() {
        return this == SLOW_BODY || this == WRONG_ECIES_MAC || this == WRONG_JWT_SIGNATURE;
    }

    /** Queues the fault on {@code path}. @return the gate of a timeout, else null */
    EmulatorGate inject(EmulatorFaults faults, String path) {
        switch (this) {
            case TIMEOUT -> {
                return faults.holdRequest(path);
            }
            case RESET -> faults.reset(path);
            case HTTP_5XX -> faults.status(path, 503, "<html>maintenance</html>");
            case SLOW_BODY -> faults.slowBody(path, TRICKLE);
            case OVERSIZED_BODY -> faults.oversizedBody(path, 4 * RESPONSE_CAP);
            case GARBAGE_JSON -> faults.garbageJson(path);
            case WRONG_ECIES_MAC -> faults.wrongEciesMac(path);
            case WRONG_JWT_SIGNATURE -> faults.wrongJwtSignature(path);
            default -> throw new IllegalStateException(name());
        }
        return null;
    }
}
