package org.opentokens.archfixtures.api;

import org.opentokens.archfixtures.internal.Hidden;

/** Compliant: uses an internal type only where a host cannot see it. */
public final class TidyApi {
    private final Hidden hidden;

    TidyApi(Hidden hidden) {
        this.hidden = hidden;
    }

    public String name() {
        return describe(hidden);
    }

    private static String describe(Hidden hidden) {
        return String.valueOf(hidden);
    }
}
