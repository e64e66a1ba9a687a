package org.opentokens.powerauth.token.adapter.storage.sqlite;

import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/** Builds store files for the SQLite tests: populated, damaged, foreign. */
final class SqliteTestFiles {
    static final StorageNamespace NAMESPACE = StorageNamespace.of("instance-1");
    static final int ENTRIES = 200;
    static final int PAGE = 4096;

    private SqliteTestFiles() {
    }

    static SqliteSecureStorage open(Path file, StorageKeySource keys) {
        return SqliteSecureStorage.builder(file).keySource(keys).randomSource(TestStorageKeys.random()).open();
    }

    /** Creates a closed store holding {@link #ENTRIES} entries of 500 bytes (a few dozen pages). */
    static Path populated(Path file, StorageKeySource keys) {
        try (SqliteSecureStorage storage = open(file, keys)) {
            for (int i = 0; i < ENTRIES; i++) {
                storage.put(NAMESPACE, "token-" + i, patterned(500, i));
            }
        }
        return file;
    }

    static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(bytes);
        }
    }

    static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    /** Runs SQL on the file with a plain driver connection, bypassing the adapter. */
    static void sql(Path file, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
