package org.opentokens.powerauth.token.domain;

import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.apibaseline.PublicApiBaseline;

/** The module's public API matches the recorded {@code api/domain.api}: every change to it is a deliberate diff. */
class PublicApiBaselineTest {
    @Test
    void publicApiMatchesTheBaseline() {
        PublicApiBaseline.check("domain");
    }
}
