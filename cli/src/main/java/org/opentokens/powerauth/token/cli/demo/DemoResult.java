package org.opentokens.powerauth.token.cli.demo;

import java.util.List;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.testkit.EmulatorAuthFailure;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.port.in.LocalActivationState;

/**
 * What each step of {@link TokenDemo} observed.
 *
 * @param activationId the activation the demo created
 * @param localStateAfterCommit the client's state after the local commit (COMMITTED)
 * @param serverStatus the server's state that {@code status} reported after the back office commit (ACTIVE)
 * @param tokenFactors the factors the token was created with
 * @param headerStatuses the protected resource's HTTP status for each fresh header (200 each)
 * @param replayStatus the status for a replayed header (401)
 * @param replayCode the PowerAuth error code of the replay's rejection (ERR_AUTHENTICATION, as for every failed
 *     check on a real deployment)
 * @param replayReason the reason the emulator logged for the replay (TOKEN_REPLAYED)
 * @param removedTokenStatus the status for a header made before its token was removed (401)
 * @param removedTokenReason the reason the emulator logged for it (TOKEN_UNKNOWN)
 * @param noHeaderAfterRemoval true if the client refused to make a header for the removed token
 * @param serverStateAfterRemoval the server's state of the activation after removal (REMOVED)
 * @param localStateAfterRemoval the client's state after removal (NONE)
 */
public record DemoResult(String activationId, LocalActivationState localStateAfterCommit, ActivationState serverStatus,
        PowerAuthSignatureType tokenFactors, List<Integer> headerStatuses, int replayStatus, String replayCode,
        EmulatorAuthFailure replayReason, int removedTokenStatus, EmulatorAuthFailure removedTokenReason,
        boolean noHeaderAfterRemoval, EmulatorActivationState serverStateAfterRemoval,
        LocalActivationState localStateAfterRemoval) {

    /** Copies the list. */
    public DemoResult {
        headerStatuses = List.copyOf(headerStatuses);
    }

    /** @return true if every step ended as the story says it should */
    public boolean asExpected() {
        return localStateAfterCommit == LocalActivationState.COMMITTED
                && serverStatus == ActivationState.ACTIVE
                && headerStatuses.equals(List.of(200, 200, 200))
                && replayStatus == 401
                && replayReason == EmulatorAuthFailure.TOKEN_REPLAYED
                && removedTokenStatus == 401
                && removedTokenReason == EmulatorAuthFailure.TOKEN_UNKNOWN
                && noHeaderAfterRemoval
                && serverStateAfterRemoval == EmulatorActivationState.REMOVED
                && localStateAfterRemoval == LocalActivationState.NONE;
    }
}
