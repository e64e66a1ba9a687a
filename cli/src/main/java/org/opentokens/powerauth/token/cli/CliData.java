package org.opentokens.powerauth.token.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Data given on the command line: {@code @FILE} reads the file's bytes, anything else is the UTF-8 text itself. */
final class CliData {
    private CliData() {
    }

    /**
     * @param argument the option's value, or null
     * @param what the option, for messages
     * @return the bytes, or null without an argument
     * @throws CliException ({@link ExitCodes#USAGE}) if the file cannot be read
     */
    static byte[] read(String argument, String what) {
        if (argument == null) {
            return null;
        }
        if (!argument.startsWith("@")) {
            return argument.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(argument.substring(1));
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.USAGE, what + ": no such file: " + file);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, what + ": cannot read " + file + ": "
                    + e.getClass().getSimpleName());
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCodes.USAGE, what + ": cannot read " + file);
        }
    }
}
