package org.opentokens.powerauth.token.application.internal.time;

/** What {@link TimeSynchronizationService} did with one server time sample. */
public enum SampleOutcome {
    /** The offset of the sample is now the stored offset. */
    APPLIED,
    /**
     * The sample's offset was under {@link TimeSynchronizationService#MIN_ADJUSTMENT}: time now counts as
     * synchronized, the stored offset is zero and the precision absorbs the ignored offset.
     */
    SYNCHRONIZED_WITHOUT_ADJUSTMENT,
    /**
     * Time was already synchronized and the sample's offset is within
     * {@link TimeSynchronizationService#JITTER_TOLERANCE} of the stored one; nothing changed.
     */
    IGNORED_JITTER,
    /**
     * The sample is unusable: a round trip over {@link TimeSynchronizationService#MAX_ROUND_TRIP}, a local clock
     * that stepped backwards during the request, or a negative server time. Nothing changed.
     */
    REJECTED
}
