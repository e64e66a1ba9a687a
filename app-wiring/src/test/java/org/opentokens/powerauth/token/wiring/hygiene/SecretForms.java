package org.opentokens.powerauth.token.wiring.hygiene;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spellings a secret may leak in: raw (bytes as ISO-8859-1 characters, so binary files scan like text),
 * Base64 and Base64url (unpadded, which also matches the padded forms), lower and upper hex. Forms shorter than
 * {@link #MIN_LENGTH} characters are dropped: they would match by chance in any log.
 */
final class SecretForms {
    static final int MIN_LENGTH = 8;

    private SecretForms() {
    }

    /** @return form kind by form, for secret bytes */
    static Map<String, String> ofBytes(byte[] secret) {
        Map<String, String> forms = new LinkedHashMap<>();
        add(forms, "raw", new String(secret, StandardCharsets.ISO_8859_1));
        add(forms, "base64", Base64.getEncoder().withoutPadding().encodeToString(secret));
        add(forms, "base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        add(forms, "hex", HexFormat.of().formatHex(secret));
        add(forms, "HEX", HexFormat.of().withUpperCase().formatHex(secret));
        return forms;
    }

    /** @return form kind by form, for a secret text (a password, a Base64 secret, a header value) */
    static Map<String, String> ofText(String secret) {
        Map<String, String> forms = new LinkedHashMap<>();
        add(forms, "text", secret);
        ofBytes(secret.getBytes(StandardCharsets.UTF_8)).forEach((form, kind) -> {
            if (!kind.equals("raw")) {
                add(forms, "utf8-" + kind, form);
            }
        });
        return forms;
    }

    private static void add(Map<String, String> forms, String kind, String form) {
        if (form.length() >= MIN_LENGTH) {
            forms.putIfAbsent(form, kind);
        }
    }
}
