package org.opentokens.powerauth.token.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Input sources for the fuzz targets: valid seeds mutated at random (bit flips, byte and character edits,
 * truncation, duplication, splicing with another seed, interesting values), mixed with purely random input.
 */
public final class Mutations {
    private static final byte[] INTERESTING_BYTES = {0, 1, -1, 0x7f, -0x80, '"', '\\', '{', '}', '[', ']', ',',
        ':', '=', ' ', '0', '9', '-', '.', 'e', '+', '/', 'A', 'z'};
    private static final String[] INTERESTING_TEXT = {"\"", "=", ",", " ", "\t", "\n", "\\", "PowerAuth ", "=\"",
        "\",", "-", "#", "==", "+", "/", "_", "\u0000", "\u00e9", "\ud83d\ude00", "\ud800", "\uffff", "9", "0",
        "99999999999999999999", "-1", "3.3", "3.0", "null", "{}", "[]"};

    private Mutations() {
    }

    /**
     * @param seeds valid inputs
     * @param maxRandomLength longest purely random input
     * @return mostly mutated seeds (and the seeds themselves), sometimes random bytes
     */
    public static FuzzInputs<byte[]> bytes(List<byte[]> seeds, int maxRandomLength) {
        List<byte[]> copies = seeds.stream().map(byte[]::clone).toList();
        return FuzzInputs.of(r -> {
            int roll = r.nextInt(15);
            if (roll < 12) {
                return mutate(pick(copies, r), copies, r);
            }
            if (roll == 12) {
                return pick(copies, r).clone();
            }
            byte[] random = new byte[r.nextInt(maxRandomLength + 1)];
            r.nextBytes(random);
            return random;
        });
    }

    /**
     * @param seeds valid inputs
     * @param maxRandomLength longest purely random input
     * @return mostly mutated seeds (and the seeds themselves), sometimes random strings
     */
    public static FuzzInputs<String> strings(List<String> seeds, int maxRandomLength) {
        List<String> copies = List.copyOf(seeds);
        return FuzzInputs.of(r -> {
            int roll = r.nextInt(15);
            if (roll < 12) {
                return mutate(pick(copies, r), copies, r);
            }
            if (roll == 12) {
                return pick(copies, r);
            }
            StringBuilder random = new StringBuilder();
            int length = r.nextInt(maxRandomLength + 1);
            boolean printable = roll == 13;
            for (int i = 0; i < length; i++) {
                random.append(printable ? (char) (' ' + r.nextInt(95)) : randomChar(r));
            }
            return random.toString();
        });
    }

