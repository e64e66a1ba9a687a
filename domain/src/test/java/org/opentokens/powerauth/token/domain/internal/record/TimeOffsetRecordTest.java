package org.opentokens.powerauth.token.domain.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

class TimeOffsetRecordTest {
    private static final String BOOT = "7c3e0b8e-2f1a-4c55-9d0e-6a1b2c3d4e5f";

    /** A wall clock and a monotonic clock that the test moves, together or apart. */
    private static final class Clocks {
        long wallMs = 1_780_000_000_000L;
        long monotonicMs = 52_000L;
        String boot = BOOT;

        void elapse(long ms) {
            wallMs += ms;
            monotonicMs += ms;
        }

        void stepWall(long ms) {
            wallMs += ms;
        }

        TimeOffsetRecord store(long offsetMs) {
            return new TimeOffsetRecord(offsetMs, 40, wallMs, monotonicMs, boot);
        }

        boolean trusts(TimeOffsetRecord record) {
            return record.trustedAt(wallMs, monotonicMs, boot);
        }
    }

    @Test
    void trustedRightAfterStoringAndUpToOneHour() {
        Clocks clocks = new Clocks();
        TimeOffsetRecord record = clocks.store(-7_300);

        assertThat(clocks.trusts(record)).isTrue();
        clocks.elapse(TimeOffsetRecord.MAX_AGE_MS);
        assertThat(clocks.trusts(record)).isTrue();
    }

    @Test
    void staleAfterOneHourOfMonotonicTime() {
        Clocks clocks = new Clocks();
        TimeOffsetRecord record = clocks.store(5_000);

        clocks.elapse(TimeOffsetRecord.MAX_AGE_MS + 1);

        assertThat(clocks.trusts(record)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {2_001, -2_001, 3_600_000, -86_400_000})
    void aWallClockStepBreaksTrust(long stepMs) {
        Clocks clocks = new Clocks();
        TimeOffsetRecord record = clocks.store(5_000);

        clocks.elapse(60_000);
        clocks.stepWall(stepMs);

        assertThat(clocks.trusts(record)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {2_000, -2_000, 150})
    void driftWithinTwoSecondsKeepsTrust(long driftMs) {
        Clocks clocks = new Clocks();
        TimeOffsetRecord record = clocks.store(5_000);

        clocks.elapse(600_000);
        clocks.stepWall(driftMs);

        assertThat(clocks.trusts(record)).isTrue();
    }

    @Test
    void aSuspendTheMonotonicClockDidNotCountBreaksTrust() {
        Clocks clocks = new Clocks();
        TimeOffsetRecord record = clocks.store(5_000);

        clocks.stepWall(20 * 60_000);

        assertThat(clocks.trusts(record)).isFalse();
    }

    @Test
    void aRebootBreaksTrustEvenWhenTheReadingsWouldFit() {
        Clocks clocks = new Clocks();
        TimeOffsetRecord record = clocks.store(5_000);

        clocks.elapse(1_000);
        clocks.boot = "0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b";

        assertThat(clocks.trusts(record)).isFalse();
    }

    @Test
    void aMonotonicReadingBeforeTheStoredOneIsNotTrusted() {
        Clocks clocks = new Clocks();
        TimeOffsetRecord record = clocks.store(5_000);

        clocks.monotonicMs -= 10;
        clocks.wallMs -= 10;

        assertThat(clocks.trusts(record)).isFalse();
    }

    @Test
    void anUnknownBootIsNeverTrusted() {
        Clocks clocks = new Clocks();
        clocks.boot = "";
        TimeOffsetRecord record = clocks.store(5_000);

        assertThat(clocks.trusts(record)).isFalse();
    }

    @Test
    void roundTripsEveryField() {
        TimeOffsetRecord record = new TimeOffsetRecord(-123_456_789L, 17, 1_780_000_000_123L, 9_876_543L, BOOT);

        assertThat(TimeOffsetRecord.decode(record.encode())).isEqualTo(record);
    }

    @Test
    void everyTruncationIsATypedError() {
        byte[] encoded = new Clocks().store(1).encode().copyBytes(InsecureSecretAccess.get());
        for (int length = 0; length < encoded.length; length++) {
            SecretBytes cut = SecretBytes.copyOf(Arrays.copyOf(encoded, length));
            assertThatThrownBy(() -> TimeOffsetRecord.decode(cut)).isInstanceOf(MalformedDataException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void aForeignMagicOrVersionIsRejected(int index) {
        byte[] encoded = new Clocks().store(1).encode().copyBytes(InsecureSecretAccess.get());
        encoded[index] ^= 0x01;
        assertThatThrownBy(() -> TimeOffsetRecord.decode(SecretBytes.copyOf(encoded)))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void aNegativeStoredPrecisionIsATypedError() {
        byte[] encoded = new Clocks().store(1).encode().copyBytes(InsecureSecretAccess.get());
        encoded[13] = (byte) 0x80;
        assertThatThrownBy(() -> TimeOffsetRecord.decode(SecretBytes.copyOf(encoded)))
                .isInstanceOf(MalformedDataException.class);
    }
}
