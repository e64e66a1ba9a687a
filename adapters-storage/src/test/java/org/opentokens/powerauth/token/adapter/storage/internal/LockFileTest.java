package org.opentokens.powerauth.token.adapter.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/** The parts of {@link LockFile} the storage contract does not reach; exclusion itself is tested there. */
class LockFileTest {
    @TempDir
    Path directory;

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theFileAppearsOwnerOnlyAtTheFirstSectionAndNotBefore() throws Exception {
        Path file = directory.resolve("store.lock");
        LockFile lock = LockFile.use(file);
        try {
            assertThat(file).doesNotExist();

            assertThat(lock.run(7, Duration.ZERO, () -> "inside")).isEqualTo("inside");

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.size(file)).as("nothing is ever written to it").isZero();
        } finally {
            lock.release();
        }
    }

    @Test
    void aSymbolicLinkIsNotFollowed() throws Exception {
        Path target = Files.createFile(directory.resolve("elsewhere"));
        Path file = directory.resolve("store.lock");
        try {
            Files.createSymbolicLink(file, target);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return; // no symbolic links here (Windows without the privilege)
        }
        LockFile lock = LockFile.use(file);
        try {
            assertThatThrownBy(() -> lock.run(1, Duration.ZERO, () -> "inside"))
                    .isInstanceOf(StorageUnavailableException.class);
        } finally {
            lock.release();
        }
    }

    @Test
    void aReleasedHandleRefusesSectionsAndReleasingTwiceIsHarmless() {
        LockFile first = LockFile.use(directory.resolve("store.lock"));
        LockFile second = LockFile.use(directory.resolve("store.lock"));
        first.release();
        first.release();

        assertThatThrownBy(() -> first.run(1, Duration.ZERO, () -> "inside"))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(second.run(1, Duration.ZERO, () -> "inside")).as("the other user of the file").isEqualTo("inside");
        second.release();
    }

    @Test
    void positionsAreValidSpacedForTheirSlotsAndSpreadOut() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            byte[] digest = new byte[8];
            for (int b = 0; b < 8; b++) {
                digest[b] = (byte) (i * 31 + b * 97 + (i >> 3) * b);
            }
            digest[0] = (byte) i;
            long position = LockFile.position(digest, 2);
            assertThat(position).isNotNegative().isLessThan(1L << 62);
            assertThat(position % 2).as("first of two slots").isZero();
            seen.add(position);
        }
        byte[] top = {-1, -1, -1, -1, -1, -1, -1, -1};
        assertThat(LockFile.position(top, 16) + 15).isLessThan(1L << 62);
        assertThat(seen).hasSizeGreaterThan(990);
        assertThatThrownBy(() -> LockFile.position(new byte[7], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LockFile.use(directory.resolve("x")).run(-1, Duration.ZERO, () -> 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
