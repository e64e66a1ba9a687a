package org.opentokens.powerauth.token.port.internal.in;

import java.util.Objects;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * The rules for the names a host chooses, token names and instance ids: printed, logged and listed, so plain text.
 * Not blank; no control, format or line/paragraph separator characters; no malformed text (an unpaired surrogate, a
 * noncharacter, or U+FFFD, so two different inputs cannot collide as one name). Names compare as exact Java strings.
 * A broken rule throws {@link IllegalArgumentException} naming the rule, code point and position, never the value.
 */
public final class NameRules {
    private NameRules() {
    }

    /**
     * @param tokenName a token's local name
     * @return {@code tokenName}
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it breaks a rule above or is longer than
     *     {@link PowerAuthTokenStore#MAX_TOKEN_NAME_UTF8_BYTES} UTF-8 bytes
     */
    public static String tokenName(String tokenName) {
        return check(tokenName, PowerAuthTokenStore.MAX_TOKEN_NAME_UTF8_BYTES, "token name");
    }

    /**
     * @param instanceId a client instance id
     * @return {@code instanceId}
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it breaks a rule above or is longer than
     *     {@link StorageNamespace#MAX_UTF8_BYTES} UTF-8 bytes
     */
    public static String instanceId(String instanceId) {
        return check(instanceId, StorageNamespace.MAX_UTF8_BYTES, "instance id");
    }

    private static String check(String text, int maxUtf8Bytes, String what) {
        Objects.requireNonNull(text, what);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be only spaces");
        }
        int utf8Bytes = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                throw new IllegalArgumentException(what + " is malformed text: an unpaired surrogate at index " + i);
            }
            int codePoint = text.codePointAt(i);
            String problem = problem(codePoint);
            if (problem != null) {
                throw new IllegalArgumentException(what + " must not contain " + problem + " (U+"
                        + String.format("%04X", codePoint) + " at index " + i + ")");
            }
            utf8Bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            i += Character.charCount(codePoint);
        }
        if (utf8Bytes > maxUtf8Bytes) {
            throw new IllegalArgumentException(what + " must be at most " + maxUtf8Bytes + " bytes in UTF-8, not "
                    + utf8Bytes);
        }
        return text;
    }

    private static String problem(int codePoint) {
        if (codePoint == 0xFFFD) {
            return "the replacement character, a sign of text that could not be decoded";
        }
        if ((codePoint & 0xFFFE) == 0xFFFE || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF)) {
            return "a noncharacter";
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL -> "a control character";
            case Character.FORMAT -> "a format character";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line or paragraph separator";
            default -> null;
        };
    }
}
