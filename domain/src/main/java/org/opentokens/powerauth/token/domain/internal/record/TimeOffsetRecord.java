package org.opentokens.powerauth.token.domain.internal.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * A server time offset as stored for later processes, with the wall clock, monotonic clock and boot id read when it
 * was stored. {@link #trustedAt} trusts it only within the same known boot, for at most {@link #MAX_AGE_MS} of
 * monotonic age, and while the wall clock moved with the monotonic one within {@link #MAX_CLOCK_DRIFT_MS} (a clock
 * step or a suspend makes it untrusted).
 *
 * @param offsetMs add to local time to get server time, milliseconds
 * @param precisionMs the error bound of the offset, milliseconds, not negative
 * @param wallClockMs the local wall clock when stored, epoch milliseconds
 * @param monotonicMs the monotonic clock when stored, milliseconds since an arbitrary origin fixed per boot
 * @param bootId the boot the monotonic reading belongs to; empty when unknown, which is never trusted
 */
public record TimeOffsetRecord(long offsetMs, long precisionMs, long wallClockMs, long monotonicMs,
        String bootId) {
    /** Longest monotonic age of a trusted offset: one hour. */
    public static final long MAX_AGE_MS = 3_600_000L;
    /** Largest difference between the wall clock's and the monotonic clock's movement: two seconds. */
    public static final long MAX_CLOCK_DRIFT_MS = 2_000L;

    private static final String MAGIC = "PATO";
    private static final int FORMAT_VERSION = 1;

    /**
     * @throws NullPointerException if {@code bootId} is null
     * @throws IllegalArgumentException if {@code precisionMs} is negative
     */
    public TimeOffsetRecord {
        Objects.requireNonNull(bootId, "bootId");
        if (precisionMs < 0) {
            throw new IllegalArgumentException("precision must not be negative");
        }
    }

    /**
     * Applies the trust rule in the class description.
     *
     * @param wallNowMs the local wall clock now, epoch milliseconds
     * @param monotonicNowMs the monotonic clock now, on the same origin as {@link #monotonicMs()} if the boot is
     *     the same
     * @param bootIdNow the current boot; empty when unknown
     * @return whether the offset may be used without asking the server
     * @throws NullPointerException if {@code bootIdNow} is null
     */
    public boolean trustedAt(long wallNowMs, long monotonicNowMs, String bootIdNow) {
        Objects.requireNonNull(bootIdNow, "bootIdNow");
        if (bootId.isEmpty() || !bootId.equals(bootIdNow)) {
            return false;
        }
        long age = monotonicNowMs - monotonicMs;
        if (age < 0 || age > MAX_AGE_MS) {
            return false;
        }
        long wallMoved = wallNowMs - wallClockMs;
        return Math.abs(wallMoved - age) <= MAX_CLOCK_DRIFT_MS;
    }

    /** @return the storage encoding; the caller should destroy it after use */
    public SecretBytes encode() {
        return SecretBytes.takeOwnership(new RecordWriter(magic(), FORMAT_VERSION)
                .i64(offsetMs).i64(precisionMs).i64(wallClockMs).i64(monotonicMs).string(bootId).toByteArray());
    }

    /**
     * @param encoded what {@link #encode()} produced
     * @return the record
     * @throws MalformedDataException if the bytes are not a valid time offset record of a known format
     */
    public static TimeOffsetRecord decode(SecretBytes encoded) {
        byte[] data = encoded.copyBytes(InsecureSecretAccess.get());
        try {
            RecordReader in = new RecordReader(data, magic(), "time offset");
            if (in.u8() != FORMAT_VERSION) {
                throw new MalformedDataException("time offset record has an unsupported format version");
            }
            long offset = in.i64();
            long precision = in.i64();
            long wall = in.i64();
            long monotonic = in.i64();
            String boot = in.string("boot id");
            in.end();
            return new TimeOffsetRecord(offset, precision, wall, monotonic, boot);
        } catch (IllegalArgumentException e) {
            throw new MalformedDataException("time offset record has an invalid field", e);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    private static byte[] magic() {
        return MAGIC.getBytes(StandardCharsets.US_ASCII);
    }
}
