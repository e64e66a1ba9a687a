package org.opentokens.powerauth.token.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.testkit.EmulatorAuthFailure;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.port.in.LocalActivationState;

/** The README's first command: every step of the demo ends as its narration says. */
class TokenDemoTest {

    @Test
    void everyStepOfTheStoryHasItsExpectedOutcome() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        DemoResult result = TokenDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(result.localStateAfterCommit()).isEqualTo(LocalActivationState.COMMITTED);
        assertThat(result.serverStatus()).isEqualTo(ActivationState.ACTIVE);
        assertThat(result.tokenFactors()).isEqualTo(PowerAuthSignatureType.POSSESSION_KNOWLEDGE);
        assertThat(result.headerStatuses()).containsExactly(200, 200, 200);
        assertThat(result.replayStatus()).isEqualTo(401);
        assertThat(result.replayCode()).isEqualTo("ERR_AUTHENTICATION");
        assertThat(result.replayReason()).isEqualTo(EmulatorAuthFailure.TOKEN_REPLAYED);
        assertThat(result.removedTokenReason()).isEqualTo(EmulatorAuthFailure.TOKEN_UNKNOWN);
        assertThat(result.removedTokenStatus()).isEqualTo(401);
        assertThat(result.noHeaderAfterRemoval()).isTrue();
        assertThat(result.serverStateAfterRemoval()).isEqualTo(EmulatorActivationState.REMOVED);
        assertThat(result.localStateAfterRemoval()).isEqualTo(LocalActivationState.NONE);
        assertThat(result.asExpected()).isTrue();
    }

    @Test
    void theNarrationNamesEveryStepAndEndsWithTheVerdict() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        TokenDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String text = buffer.toString(StandardCharsets.UTF_8);
        for (int step = 1; step <= 10; step++) {
            assertThat(text).contains("[" + step + "] ");
        }
        assertThat(text).contains("status -> ACTIVE", "X-PowerAuth-Token: PowerAuth version=\"3.3\"",
                "200 OK, accepted", "replays header #1 -> 401 ERR_AUTHENTICATION, rejected",
                "the emulator's log says TOKEN_REPLAYED", "(the emulator's log: TOKEN_UNKNOWN)",
                "server state REMOVED, local state NONE")
                .endsWith("Every step behaved as expected." + System.lineSeparator());
    }
}
