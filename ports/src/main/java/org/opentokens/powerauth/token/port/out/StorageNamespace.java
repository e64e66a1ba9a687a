package org.opentokens.powerauth.token.port.out;

import org.opentokens.powerauth.token.port.internal.out.StorageArguments;

/**
 * The part of a {@link SecureStorage} that belongs to one client instance: its instance id.
 *
 * <p>Two namespaces are equal when their ids are equal as Java strings (exact UTF-16 code units, case
 * sensitive, no Unicode normalization). Valid ids follow the same rules as entry names
 * ({@link StorageArguments#name(String)}): not blank, no U+0000, no unpaired surrogate, and at most
 * {@link #MAX_UTF8_BYTES} bytes in UTF-8. Any other Unicode, including {@code /}, {@code \}, quotes and
 * {@code %}, is allowed; adapters must keep namespaces apart however they encode them.
 *
 * @param id the instance id
 */
public record StorageNamespace(String id) {
    /** Longest id, counted in UTF-8 bytes. */
    public static final int MAX_UTF8_BYTES = 128;

    /**
     * Validates the id.
     *
     * @param id the instance id
     * @throws NullPointerException if {@code id} is null
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if {@code id} breaks a rule above
     */
    public StorageNamespace {
        StorageArguments.checkText(id, MAX_UTF8_BYTES, "storage namespace");
    }

    /**
     * @param id the instance id
     * @return the namespace
     * @throws NullPointerException if {@code id} is null
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if {@code id} is invalid
     */
    public static StorageNamespace of(String id) {
        return new StorageNamespace(id);
    }
}
