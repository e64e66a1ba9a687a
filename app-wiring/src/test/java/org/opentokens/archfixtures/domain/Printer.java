package org.opentokens.archfixtures.domain;

/** Violates: no standard streams outside the CLI and demo. */
public final class Printer {
    public void print(String line) {
        System.out.println(line);
    }
}