    /**
     * Applies one to four random edits.
     *
     * @param seed the input to start from (not changed)
     * @param others inputs to splice from
     * @param r randomness
     * @return the mutant
     */
    public static byte[] mutate(byte[] seed, List<byte[]> others, Random r) {
        byte[] out = seed.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            out = edit(out, others, r);
        }
        return out;
    }

    /**
     * Applies one to four random edits.
     *
     * @param seed the input to start from
     * @param others inputs to splice from
     * @param r randomness
     * @return the mutant
     */
    public static String mutate(String seed, List<String> others, Random r) {
        StringBuilder out = new StringBuilder(seed);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            edit(out, others, r);
        }
        return out.toString();
    }

    private static byte[] edit(byte[] in, List<byte[]> others, Random r) {
        int n = in.length;
        switch (r.nextInt(10)) {
            case 0 -> { // flip a bit
                if (n == 0) {
                    return new byte[] {(byte) r.nextInt()};
                }
                byte[] out = in.clone();
                out[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
                return out;
            }
            case 1 -> { // overwrite a byte
                if (n == 0) {
                    return in;
                }
                byte[] out = in.clone();
                out[r.nextInt(n)] = r.nextBoolean() ? (byte) r.nextInt() : pickByte(r);
                return out;
            }
            case 2 -> { // truncate
                return Arrays.copyOf(in, n == 0 ? 0 : r.nextInt(n));
            }
            case 3 -> { // delete a range
                if (n == 0) {
                    return in;
                }
                int from = r.nextInt(n);
                int to = from + 1 + r.nextInt(Math.min(16, n - from));
                return concat(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, to, n));
            }
            case 4 -> { // insert random or interesting bytes
                int at = r.nextInt(n + 1);
                byte[] insert = new byte[1 + r.nextInt(8)];
                for (int i = 0; i < insert.length; i++) {
                    insert[i] = r.nextBoolean() ? (byte) r.nextInt() : pickByte(r);
                }
                return concat(Arrays.copyOfRange(in, 0, at), insert, Arrays.copyOfRange(in, at, n));
            }
            case 5 -> { // duplicate a range
                if (n == 0) {
                    return in;
                }
                int from = r.nextInt(n);
                int to = from + 1 + r.nextInt(Math.min(32, n - from));
                return concat(Arrays.copyOfRange(in, 0, to), Arrays.copyOfRange(in, from, to),
                        Arrays.copyOfRange(in, to, n));
            }
            case 6 -> { // splice with another input
                byte[] other = others.get(r.nextInt(others.size()));
                int cut = r.nextInt(n + 1);
                int otherCut = r.nextInt(other.length + 1);
                return concat(Arrays.copyOfRange(in, 0, cut), Arrays.copyOfRange(other, otherCut, other.length));
            }
            case 7 -> { // extend with a long run
                byte[] run = new byte[r.nextInt(4) == 0 ? 4096 : 1 + r.nextInt(64)];
                Arrays.fill(run, pickByte(r));
                return concat(in, run);
            }
            case 8 -> { // set a 4-byte big-endian integer to an extreme
                if (n < 4) {
                    return in;
                }
                byte[] out = in.clone();
                int at = r.nextInt(n - 3);
                int value = switch (r.nextInt(4)) {
                    case 0 -> Integer.MAX_VALUE;
                    case 1 -> Integer.MIN_VALUE;
                    case 2 -> -1;
                    default -> r.nextInt(300);
                };
                out[at] = (byte) (value >>> 24);
                out[at + 1] = (byte) (value >>> 16);
                out[at + 2] = (byte) (value >>> 8);
                out[at + 3] = (byte) value;
                return out;
            }
            default -> { // nothing left, or all of it random
                if (r.nextBoolean()) {
                    return new byte[0];
                }
                byte[] out = new byte[n];
                r.nextBytes(out);
                return out;
            }
        }
    }

    private static void edit(StringBuilder s, List<String> others, Random r) {
        int n = s.length();
        switch (r.nextInt(9)) {
            case 0 -> { // replace a character
                if (n > 0) {
                    s.setCharAt(r.nextInt(n), randomChar(r));
                }
            }
            case 1 -> s.setLength(n == 0 ? 0 : r.nextInt(n)); // truncate
            case 2 -> { // delete a range
                if (n > 0) {
                    int from = r.nextInt(n);
                    s.delete(from, from + 1 + r.nextInt(Math.min(12, n - from)));
                }
            }
            case 3 -> s.insert(r.nextInt(n + 1), INTERESTING_TEXT[r.nextInt(INTERESTING_TEXT.length)]);
            case 4 -> s.insert(r.nextInt(n + 1), randomChar(r));
            case 5 -> { // duplicate a range
                if (n > 0) {
                    int from = r.nextInt(n);
                    int to = from + 1 + r.nextInt(Math.min(40, n - from));
                    s.insert(to, s.substring(from, to));
                }
            }
            case 6 -> { // splice with another input
                String other = others.get(r.nextInt(others.size()));
                int cut = r.nextInt(n + 1);
                s.setLength(cut);
                s.append(other, r.nextInt(other.length() + 1), other.length());
            }
            case 7 -> { // a long run
                char c = r.nextBoolean() ? randomChar(r) : INTERESTING_TEXT[r.nextInt(INTERESTING_TEXT.length)].charAt(0);
                s.insert(r.nextInt(n + 1), String.valueOf(c).repeat(r.nextInt(4) == 0 ? 5000 : 1 + r.nextInt(40)));
            }
            default -> { // change case of a character
                if (n > 0) {
                    int at = r.nextInt(n);
                    char c = s.charAt(at);
                    s.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
            }
        }
    }

    private static char randomChar(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> (char) r.nextInt(0x10000);
            case 1 -> (char) r.nextInt(0x80);
            default -> (char) (' ' + r.nextInt(95));
        };
    }

    private static byte pickByte(Random r) {
        return INTERESTING_BYTES[r.nextInt(INTERESTING_BYTES.length)];
    }

    private static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * @param data bytes
     * @return them as hex, for failure reports
     */
    public static String hex(byte[] data) {
        StringBuilder out = new StringBuilder(data.length * 2);
        for (byte b : data) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }

    /**
     * @param data bytes
     * @return them as UTF-8 text (lossy), for failure reports
     */
    public static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }
}
