package org.opentokens.powerauth.token.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the CLI tests that each run against a fresh {@link CliHarness} (emulator and directory) per test. */
abstract class CliEmulatorBase {
    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
    }

    @AfterEach
    void stop() {
        cli.close();
    }
}
