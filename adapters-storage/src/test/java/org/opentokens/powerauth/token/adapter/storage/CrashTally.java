package org.opentokens.powerauth.token.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

/** Adds up the crash checks of one test and words its reliability figure. */
public final class CrashTally {
    private int kills;
    private int inFlight;
    private int resolvedNew;
    private int resolvedOld;
    private long records;
    private int halfWritten;
    private int phantom;
    private int lost;
    private int torn;

    /**
     * Counts one kill and its check, then fails the test if the check found damage.
     *
     * @param point what the killed writer had done
     * @param verdict the check of its namespace
     */
    public void add(CrashPoint point, CrashCheck.Verdict verdict) {
        kills++;
        if (point.inFlight().isPresent()) {
            inFlight++;
            if (verdict.outcome() == CrashCheck.Outcome.NEW) {
                resolvedNew++;
            } else if (verdict.outcome() == CrashCheck.Outcome.OLD) {
                resolvedOld++;
            }
        }
        records += verdict.records();
        halfWritten += verdict.halfWritten();
        phantom += verdict.phantom();
        lost += verdict.lost();
        torn += verdict.torn();
        assertThat(verdict.outcome()).as("kill %d: %s", kills, verdict.detail()).isNotEqualTo(CrashCheck.Outcome.BROKEN);
    }

    /** Fails unless the test really killed writers mid-call and read records back. */
    public void assertExercised(int expectedKills) {
        assertThat(kills).as("kills").isEqualTo(expectedKills);
        assertThat(inFlight).as("kills that hit a call in flight").isPositive();
        assertThat(records).as("records read back").isPositive();
    }

    /** @return e.g. {@code 20 kills (18 mid-call: 9 read as before the call, 9 as after it), 212 records checked, ...} */
    public String figure() {
        return kills + " kills (" + inFlight + " mid-call: " + resolvedOld + " read as before the call, " + resolvedNew
                + " as after it), " + records + " records checked, " + halfWritten + " half-written, " + phantom
                + " phantom, " + lost + " lost, " + torn + " torn";
    }
}
