package org.opentokens.powerauth.token.application.activation;

import org.opentokens.powerauth.token.application.session.ActivationSession;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.activation.ActivationState;
import org.opentokens.powerauth.token.domain.activation.ActivationStatusBlob;
import org.opentokens.powerauth.token.domain.counter.CounterSync;
import org.opentokens.powerauth.token.domain.counter.CounterSyncResult;
import org.opentokens.powerauth.token.domain.crypto.B64;
import org.opentokens.powerauth.token.domain.crypto.SymmetricKey;
import org.opentokens.powerauth.token.application.json.ServerData;
import org.opentokens.powerauth.token.domain.record.ActivationRecord;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.out.ActivationStatusResponse;
import org.opentokens.powerauth.token.port.out.InvalidServerResponseException;
import org.opentokens.powerauth.token.port.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * {@code /pa/v3/activation/status}: fetch, decrypt, resynchronize the counter when the server is ahead, and wipe
 * the tokens when the server reports REMOVED. Nothing is stored from a blob that does not decrypt.
 */
final class ActivationStatusCheck {
    private final ActivationSession session;
    private final PowerAuthServer server;
    private final RandomSource random;

    ActivationStatusCheck(ActivationSession session, PowerAuthServer server, RandomSource random) {
        this.session = session;
        this.server = server;
        this.random = random;
    }

    PowerAuthActivationStatus fetch(ActivationRecord activation, long generation) {
        ProtocolVersion version = session.configuration().protocolVersion();
        byte[] challenge = version == ProtocolVersion.V3_0 ? null : random.nextBytes(ActivationStatusBlob.CHALLENGE_LENGTH);
        ActivationStatusResponse response = server.fetchActivationStatus(activation.activationId(),
                challenge == null ? null : B64.encode(challenge));
        if (!activation.activationId().equals(response.activationId())) {
            throw new InvalidServerResponseException("activation status answers for another activation");
        }
        ActivationStatusBlob blob = decrypt(activation, response, challenge);
        if (blob.state() == ActivationState.REMOVED) {
            session.markRemovedByServer(generation);
            return new PowerAuthActivationStatus(activation.activationId(), blob.state(), blob.failedAttempts(),
                    blob.maxFailedAttempts(), false, false);
        }
        CounterSyncResult[] sync = new CounterSyncResult[1];
        session.update(generation, current -> {
            sync[0] = challenge == null ? new CounterSyncResult.InSync() : synchronize(current, blob);
            ActivationRecord next = sync[0] instanceof CounterSyncResult.ServerAhead ahead
                    ? current.withCounter(ahead.adopted()) : current;
            return next.serverState().orElse(null) == blob.state() ? next : next.withServerState(blob.state());
        });
        boolean resynced = sync[0] instanceof CounterSyncResult.ServerAhead;
        boolean signSoon = sync[0] instanceof CounterSyncResult.ClientAhead ahead && ahead.shouldSignSoon();
        return new PowerAuthActivationStatus(activation.activationId(), blob.state(), blob.failedAttempts(),
                blob.maxFailedAttempts(), resynced, signSoon);
    }

    /** Without a challenge (3.0) the blob's counter fields are random and must not be used. */
    private static CounterSyncResult synchronize(ActivationRecord current, ActivationStatusBlob blob) {
        SymmetricKey transport = current.transportKey();
        try {
            return ServerData.check("the activation status has invalid counter fields",
                    () -> CounterSync.synchronize(current.counter(), blob, transport));
        } finally {
            transport.destroy();
        }
    }

    private static ActivationStatusBlob decrypt(ActivationRecord activation, ActivationStatusResponse response,
            byte[] challenge) {
        SymmetricKey transport = activation.transportKey();
        try {
            return ServerData.check("the activation status blob is invalid", () -> {
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
