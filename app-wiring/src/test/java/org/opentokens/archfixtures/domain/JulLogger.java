package org.opentokens.archfixtures.domain;

import java.util.logging.Logger;

/** Violates: no java.util.logging. */
public final class JulLogger {
    private static final Logger LOG = Logger.getLogger(JulLogger.class.getName());

    public void log() {
        LOG.info("y");
    }
}
