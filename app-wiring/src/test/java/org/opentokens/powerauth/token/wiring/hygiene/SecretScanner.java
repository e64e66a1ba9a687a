package org.opentokens.powerauth.token.wiring.hygiene;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds many fixed strings in a large text at once: one rolling hash per distinct form length (Rabin-Karp),
 * every hash hit confirmed character by character. Linear in the text per distinct length, so tens of thousands
 * of secret forms over megabytes of logs stay cheap. Hits name the secret's label, never the secret.
 */
final class SecretScanner {
    private static final long BASE = 1_000_003L;

    /** A found secret: where, which secret (label), which spelling, at which offset. */
    record Hit(String source, String label, String kind, long offset) {
    }

    private final Map<Integer, Map<Long, List<String>>> byLength = new TreeMap<>();
    private final Map<String, String[]> labels = new HashMap<>();

    /** @param forms for each form: its label and kind */
    SecretScanner(Map<String, String[]> forms) {
        forms.forEach((form, labelAndKind) -> {
            byLength.computeIfAbsent(form.length(), n -> new HashMap<>())
                    .computeIfAbsent(hash(form, 0, form.length()), h -> new ArrayList<>(1)).add(form);
            labels.put(form, labelAndKind);
        });
    }

    int formCount() {
        return labels.size();
    }

    /** @return every hit of a form in the bytes, read as ISO-8859-1 characters */
    List<Hit> scan(String source, byte[] bytes) {
        return scan(source, new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** @return every hit of a form in the text */
    List<Hit> scan(String source, CharSequence text) {
        List<Hit> hits = new ArrayList<>();
        int n = text.length();
        for (Map.Entry<Integer, Map<Long, List<String>>> group : byLength.entrySet()) {
            int len = group.getKey();
            if (len > n) {
                break;
            }
            Map<Long, List<String>> hashes = group.getValue();
            long top = pow(len - 1);
            long h = hash(text, 0, len);
            for (int i = 0; ; i++) {
                List<String> candidates = hashes.get(h);
                if (candidates != null) {
                    for (String form : candidates) {
                        if (matches(text, i, form)) {
                            String[] lk = labels.get(form);
                            hits.add(new Hit(source, lk[0], lk[1], i));
                        }
                    }
                }
                if (i + len >= n) {
                    break;
                }
                h = (h - text.charAt(i) * top) * BASE + text.charAt(i + len);
            }
        }
        return hits;
    }

    private static boolean matches(CharSequence text, int at, String form) {
        for (int k = 0; k < form.length(); k++) {
            if (text.charAt(at + k) != form.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static long hash(CharSequence s, int from, int len) {
        long h = 0;
        for (int k = from; k < from + len; k++) {
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
