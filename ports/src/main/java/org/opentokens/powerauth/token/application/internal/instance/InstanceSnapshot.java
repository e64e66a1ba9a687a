package org.opentokens.powerauth.token.application.internal.instance;

import java.util.Optional;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;

/**
 * The instance's activation as stored at one storage version. Immutable; a newer snapshot replaces it whenever
 * this process or another one changes the instance.
 */
public final class InstanceSnapshot {
    private final long version;
    private final long tokensTrackedSince;
    private final ActivationRecord committed;
    private final ActivationRecord usable;

    /**
     * @param version the storage version this snapshot reflects
     * @param tokensTrackedSince cached tokens loaded at this version or later are valid with this snapshot;
     *     older ones must be read again, because another process may have changed them
     * @param committed the committed activation, or null if there is none
     */
    InstanceSnapshot(long version, long tokensTrackedSince, ActivationRecord committed) {
        this.version = version;
        this.tokensTrackedSince = tokensTrackedSince;
        this.committed = committed;
        this.usable = isUsable(committed) ? committed : null;
    }

    /**
     * @param record an activation record, or null
     * @return whether it is a committed activation that the server has not reported removed
     */
    static boolean isUsable(ActivationRecord record) {
        return record != null && record.serverState().orElse(null) != ActivationState.REMOVED;
    }

    /** @return the storage version this snapshot reflects */
    public long version() {
        return version;
    }

    long tokensTrackedSince() {
        return tokensTrackedSince;
    }

    /** @return the committed activation, including one the server reported removed */
    public Optional<ActivationRecord> activation() {
        return Optional.ofNullable(committed);
    }

    /** @return the committed activation, unless the server reported it removed */
    public Optional<ActivationRecord> usable() {
        return Optional.ofNullable(usable);
    }

    /**
     * @return the usable activation
     * @throws MissingActivationException if there is none
     */
    public ActivationRecord requireUsable() {
        if (usable == null) {
            throw new MissingActivationException("there is no committed activation");
        }
        return usable;
    }

    ActivationRecord usableOrNull() {
        return usable;
    }

    String usableId() {
        return usable == null ? null : usable.activationId();
    }

    @Override
    public String toString() {
        return "InstanceSnapshot[version=" + version + ", activation="
                + (committed == null ? "none" : committed.activationId()) + "]";
    }
}
