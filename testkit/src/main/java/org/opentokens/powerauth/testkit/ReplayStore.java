package org.opentokens.powerauth.testkit;

import java.util.HashMap;
import java.util.Map;

/** Remembers used nonces until they expire; a second use within that time is a replay. */
final class ReplayStore {

    private static final int PURGE_THRESHOLD = 4096;

    private final Map<String, Long> expiries = new HashMap<>();

    /**
     * Registers a key.
     *
     * @return false when the key was already registered and has not expired
     */
    synchronized boolean register(String key, long expiresAtMs, long nowMs) {
        if (expiries.size() >= PURGE_THRESHOLD) {
            expiries.values().removeIf(expiry -> expiry <= nowMs);
        }
        Long previous = expiries.get(key);
        if (previous != null && previous > nowMs) {
            return false;
        }
        expiries.put(key, expiresAtMs);
        return true;
    }
}
