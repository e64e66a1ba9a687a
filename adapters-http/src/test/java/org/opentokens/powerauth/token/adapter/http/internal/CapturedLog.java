package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the adapter logs through {@code System.Logger}, which the JDK routes to {@code java.util.logging}
 * when no other backend is installed (as in this module's tests). {@code DEBUG} arrives as {@code FINE}.
 */
final class CapturedLog extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    static CapturedLog of(Class<?> type) {
        return new CapturedLog(Logger.getLogger(type.getName()));
    }

    /** @return every message logged so far, with its thrown exception's text if any */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        String text = record.getMessage();
        if (record.getThrown() != null) {
            text += " | " + record.getThrown();
        }
        lines.add(text);
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
