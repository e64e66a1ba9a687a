package org.opentokens.powerauth.token.adapter.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/** SQLite's result codes become what is wrong with the file or the directory, in the user's words. */
class SqliteErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "14 | the file cannot be opened; check that its directory exists",
        "8  | the file or its directory is read-only",
        "5  | another process kept the store locked",
        "13 | the disk is full",
        "10 | the disk reported a read or write error",
        "3  | permission denied",
        // extended result codes carry the primary one in their low byte: SQLITE_CANTOPEN_ISDIR = 14 | (2 << 8)
        "526 | the file cannot be opened",
        "99 | (SQLite result code 99)"})
    void resultCodesAreExplained(int code, String explanation) {
        StorageException mapped = SqliteErrors.map("open the store",
                new IllegalStateException(new SQLException("[SQLITE] native text", "x", code)));

        assertThat(mapped).isInstanceOf(StorageUnavailableException.class)
                .hasMessageStartingWith("SQLite token store failed to open the store")
                .hasMessageContaining(explanation);
        if (code != 99) {
            assertThat(mapped.getMessage()).doesNotContain("result code");
        }
    }

    @ParameterizedTest
    @CsvSource({"11", "26"})
    void corruptionStaysCorruption(int code) {
        assertThat(SqliteErrors.map("read", new IllegalStateException(new SQLException("x", "y", code))))
                .isInstanceOf(StorageCorruptException.class);
    }
}
