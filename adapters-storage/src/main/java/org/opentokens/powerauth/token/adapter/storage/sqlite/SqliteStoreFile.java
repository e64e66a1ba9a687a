package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.opentokens.powerauth.token.adapter.storage.StorageKey;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.internal.RecordCipher;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * Creates a store file so that no process ever sees it half made: the database is built in a private
 * temporary file (mode 0600 where POSIX permissions exist), closed, and then hard-linked to its final name,
 * which fails if another process got there first. A crash leaves at most an unused {@code .tmp-*} file.
 */
final class SqliteStoreFile {
    private SqliteStoreFile() {
    }

    /** Checks an existing path before it is opened. */
    static boolean exists(Path file) {
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isRegularFile(file)) {
            throw new StorageUnavailableException("token store path exists but is not a regular file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new StorageCorruptException("token store file is empty: truncated or replaced");
            }
        } catch (IOException e) {
            throw new StorageUnavailableException("cannot read the token store file", e);
        }
        return true;
    }

    /** Creates the store unless another process does so first; either way the file exists afterwards. */
    static void create(Path file, Duration busyTimeout, StorageKeySource keySource, RandomSource random) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp-" + HexFormat.of().formatHex(random.nextBytes(8)));
        StorageKey key = null;
        try {
            createPrivateFile(temp);
            key = keySource.createKey();
            build(temp, busyTimeout, keySource.method(), key, random);
            if (!link(temp, file)) {
                keySource.discardKey(key.parameters());
            }
        } finally {
            if (key != null) {
                key.destroy();
            }
            deleteQuietly(temp);
            deleteQuietly(temp.resolveSibling(temp.getFileName() + "-wal"));
            deleteQuietly(temp.resolveSibling(temp.getFileName() + "-shm"));
        }
    }

    private static void build(Path temp, Duration busyTimeout, String method, StorageKey key, RandomSource random) {
        SqliteConnections connections = new SqliteConnections(temp, busyTimeout);
        RecordCipher cipher = RecordCipher.derive(key.key(), random);
        try {
            Jdbi jdbi = SqliteSecureStorage.configure(Jdbi.create(connections));
            jdbi.useTransaction(handle -> {
                SqliteSchema.create(handle);
                SqliteMeta.write(handle, method, key.parameters(), cipher.keyCheck());
            });
        } catch (JdbiException e) {
            throw SqliteErrors.map("create the store", e);
        } finally {
            cipher.destroy();
            closeQuietly(connections);
        }
    }

    private static void createPrivateFile(Path temp) {
        try {
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
            }
        } catch (IOException e) {
            throw new StorageUnavailableException("cannot create the token store file", e);
        }
    }

    /** @return true if {@code temp} became {@code file}, false if {@code file} already existed */
    private static boolean link(Path temp, Path file) {
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            return moveWithoutReplacing(temp, file);
        }
    }

    /** Fallback for file systems without hard links: a tiny window in which a racing creator could lose its file. */
    private static boolean moveWithoutReplacing(Path temp, Path file) {
        try {
            Files.move(temp, file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new StorageUnavailableException("cannot move the new token store into place", e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover temporary file is harmless; the store itself is complete or absent
        }
    }

    private static void closeQuietly(SqliteConnections connections) {
        try {
            connections.close();
        } catch (SQLException e) {
            // closing a private temporary database; nothing depends on it
        }
    }
}
