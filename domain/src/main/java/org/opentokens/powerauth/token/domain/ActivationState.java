package org.opentokens.powerauth.token.domain;

import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** The activation state as carried in byte 4 of the activation status blob. */
public enum ActivationState {
    /** Created on the server; the device has not exchanged keys yet. */
    CREATED(1),
    /** Keys exchanged; waiting for the back end to commit the activation. */
    PENDING_COMMIT(2),
    /** Active: signatures and tokens can be used. */
    ACTIVE(3),
    /** Blocked, for example after too many failed signature attempts. */
    BLOCKED(4),
    /** Removed on the server; the local activation should be discarded. */
    REMOVED(5);

    private final int code;

    ActivationState(int code) {
        this.code = code;
    }

    /** @return the value used in the status blob (1 to 5) */
    public int code() {
        return code;
    }

    /**
     * @param value the status blob byte (read as unsigned)
     * @return the state
     * @throws MalformedDataException if the value is not 1 to 5
     */
    public static ActivationState fromByte(int value) {
        for (ActivationState s : values()) {
            if (s.code == value) {
                return s;
            }
        }
        throw new MalformedDataException("unknown activation state " + value + " in status blob");
    }
}
