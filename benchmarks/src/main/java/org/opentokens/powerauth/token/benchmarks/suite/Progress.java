package org.opentokens.powerauth.token.benchmarks.suite;

import java.io.PrintStream;

/** Progress lines on standard output, so a long run shows that it is alive. */
public final class Progress {
    private static final PrintStream OUT = System.out;

    private Progress() {
    }

    /** @param text one line of progress */
    public static void line(String text) {
        OUT.println("[bench] " + text);
        OUT.flush();
    }
}
