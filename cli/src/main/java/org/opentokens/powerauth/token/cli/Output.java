package org.opentokens.powerauth.token.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Prints a command's result: the human text by default, one JSON object with {@code --json}. Unusual characters in
 * names or server text are escaped in both ({@link Printable}, {@link Json}).
 */
final class Output {
    private final PrintStream out;
    private final boolean json;

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void print(String human, Map<String, ?> machine) {
        out.println(json ? Json.write(machine) : human(human));
        out.flush();
    }

    /** @return the human text with its own line ends kept and everything else unusual escaped */
    static String human(String text) {
        String lf = text.replace(System.lineSeparator(), "\n");
        return Printable.escapeKeepingLines(lf).replace("\n", System.lineSeparator());
    }
}
