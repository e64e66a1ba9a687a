package org.opentokens.powerauth.token.wiring.hygiene;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds many fixed strings in a large text in one pass. Every form (at least {@link SecretForms#MIN_LENGTH}
 * characters) is indexed by the hash of an 8-character anchor taken from its middle; one rolling hash of width 8
 * runs over the text, a bit filter rejects almost every position without a map lookup, and each anchor hit is
 * confirmed character by character against the whole form around it. Linear in the text, so tens of thousands
 * of secret spellings over tens of megabytes of logs stay cheap. Hits name the secret's label, never the secret.
 */
final class SecretScanner {
    private static final int ANCHOR = SecretForms.MIN_LENGTH;
    private static final long BASE = 1_000_003L;
    private static final int FILTER_BITS = 1 << 24;
    private static final long TOP = pow(ANCHOR - 1);

    private static final int CHUNK = 8 << 20;

    /** A found secret: where, which secret (label), which spelling, at which offset (its end excluded). */
    record Hit(String source, String label, String kind, long offset, long end) {
    }

    private record Candidate(String form, int anchorAt, String label, String kind) {
    }

    private final Map<Long, List<Candidate>> byAnchor = new HashMap<>();
    private final long[] filter = new long[FILTER_BITS / 64];
    private final int forms;
    private int longest;

    /** @param forms for each form: its label and kind */
    SecretScanner(Map<String, String[]> forms) {
        forms.forEach((form, labelAndKind) -> {
            int at = (form.length() - ANCHOR) / 2;
            long h = hash(form, at);
            byAnchor.computeIfAbsent(h, k -> new ArrayList<>(1))
                    .add(new Candidate(form, at, labelAndKind[0], labelAndKind[1]));
            int bit = slot(h);
            filter[bit >>> 6] |= 1L << bit;
            longest = Math.max(longest, form.length());
        });
        this.forms = forms.size();
    }

    int formCount() {
        return forms;
    }

    /** @return every hit of a form in the bytes, read as ISO-8859-1 characters */
    List<Hit> scan(String source, byte[] bytes) {
        return scan(source, new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /**
     * Scans a file of any size in chunks (its bytes read as ISO-8859-1 characters), each chunk overlapping the
     * previous one by the longest form, so a secret across a chunk boundary is found once.
     *
     * @return every hit, with offsets in the file
     */
    List<Hit> scan(String source, Path file) throws IOException {
        List<Hit> hits = new ArrayList<>();
        byte[] carry = new byte[0];
        long base = 0;
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                byte[] chunk = new byte[carry.length + read];
                System.arraycopy(carry, 0, chunk, 0, carry.length);
                System.arraycopy(buffer, 0, chunk, carry.length, read);
                long chunkBase = base - carry.length;
                for (Hit hit : scan(source, chunk)) {
                    if (hit.end() > carry.length) {
                        hits.add(new Hit(source, hit.label(), hit.kind(), chunkBase + hit.offset(),
                                chunkBase + hit.end()));
                    }
                }
                int keep = Math.min(chunk.length, Math.max(0, longest - 1));
                carry = java.util.Arrays.copyOfRange(chunk, chunk.length - keep, chunk.length);
                base += read;
            }
        }
        return hits;
    }

    /** @return every hit of a form in the text */
    List<Hit> scan(String source, CharSequence text) {
        List<Hit> hits = new ArrayList<>();
        int n = text.length();
        if (n < ANCHOR) {
            return hits;
        }
        long h = hash(text, 0);
        for (int i = 0; ; i++) {
            int bit = slot(h);
            if ((filter[bit >>> 6] & (1L << bit)) != 0) {
                List<Candidate> candidates = byAnchor.get(h);
                if (candidates != null) {
                    for (Candidate c : candidates) {
                        int start = i - c.anchorAt();
                        if (start >= 0 && start + c.form().length() <= n && matches(text, start, c.form())) {
                            hits.add(new Hit(source, c.label(), c.kind(), start, start + c.form().length()));
                        }
                    }
                }
            }
            if (i + ANCHOR >= n) {
                break;
            }
            h = (h - text.charAt(i) * TOP) * BASE + text.charAt(i + ANCHOR);
        }
        return hits;
    }

    private static int slot(long h) {
        return (int) ((h ^ (h >>> 29) ^ (h >>> 47)) & (FILTER_BITS - 1));
    }

    private static boolean matches(CharSequence text, int at, String form) {
        for (int k = 0; k < form.length(); k++) {
            if (text.charAt(at + k) != form.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static long hash(CharSequence s, int from) {
        long h = 0;
        for (int k = from; k < from + ANCHOR; k++) {
            h = h * BASE + s.charAt(k);
        }
        return h;
    }

    private static long pow(int e) {
        long p = 1;
        for (int k = 0; k < e; k++) {
            p *= BASE;
        }
        return p;
    }
}
