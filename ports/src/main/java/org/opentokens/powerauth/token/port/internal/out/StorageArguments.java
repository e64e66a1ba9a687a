package org.opentokens.powerauth.token.port.internal.out;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * The argument rules of {@link SecureStorage}, shared by every adapter so that all of them reject exactly
 * the same inputs, before touching their backend.
 *
 * <p>Null arguments throw {@link NullPointerException}; every other violation throws
 * {@link MalformedDataException}, whose message names the rule but never the value.
 */
public final class StorageArguments {
    private StorageArguments() {
    }

    /**
     * Checks an entry name: not {@linkplain String#isBlank() blank}, no U+0000, no unpaired surrogate
     * (so it round-trips through UTF-8), at most {@link SecureStorage#MAX_NAME_UTF8_BYTES} bytes in UTF-8.
     * Names are compared as exact Java strings: case sensitive, not normalized.
     *
     * @param name the entry name
     * @return {@code name}
     * @throws NullPointerException if {@code name} is null
     * @throws MalformedDataException if {@code name} breaks a rule
     */
    public static String name(String name) {
        checkText(name, SecureStorage.MAX_NAME_UTF8_BYTES, "storage entry name");
        return name;
    }

    /**
     * Checks a value: at most {@link SecureStorage#MAX_VALUE_BYTES} bytes (zero is allowed).
     *
     * @param value the value
     * @return {@code value}
     * @throws NullPointerException if {@code value} is null
     * @throws MalformedDataException if {@code value} is too long
     */
    public static SecretBytes value(SecretBytes value) {
        Objects.requireNonNull(value, "storage value");
        if (value.length() > SecureStorage.MAX_VALUE_BYTES) {
            throw new MalformedDataException("storage value must be at most " + SecureStorage.MAX_VALUE_BYTES
                    + " bytes, got " + value.length());
        }
        return value;
    }

    /**
     * Checks every name of a batch.
     *
     * @param names the names; duplicates are allowed
     * @return the distinct names, in iteration order, as an unmodifiable set
     * @throws NullPointerException if {@code names} or any element is null
     * @throws MalformedDataException if any name breaks a rule
     */
    public static Set<String> names(Collection<String> names) {
        Objects.requireNonNull(names, "storage entry names");
        Set<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            distinct.add(name(name));
        }
        return Set.copyOf(distinct);
    }

    /**
     * Checks every name and value of a batch.
     *
     * @param entries the entries
     * @return an unmodifiable copy of {@code entries} (the values are the same objects), so that a caller
     *     changing its map afterwards cannot bypass the checks
     * @throws NullPointerException if {@code entries}, a key or a value is null
     * @throws MalformedDataException if any name or value breaks a rule
     */
    public static Map<String, SecretBytes> entries(Map<String, SecretBytes> entries) {
        Objects.requireNonNull(entries, "storage entries");
        Map<String, SecretBytes> copy = Map.copyOf(entries);
        for (Map.Entry<String, SecretBytes> entry : copy.entrySet()) {
            name(entry.getKey());
            value(entry.getValue());
        }
        return copy;
    }

    /**
     * The shared text rule of entry names and {@code StorageNamespace}'s parts (public for {@code port.out}).
     *
     * @param text the text
     * @param maxUtf8Bytes its longest UTF-8 length
     * @param what what the text is, for the message
     * @throws NullPointerException if {@code text} is null
     * @throws MalformedDataException if the text breaks a rule
     */
    public static void checkText(String text, int maxUtf8Bytes, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new MalformedDataException(what + " must not be blank");
        }
        int utf8Bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw new MalformedDataException(what + " must not contain U+0000");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                utf8Bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MalformedDataException(what + " must not contain an unpaired surrogate");
            } else {
                utf8Bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        if (utf8Bytes > maxUtf8Bytes) {
            throw new MalformedDataException(what + " must be at most " + maxUtf8Bytes + " UTF-8 bytes, got " + utf8Bytes);
        }
    }
}
