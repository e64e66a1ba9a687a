package org.opentokens.archfixtures.domain;

import java.util.logging.Logger;

/** Violates: no java.util.logging. */
public final class JulLogger {
    public void log() {
        Logger.getLogger("x").info("y");
    }
}
