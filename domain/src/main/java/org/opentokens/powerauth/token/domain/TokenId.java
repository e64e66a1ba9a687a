package org.opentokens.powerauth.token.domain;

import java.util.Locale;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/**
 * The identifier of a MAC token, a UUID assigned by the server.
 *
 * <p>Accepted exactly when the PowerAuth server's header validator accepts it: after lowercasing, it must be
 * a hyphenated UUID with version nibble 1 to 5 and variant 8, 9, a or b. The value is kept as given (the
 * server issues lowercase IDs), so it is sent back byte for byte.
 *
 * @param value the UUID text
 */
public record TokenId(String value) {

    /**
     * @param value the UUID text
     * @throws MalformedDataException if the value is not a UUID the server accepts
     */
    public TokenId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new MalformedDataException(
                    "token ID must be a UUID with version 1-5 and variant 8, 9, a or b");
        }
    }

    /**
     * @param value the UUID text
     * @return the token ID
     * @throws MalformedDataException if the value is not a UUID the server accepts
     */
    public static TokenId of(String value) {
        return new TokenId(value);
    }

    /**
     * @param value a candidate token ID, may be null
     * @return true if {@link #of} would accept it
     */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        String s = value.toLowerCase(Locale.ROOT);
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok;
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                ok = c == '-';
            } else if (i == 14) {
                ok = c >= '1' && c <= '5';
            } else if (i == 19) {
                ok = c == '8' || c == '9' || c == 'a' || c == 'b';
            } else {
                ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
