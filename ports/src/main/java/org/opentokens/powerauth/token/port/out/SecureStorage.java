package org.opentokens.powerauth.token.port.out;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.error.StorageBusyException;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.StorageLockedException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.internal.out.StorageArguments;

/**
 * Secure persistent storage for activation and token records: byte values under string names, one
 * {@link StorageNamespace} per client instance. The SPI a host implements to keep the records somewhere of its own.
 *
 * <p>Every method, batches included, is atomic and linearizable, and namespaces never affect each other. Bad
 * arguments fail before the backend is touched (a batch with one bad element stores nothing), with
 * {@link NullPointerException}, {@link IllegalStateException} (a destroyed value) or
 * {@link org.opentokens.powerauth.token.domain.error.MalformedDataException} (rules in {@link StorageArguments}).
 * Backend failures are {@link StorageException}s ({@link StorageUnavailableException}, {@link StorageLockedException},
 * {@link StorageCorruptException}); a write that fails, or a process that crashes, leaves it applied completely or
 * not at all. No message contains a stored value. Values are copied in and out: the caller destroys its own
 * {@link SecretBytes}. {@link #exclusive} and {@link #version} let processes sharing a backing store coordinate.
 * Implementations are safe for any number of threads and may block on I/O. The full contract, with the reasons,
 * is in {@code docs/storage-design.md}.
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

    /**
     * Runs {@code action} in the namespace's exclusive section and returns its result.
     *
     * <p>At most one thread runs a section of a given namespace at a time, across every storage object in
     * every process (and, for a shared database, every machine) that opens the same backing store. The section
     * is held from entry until {@code action} returns or throws, and it is released when its holder's process
     * dies (an OS file lock, a database session), never by a timer. A caller waits at most {@code maxWait} to
     * enter; waiters of one process enter in arrival order.
     *
     * <p>The section is reentrant: a thread that holds it may call this method again for the same namespace,
     * through this object or another one on the same backing store, and the nested action runs at once.
     * Sections of different namespaces are independent; holding one while entering another is allowed but
     * the caller must avoid lock-order cycles.
     *
     * <p>The section excludes other sections, not other calls: reads and writes made without a section are not
     * blocked. Calls made inside {@code action} behave as everywhere else (each is atomic and takes effect at
     * once); a section is not a transaction and is not rolled back when {@code action} throws.
     *
     * @param namespace the instance
     * @param maxWait how long to wait for another holder at most; zero tries once
     * @param action the work to run while holding the section
     * @param <T> the action's result
     * @return what {@code action} returned
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code maxWait} is negative
     * @throws StorageBusyException if the section could not be entered within {@code maxWait}; {@code action}
     *     did not run
     * @throws StorageUnavailableException if the backend fails, or the thread was interrupted while waiting
     *     (its interrupt flag is set again); {@code action} did not run
     */
    <T> T exclusive(StorageNamespace namespace, Duration maxWait, Supplier<T> action);

    /**
     * Reads the namespace's change signal.
     *
     * <p>The value never decreases on one backing store, and it is larger than every value read before
     * whenever a change to the namespace ({@link #put}, {@link #putAll}, a {@code delete} that removed
     * something, {@link #deleteAll(StorageNamespace)}) was committed in between, by any storage object of any
     * process. It may also grow without a visible change, but reads ({@link #get}, {@link #names}, this method,
     * and entering a section) never move it. It is independent of other namespaces' changes where the backend
     * allows, and it survives {@link #deleteAll(StorageNamespace)}: wiping a non-empty namespace moves it on, and
     * the versions after it stay larger.
     *
     * <p>Read the version <em>before</em> the entries it should cover: entries read afterwards are at least as
     * new as the version says.
     *
     * @param namespace the instance
     * @return the current version
     * @throws NullPointerException if {@code namespace} is null
     * @throws StorageException if the backend fails
     */
    long version(StorageNamespace namespace);
}
