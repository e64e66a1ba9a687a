package org.opentokens.powerauth.token.domain.internal.signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/**
 * Canonical form of a GET query string, which PowerAuth signs in place of a body.
 *
 * <p>Matches the server's canonicalization: split on {@code '&'}; keep only items of the form {@code key=value}
 * (items without {@code '='} are dropped, an empty value is kept); form-URL-decode key and value as UTF-8
 * ({@code '+'} is a space); sort by key, then by value (UTF-16 code unit order); form-URL-encode again (letters,
 * digits and {@code .-*_} stay, a space becomes {@code '+'}, everything else is {@code %XX} of its UTF-8 bytes
 * with upper-case hex) and join as {@code k=v&k=v}.
 */
public final class QueryCanonicalizer {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryCanonicalizer() {
    }

    /**
     * @param rawQuery the raw query string without the leading {@code '?'}, as sent; null means no query
     * @return the canonical query, or an empty string when no {@code key=value} item is present
     * @throws MalformedDataException if a percent escape is incomplete or not hexadecimal
     */
    public static String canonicalize(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String item : rawQuery.split("&")) {
            String[] kv = item.split("=", 2);
            if (kv.length == 2) {
                pairs.add(new String[] {decode(kv[0]), decode(kv[1])});
            }
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            encode(p[0], out);
            out.append('=');
            encode(p[1], out);
        }
        return out.toString();
    }

    private static String decode(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '+') {
                sb.append(' ');
                i++;
            } else if (c == '%') {
                byte[] bytes = new byte[(n - i) / 3];
                int pos = 0;
                while (i + 2 < n && c == '%') {
                    bytes[pos++] = (byte) hexByte(s, i + 1);
                    i += 3;
                    if (i < n) {
                        c = s.charAt(i);
                    }
                }
                if (i < n && c == '%') {
                    throw new MalformedDataException("query string has an incomplete percent escape");
                }
                sb.append(new String(bytes, 0, pos, StandardCharsets.UTF_8));
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Parses two characters as hex the way the JDK form decoder does (it tolerates a sign character). */
    private static int hexByte(String s, int start) {
        int v;
        try {
            v = Integer.parseInt(s, start, start + 2, 16);
        } catch (NumberFormatException e) {
            throw new MalformedDataException("query string has a non-hexadecimal percent escape");
        }
        if (v < 0) {
            throw new MalformedDataException("query string has a non-hexadecimal percent escape");
        }
        return v;
    }

    private static void encode(String s, StringBuilder out) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isUnreserved(c)) {
                out.append(c == ' ' ? '+' : c);
                i++;
            } else {
                int start = i;
                while (i < n && !isUnreserved(s.charAt(i))) {
                    i++;
                }
                for (byte b : s.substring(start, i).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        }
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == ' ' || c == '.' || c == '-' || c == '*' || c == '_';
    }
}
