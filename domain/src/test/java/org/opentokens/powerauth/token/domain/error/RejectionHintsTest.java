package org.opentokens.powerauth.token.domain.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RejectionHintsTest {

    @Test
    void aHintKeepsStatusAndCodeAndEndsTheMessage() {
        ServerRejectedException plain = new ServerRejectedException(401, "ERR_AUTHENTICATION");

        ServerRejectedException hinted = plain.withHint(RejectionHints.passwordMayBeWrong(3, 5));

        assertThat(plain.hint()).isEmpty();
        assertThat(hinted.httpStatus()).isEqualTo(401);
        assertThat(hinted.errorCode()).contains("ERR_AUTHENTICATION");
        assertThat(hinted.hint()).contains("The password may be wrong: 3 of 5 attempts remain before the server "
                + "blocks the activation");
        assertThat(hinted.getMessage()).isEqualTo("PowerAuth server rejected the request: HTTP 401, code "
                + "ERR_AUTHENTICATION. The password may be wrong: 3 of 5 attempts remain before the server blocks "
                + "the activation");
        assertThat(hinted.getCause()).isSameAs(plain);
    }

    @Test
    void aBlankHintIsNoHint() {
        assertThat(new ServerRejectedException(404, null, "  ").hint()).isEmpty();
        assertThat(new ServerRejectedException(404, null, "  ").getMessage())
                .isEqualTo("PowerAuth server rejected the request: HTTP 404");
    }

    @ParameterizedTest(name = "base path \"{0}\"")
    @ValueSource(strings = {"/pa", "/pa/", "/api/PA", "/enrollment/pa/v3", "/pa/v3/"})
    void aBaseEndingInPaIsNamed(String basePath) {
        assertThat(RejectionHints.endpointNotFound(basePath)).startsWith("The server base URL ends in /pa")
                .contains("leave that out");
    }

    @ParameterizedTest(name = "base path \"{0}\"")
    @ValueSource(strings = {"", "/", "/enrollment-server", "/papa"})
    void anotherBaseGetsTheGeneralAdvice(String basePath) {
        assertThat(RejectionHints.endpointNotFound(basePath)).contains("check the server base URL",
                "the part before /pa/v3", "ending in /pa is a common mistake");
    }

    @Test
    void theOtherHintsSayWhatToDo() {
        assertThat(RejectionHints.passwordMayBeWrong(1, 1)).contains("1 of 1 attempt remain");
        assertThat(RejectionHints.passwordMayBeWrong()).contains("password may be wrong", "attempts left");
        assertThat(RejectionHints.notCommittedYet(true)).contains("PENDING_COMMIT", "back office must commit");
        assertThat(RejectionHints.notCommittedYet(false)).contains("back office may not have committed");
        assertThat(RejectionHints.activationBlocked()).contains("BLOCKED", "unblock");
        assertThat(RejectionHints.activationRemoved()).contains("REMOVED", "activate again");
    }
}
