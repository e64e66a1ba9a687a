package org.opentokens.powerauth.token.application.internal.activation;

import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.json.ServerData;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationStatusBlob;
import org.opentokens.powerauth.token.domain.internal.counter.CounterSync;
import org.opentokens.powerauth.token.domain.internal.counter.CounterSyncResult;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.internal.out.ActivationStatusResponse;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * {@code /pa/v3/activation/status}: fetch, decrypt, then, inside the instance's exclusive section and against the
 * record as stored now, resynchronize the counter when the server is ahead and wipe the tokens when the server
 * reports REMOVED. Nothing is stored from a blob that does not decrypt, nor for an activation replaced meanwhile.
 */
final class ActivationStatusCheck {
    private final PowerAuthConfiguration configuration;
    private final InstanceState state;
    private final PowerAuthServer server;
    private final RandomSource random;

    ActivationStatusCheck(PowerAuthConfiguration configuration, InstanceState state, PowerAuthServer server,
            RandomSource random) {
        this.configuration = configuration;
        this.state = state;
        this.server = server;
        this.random = random;
    }

    PowerAuthActivationStatus fetch(ActivationRecord activation) {
        ProtocolVersion version = configuration.protocolVersion();
        byte[] challenge = version == ProtocolVersion.V3_0 ? null : random.nextBytes(ActivationStatusBlob.CHALLENGE_LENGTH);
        ActivationStatusResponse response = server.fetchActivationStatus(activation.activationId(),
                challenge == null ? null : B64.encode(challenge));
        if (!activation.activationId().equals(response.activationId())) {
            throw new InvalidServerResponseException("activation status answers for another activation");
        }
        ActivationStatusBlob blob = decrypt(activation, response, challenge);
        if (blob.state() == ActivationState.REMOVED) {
            // Every signed call of this process for it is doomed: stop waiting for their answers.
            state.abortSignedCalls();
        }
        return state.transaction(tx -> {
            ActivationRecord current = tx.activation().orElse(null);
            if (current == null || !current.activationId().equals(activation.activationId())) {
                // Removed or replaced meanwhile (here or in another process): report, store nothing.
                return status(activation, blob, false, false);
            }
            if (blob.state() == ActivationState.REMOVED) {
                if (current.serverState().orElse(null) != ActivationState.REMOVED) {
                    tx.putActivation(current.withServerState(ActivationState.REMOVED));
                }
                tx.deleteAllTokens();
                // The server ended the tokens with the activation: no removal is owed any more.
                tx.pendingRemovals().forEach(owed -> tx.deletePendingRemoval(owed.tokenId()));
                return status(activation, blob, false, false);
            }
            CounterSyncResult sync = challenge == null ? new CounterSyncResult.InSync() : synchronize(current, blob);
            ActivationRecord next = sync instanceof CounterSyncResult.ServerAhead ahead
                    ? current.withCounter(ahead.adopted()) : current;
            if (next.serverState().orElse(null) != blob.state()) {
                next = next.withServerState(blob.state());
            }
            if (next != current) {
                tx.putActivation(next);
            }
            boolean resynced = sync instanceof CounterSyncResult.ServerAhead;
            boolean signSoon = sync instanceof CounterSyncResult.ClientAhead ahead && ahead.shouldSignSoon();
            return status(activation, blob, resynced, signSoon);
        });
    }

    private static PowerAuthActivationStatus status(ActivationRecord activation, ActivationStatusBlob blob,
            boolean resynced, boolean signSoon) {
        return new PowerAuthActivationStatus(activation.activationId(), blob.state(), blob.failedAttempts(),
                blob.maxFailedAttempts(), resynced, signSoon);
    }

    /** Without a challenge (3.0) the blob's counter fields are random and must not be used. */
    private static CounterSyncResult synchronize(ActivationRecord current, ActivationStatusBlob blob) {
        SymmetricKey transport = current.transportKey();
        try {
            return ServerData.orInvalidResponse("the activation status has invalid counter fields",
                    () -> CounterSync.synchronize(current.counter(), blob, transport));
        } finally {
            transport.destroy();
        }
    }

    private static ActivationStatusBlob decrypt(ActivationRecord activation, ActivationStatusResponse response,
            byte[] challenge) {
        SymmetricKey transport = activation.transportKey();
        try {
            return ServerData.orInvalidResponse("the activation status blob is invalid", () -> {
                byte[] encrypted = B64.decode(response.encryptedStatusBlobBase64(), "encryptedStatusBlob",
                        ActivationStatusBlob.LENGTH);
                byte[] nonce = response.nonceBase64() == null ? null
                        : B64.decode(response.nonceBase64(), "nonce", ActivationStatusBlob.CHALLENGE_LENGTH);
                if (challenge != null && nonce == null) {
                    throw new InvalidServerResponseException("activation status lacks its nonce");
                }
                return ActivationStatusBlob.decrypt(encrypted, transport, challenge, nonce);
            });
        } finally {
            transport.destroy();
        }
    }
}
