package org.opentokens.powerauth.testkit;

/** Server-side activation states, in the order of the status blob's state byte (1 to 5). */
public enum EmulatorActivationState {
    /** Code issued, no key exchange yet. */
    CREATED,
    /** Keys exchanged, waiting for the back office to commit. */
    PENDING_COMMIT,
    /** Usable. */
    ACTIVE,
    /** Blocked by the back office or by too many failed attempts. */
    BLOCKED,
    /** Removed for good; its tokens stop working. */
    REMOVED;

    /** @return the state byte of the activation status blob */
    byte statusByte() {
        return (byte) (ordinal() + 1);
    }
}
