package org.opentokens.powerauth.token.wiring;

import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.apibaseline.PublicApiBaseline;

/** The module's public API matches the recorded {@code api/app-wiring.api}: every change to it is a deliberate diff. */
class PublicApiBaselineTest {
    @Test
    void publicApiMatchesTheBaseline() {
        PublicApiBaseline.check("app-wiring");
    }
}
