package org.opentokens.powerauth.token.port.out;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * Secure persistent storage for activation and token records: byte values under string names, kept apart
 * per client instance by a {@link StorageNamespace}.
 *
 * <h2>Consistency</h2>
 * Every method is atomic and linearizable with respect to all other calls on the same storage: a
 * concurrent caller sees the namespace as it was entirely before or entirely after a call, never in
 * between. This includes the batch methods {@link #putAll}, {@link #deleteAll(StorageNamespace, Collection)}
 * and {@link #deleteAll(StorageNamespace)}: a reader of {@link #names} never sees half of a batch, and a
 * reader of {@link #get} never sees part of a value. Namespaces are independent: nothing done in one
 * changes another, whatever characters their ids or entry names contain.
 *
 * <h2>Failures</h2>
 * <ul>
 *   <li>{@link NullPointerException} for a null argument, {@link IllegalStateException} for a destroyed
 *       value, and {@link org.opentokens.powerauth.token.domain.error.MalformedDataException} for an
 *       invalid name or an oversized value (rules in {@link StorageArguments}). These are raised before the
 *       backend is touched: the call has no effect, and a batch with one bad element stores nothing.</li>
 *   <li>{@link StorageException} ({@link StorageUnavailableException}, {@link StorageLockedException},
 *       {@link StorageCorruptException}) when the backend fails. A mutating call that throws one of these
 *       took effect either completely or not at all, never partly; a crash of the process gives the same
 *       guarantee for persistent implementations. Re-read if the outcome matters.</li>
 * </ul>
 * No exception message contains a stored value.
 *
 * <h2>Ownership</h2>
 * Values are copied in and out. The storage never keeps the caller's {@link SecretBytes} (destroying it
 * after {@code put} is safe and recommended), and every returned {@link SecretBytes} is a fresh copy owned by
 * the caller, who should {@linkplain SecretBytes#destroy() destroy} it after use.
 *
 * <h2>Threads</h2>
 * Implementations must be safe for concurrent use by any number of threads. Methods are synchronous and may
 * block on backend I/O; persistent implementations document whether several processes may share a backend.
 */
public interface SecureStorage {
    /** Longest value, in bytes (64 KiB). Values of zero bytes are allowed. */
    int MAX_VALUE_BYTES = 65_536;

    /** Longest entry name, counted in UTF-8 bytes. */
    int MAX_NAME_UTF8_BYTES = 255;

    /**
     * Reads one entry.
     *
     * @param namespace the instance
     * @param name the entry name
     * @return a fresh copy of the value, or empty if there is no such entry
     * @throws NullPointerException if an argument is null
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if {@code name} is invalid
     * @throws StorageException if the backend fails
     */
    Optional<SecretBytes> get(StorageNamespace namespace, String name);

    /**
     * Creates or atomically replaces one entry: readers see the old value or the new one, never a mix.
     *
     * @param namespace the instance
     * @param name the entry name
     * @param value the value, at most {@link #MAX_VALUE_BYTES}; copied, not retained
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if {@code value} was destroyed
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if {@code name} is invalid or
     *     {@code value} is too long; nothing changes
     * @throws StorageException if the backend fails
     */
    void put(StorageNamespace namespace, String name, SecretBytes value);

    /**
     * Creates or replaces several entries of one namespace in one atomic step: all of them or none.
     * Entries not named are left alone. An empty map changes nothing.
     *
     * @param namespace the instance
     * @param entries names and values; the values are copied, not retained
     * @throws NullPointerException if an argument, a key or a value is null
     * @throws IllegalStateException if a value was destroyed; nothing changes
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if any name is invalid or any
     *     value is too long; nothing changes
     * @throws StorageException if the backend fails
     */
    void putAll(StorageNamespace namespace, Map<String, SecretBytes> entries);

    /**
     * Removes one entry. Implementations overwrite or wipe the old value where the backend allows it.
     *
     * @param namespace the instance
     * @param name the entry name
     * @return true if the entry existed
     * @throws NullPointerException if an argument is null
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if {@code name} is invalid
     * @throws StorageException if the backend fails
     */
    boolean delete(StorageNamespace namespace, String name);

    /**
     * Removes the named entries of one namespace in one atomic step. Names without an entry are ignored,
     * and a name given twice counts once.
     *
     * @param namespace the instance
     * @param names the entry names
     * @return how many entries existed and were removed
     * @throws NullPointerException if an argument or a name is null
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if any name is invalid;
     *     nothing changes
     * @throws StorageException if the backend fails
     */
    int deleteAll(StorageNamespace namespace, Collection<String> names);

    /**
     * Removes every entry of one namespace in one atomic step, for example when the activation is lost.
     * Other namespaces are untouched. The namespace may be used again afterwards.
     *
     * @param namespace the instance
     * @return how many entries were removed
     * @throws NullPointerException if {@code namespace} is null
     * @throws StorageException if the backend fails
     */
    int deleteAll(StorageNamespace namespace);

    /**
     * Lists the entry names of one namespace.
     *
     * @param namespace the instance
     * @return an unmodifiable snapshot of the names, in no particular order; empty if there are none
     * @throws NullPointerException if {@code namespace} is null
     * @throws StorageException if the backend fails
     */
    Set<String> names(StorageNamespace namespace);
}
