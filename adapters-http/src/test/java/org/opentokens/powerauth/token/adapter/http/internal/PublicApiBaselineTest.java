package org.opentokens.powerauth.token.adapter.http.internal;

import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.apibaseline.PublicApiBaseline;

/** The module's public API matches the recorded {@code api/adapters-http.api}: every change to it is a deliberate diff. */
class PublicApiBaselineTest {
    @Test
    void publicApiMatchesTheBaseline() {
        PublicApiBaseline.check("adapters-http");
    }
}
