package org.opentokens.powerauth.token.wiring.cli;

import java.io.PrintStream;
import java.util.Map;

/** Prints a command's result: the human text by default, one JSON object with {@code --json}. */
final class Output {
    private final PrintStream out;
    private final boolean json;

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void print(String human, Map<String, ?> machine) {
        out.println(json ? Json.write(machine) : human);
        out.flush();
    }
}
