package org.opentokens.powerauth.token.adapter.storage;

import java.util.Optional;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * A test value that carries its stamp and part and can check its own bytes, so a reader can tell a whole value
 * from a torn one and name the write it came from.
 */
public final class StampedValue {
    private static final int HEADER = 9;

    private StampedValue() {
    }

    /** @return {@code length} bytes ({@code >= 9}): the stamp, the part, then bytes derived from both */
    public static SecretBytes of(long stamp, int part, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (stamp >>> (56 - 8 * i));
        }
        bytes[8] = (byte) part;
        for (int i = HEADER; i < length; i++) {
            bytes[i] = (byte) (stamp * 31 + part * 17 + i * 7 + (i >>> 8));
        }
        return SecretBytes.takeOwnership(bytes);
    }

    /** @return the stamp in the first 8 bytes */
    public static long stampOf(SecretBytes value) {
        byte[] bytes = value.copyBytes(InsecureSecretAccess.get());
        long stamp = 0;
        for (int i = 0; i < 8; i++) {
            stamp = (stamp << 8) | (bytes[i] & 0xff);
        }
        return stamp;
    }

    /** @return the stamp, if the value is exactly what {@link #of} makes for it with this part and length */
    public static Optional<Long> check(SecretBytes value, int part, int length) {
        if (value.length() != length) {
            return Optional.empty();
        }
        return decode(value, part).map(ValueStamp::stamp);
    }

    /** @return the stamp and length, if the value is whole: exactly what {@link #of} makes for its own header */
    public static Optional<ValueStamp> decode(SecretBytes value, int part) {
        if (value.length() < HEADER) {
            return Optional.empty();
        }
        long stamp = stampOf(value);
        return value.sameBytesAs(of(stamp, part, value.length()))
                ? Optional.of(new ValueStamp(stamp, value.length())) : Optional.empty();
    }
}
