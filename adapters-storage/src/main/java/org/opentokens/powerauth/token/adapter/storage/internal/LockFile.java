package org.opentokens.powerauth.token.adapter.storage.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.error.StorageBusyException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.port.internal.out.ExclusiveSections;

/**
 * Sections that exclude every thread of every process on one machine, one OS byte-range lock per section on a lock
 * file that is never written; for the persistent adapters of this module. The OS drops a dead holder's lock.
 * Because POSIX locks belong to the process and vanish when <em>any</em> descriptor of the file is closed, the JVM
 * keeps exactly one channel per file, closed at the last {@linkplain #release() release}, behind a fair
 * {@link ExclusiveSections}. Not reliable on network file systems. Thread-safe. More in {@code docs/storage-design.md}.
 */
public final class LockFile {
    private static final long MAX_BACKOFF_MILLIS = 8;
    /** Positions stay below this so that every one-byte range is valid for every OS. */
    private static final long POSITION_LIMIT = 1L << 62;
    private static final ExclusiveSections<Slot> SECTIONS = new ExclusiveSections<>();
    /** Every lock file in use in this JVM; guarded by itself. */
    private static final Map<Path, Shared> OPEN = new HashMap<>();

    private final Path file;
    private final Shared shared;
    private boolean released;

    private LockFile(Path file, Shared shared) {
        this.file = file;
        this.shared = shared;
    }

    /** One section: a byte of a lock file. */
    private record Slot(Path file, long position) {
    }

    /** The JVM's one channel on a lock file and the number of {@link LockFile} objects using it. */
    private static final class Shared {
        final Path file;
        FileChannel channel;
        int users;

        Shared(Path file) {
            this.file = file;
        }
    }

    /**
     * Starts using a lock file. Nothing is opened or created until the first section is entered.
     *
     * @param file the lock file; its directory must exist when the first section is entered
     * @return a handle to {@linkplain #release() release} when the caller is done with the file
     */
    public static LockFile use(Path file) {
        Path key = file.toAbsolutePath().normalize();
        synchronized (OPEN) {
            Shared shared = OPEN.computeIfAbsent(key, Shared::new);
            shared.users++;
            return new LockFile(key, shared);
        }
    }

    /**
     * Maps 8 bytes of a hash or keyed tag to a byte position.
     *
     * @param digest at least 8 bytes, uniformly distributed
     * @param slots how many consecutive positions the caller needs per value (1 to 16)
     * @return the first of {@code slots} positions, the same for the same digest
     */
    public static long position(byte[] digest, int slots) {
        if (digest.length < 8 || slots < 1 || slots > 16) {
            throw new IllegalArgumentException("need 8 digest bytes and 1 to 16 slots");
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return ((value >>> 2) / 16) * slots;
    }

    /**
     * Runs {@code action} while holding the byte at {@code position}: first this JVM's in-process lock, then
     * the OS lock, both within {@code maxWait}. Reentrant for the holding thread.
     *
     * @param position the byte, from {@link #position}
     * @param maxWait how long to wait at most; zero tries once
     * @param action the work
     * @param <T> its result
     * @return its result
     * @throws IllegalArgumentException if {@code maxWait} is negative
     * @throws StorageBusyException if the byte stayed locked for {@code maxWait}
     * @throws StorageUnavailableException if the lock file cannot be opened or locked, or the thread was
     *     interrupted while waiting (its interrupt flag is set)
     */
    public <T> T run(long position, Duration maxWait, Supplier<T> action) {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(action, "action");
        if (position < 0 || position >= POSITION_LIMIT) {
            throw new IllegalArgumentException("lock position out of range");
        }
        return SECTIONS.run(new Slot(file, position), maxWait, (slot, deadline) -> lock(slot, deadline, maxWait),
                action);
    }

    /** Stops using the file; the JVM's channel on it closes when its last user is released. Idempotent. */
    public void release() {
        synchronized (OPEN) {
            if (released) {
                return;
            }
            released = true;
            if (--shared.users == 0) {
                OPEN.remove(file);
                closeQuietly(shared);
            }
        }
    }

    @Override
    public String toString() {
        return "LockFile[" + file.getFileName() + "]";
    }

    private ExclusiveSections.Hold lock(Slot slot, long deadlineNanos, Duration maxWait) {
        FileChannel channel = channel();
        long backoffMillis = 1;
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock(slot.position(), 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null; // two namespaces on one byte (a 1 in 2^58 chance) held by this JVM: wait like for others
            } catch (IOException e) {
                throw new StorageUnavailableException("cannot lock the lock file " + file.getFileName(), e);
            }
            if (lock != null) {
                FileLock held = lock;
                return () -> releaseQuietly(held);
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw ExclusiveSections.busy(maxWait);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(backoffMillis)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageUnavailableException("interrupted while waiting for the instance's exclusive section", e);
            }
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private FileChannel channel() {
        synchronized (OPEN) {
            if (released) {
                throw new StorageUnavailableException("the storage that used this lock file is closed");
            }
            if (shared.channel == null) {
                shared.channel = open(file);
            }
            return shared.channel;
        }
    }

    private static FileChannel open(Path file) {
        OpenOption[] options = {StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS};
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
                return FileChannel.open(file, Set.of(options), ownerOnly);
            }
            return FileChannel.open(file, options);
        } catch (IOException | UnsupportedOperationException e) {
            throw new StorageUnavailableException("cannot open the lock file " + file.getFileName(), e);
        }
    }

    private static void releaseQuietly(FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel is gone, and with it the lock
        }
    }

    private static void closeQuietly(Shared shared) {
        if (shared.channel != null) {
            try {
                shared.channel.close();
            } catch (IOException e) {
                // nothing holds a lock on it any more
            }
        }
    }
}
