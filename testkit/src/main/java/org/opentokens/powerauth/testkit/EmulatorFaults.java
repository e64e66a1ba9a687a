package org.opentokens.powerauth.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One-shot fault injection. Each queued fault fires once, on the next request to its path (a path without query
 * string, such as {@code /pa/v3/token/create}), or, queued for {@link #ANY_PATH}, on the next request to any
 * non-admin path that has no fault of its own. Faults for one path fire in the order queued. The in-process
 * {@code handle} honours them too: a reset throws {@link EmulatorConnectionResetException}, a delay or a slow body
 * sleeps, a gate blocks.
 *
 * <p>Thread-safe; methods return {@code this} for chaining.
 */
public final class EmulatorFaults {

    /** Queue a fault under this path to hit the next request on any non-admin path. */
    public static final String ANY_PATH = "*";

    private final Map<String, Deque<Fault>> queues = new HashMap<>();

    EmulatorFaults() {
    }

    /**
     * Delays the next response, then answers normally.
     *
     * @param path  request path or {@link #ANY_PATH}
     * @param delay how long to wait
     * @return this
     */
    public EmulatorFaults delay(String path, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return add(path, new Fault(Fault.Kind.DELAY, delay, 0, null, 0));
    }

    /**
     * Drops the next request without any answer: over HTTP the connection closes before a status line; in
     * process {@code handle} throws {@link EmulatorConnectionResetException}. The request is not processed.
     *
     * @param path request path or {@link #ANY_PATH}
     * @return this
     */
    public EmulatorFaults reset(String path) {
        return add(path, Fault.of(Fault.Kind.RESET));
    }

    /**
     * Answers the next request with this status and body, without processing it.
     *
     * @param path request path or {@link #ANY_PATH}
     * @param code HTTP status, 100 to 599
     * @param body response body (sent as UTF-8, may be empty)
     * @return this
     */
    public EmulatorFaults status(String path, int code, String body) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599: " + code);
        }
        return add(path, new Fault(Fault.Kind.STATUS, Duration.ZERO, code, body == null ? "" : body, 0));
    }

    /**
     * Answers the next request with HTTP 200 and a truncated, unparseable JSON body, without processing it.
     *
     * @param path request path or {@link #ANY_PATH}
     * @return this
     */
    public EmulatorFaults garbageJson(String path) {
        return add(path, Fault.of(Fault.Kind.GARBAGE_JSON));
    }

    /**
     * Processes the next request normally (server state changes as usual) but flips one bit of the MAC of the
     * ECIES response envelope, so the client cannot open it. Responses without an envelope pass unchanged.
     *
     * @param path request path or {@link #ANY_PATH}
     * @return this
     */
    public EmulatorFaults wrongEciesMac(String path) {
        return add(path, Fault.of(Fault.Kind.WRONG_ECIES_MAC));
    }

    /**
     * Processes the next keystore request normally but flips one bit of the response JWT's ES256 signature.
     * Responses without a JWT pass unchanged.
     *
     * @param path request path or {@link #ANY_PATH}
     * @return this
     */
    public EmulatorFaults wrongJwtSignature(String path) {
        return add(path, Fault.of(Fault.Kind.WRONG_JWT_SIGNATURE));
    }

    /**
     * Answers the next request with HTTP 200 and a well-formed JSON body of exactly this many bytes, without
     * processing it.
     *
     * @param path  request path or {@link #ANY_PATH}
     * @param bytes body size, at least 64
     * @return this
     */
    public EmulatorFaults oversizedBody(String path, int bytes) {
        if (bytes < 64) {
            throw new IllegalArgumentException("bytes must be at least 64");
        }
        return add(path, new Fault(Fault.Kind.OVERSIZED_BODY, Duration.ZERO, 0, null, bytes));
    }

    /**
     * Processes the next request normally but trickles its answer: the status line and headers (with the full
     * {@code Content-Length}) go out at once, then the body in about 20 small pieces spread over
     * {@code duration}. In process, {@code handle} sleeps for {@code duration} and returns the answer.
     *
     * @param path     request path or {@link #ANY_PATH}
     * @param duration how long the body takes to arrive in full
     * @return this
     */
    public EmulatorFaults slowBody(String path, Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
        return add(path, new Fault(Fault.Kind.SLOW_BODY, duration, 0, null, 0));
    }

    /**
     * Holds the next request before it is processed, until the returned gate is released.
     *
     * @param path request path or {@link #ANY_PATH}
     * @return the gate that holds it
     */
    public EmulatorGate holdRequest(String path) {
        EmulatorGate gate = new EmulatorGate();
        add(path, Fault.gated(Fault.Kind.HOLD_REQUEST, gate));
        return gate;
    }

    /**
     * Processes the next request at once (server state changes as usual) and holds its answer until the returned
     * gate is released.
     *
     * @param path request path or {@link #ANY_PATH}
     * @return the gate that holds the answer
     */
    public EmulatorGate holdResponse(String path) {
        EmulatorGate gate = new EmulatorGate();
        add(path, Fault.gated(Fault.Kind.HOLD_RESPONSE, gate));
        return gate;
    }

    /**
     * Drops every queued fault.
     *
     * @return this
     */
    public synchronized EmulatorFaults clear() {
        queues.clear();
        return this;
    }

    /** @return how many faults are still queued */
    public synchronized int pending() {
        return queues.values().stream().mapToInt(Deque::size).sum();
    }

    /** Takes the fault for this request path: its own first, then (for non-admin paths) any-path ones. */
    synchronized Fault take(String path, boolean admin) {
        Fault own = poll(path);
        if (own != null || admin) {
            return own;
        }
        return poll(ANY_PATH);
    }

    private Fault poll(String path) {
        Deque<Fault> queue = queues.get(path);
        if (queue == null) {
            return null;
        }
        Fault fault = queue.pollFirst();
        if (queue.isEmpty()) {
            queues.remove(path);
        }
        return fault;
    }

    private synchronized EmulatorFaults add(String path, Fault fault) {
        Objects.requireNonNull(path, "path");
        queues.computeIfAbsent(path, p -> new ArrayDeque<>()).addLast(fault);
        return this;
    }
}
