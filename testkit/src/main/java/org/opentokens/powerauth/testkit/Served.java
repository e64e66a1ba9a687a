package org.opentokens.powerauth.testkit;

import java.time.Duration;

/**
 * An answer and how it goes out: at once ({@link Duration#ZERO}) or trickled over {@code trickle}.
 *
 * @param response the answer
 * @param trickle  how long the body takes to arrive, zero for at once
 */
record Served(EmulatorResponse response, Duration trickle) {

    static Served now(EmulatorResponse response) {
        return new Served(response, Duration.ZERO);
    }
}
