package org.opentokens.powerauth.token.application.internal.v4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.json.JsonFields;
import org.opentokens.powerauth.token.application.internal.json.ServerData;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.v4.activation.V4ActivationStatus;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedRequest;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptor;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptorId;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadSecrets;
import org.opentokens.powerauth.token.domain.internal.v4.aead.V4EncryptionHeader;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4CounterSync;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4CounterSyncResult;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKey;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServerV4;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * {@code /pa/v4/activation/status}: {@code {}} sealed in activation scope, the answer's blob checked against
 * {@code KEY_MAC_STATUS} before anything in it is read, then the same rules as 3.x inside the exclusive section:
 * resynchronize the SHA3 counter when the server is ahead, wipe the tokens on REMOVED, store nothing for an
 * activation replaced meanwhile.
 */
final class V4StatusCheck {
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final PowerAuthConfiguration configuration;
    private final InstanceState state;
    private final PowerAuthServerV4 server;
    private final JsonCodec json;
    private final RandomSource random;
    private final TimeSynchronizationService time;
    private final V4TemporaryKeys temporaryKeys;
    private final Clock clock;

    V4StatusCheck(PowerAuthConfiguration configuration, InstanceState state, PowerAuthServerV4 server,
            JsonCodec json, RandomSource random, TimeSynchronizationService time, V4TemporaryKeys temporaryKeys,
            Clock clock) {
        this.configuration = configuration;
        this.state = state;
        this.server = server;
        this.json = json;
        this.random = random;
        this.time = time;
        this.temporaryKeys = temporaryKeys;
        this.clock = clock;
    }

    PowerAuthActivationStatus fetch(ActivationRecord activation) {
        time.ensureSynchronized(server::fetchServerTime);
        V4ActivationStatus blob = temporaryKeys.withActivationKey(activation, key -> exchange(activation, key));
        if (blob.state() == ActivationState.REMOVED) {
            state.abortSignedCalls();
        }
        return state.transaction(tx -> {
            ActivationRecord current = tx.activation().orElse(null);
            if (current == null || !current.activationId().equals(activation.activationId()) || !current.isV4()) {
                return status(activation, blob, false, false);
            }
            if (blob.state() == ActivationState.REMOVED) {
                if (current.serverState().orElse(null) != ActivationState.REMOVED) {
                    tx.putActivation(current.withServerState(ActivationState.REMOVED));
                }
                tx.deleteAllTokens();
                return status(activation, blob, false, false);
            }
            V4CounterSyncResult sync = synchronize(current, blob);
            ActivationRecord next = sync instanceof V4CounterSyncResult.ServerAhead ahead
                    ? current.withCounter(ahead.adopted()) : current;
            if (next.serverState().orElse(null) != blob.state()) {
                next = next.withServerState(blob.state());
            }
            if (next != current) {
                tx.putActivation(next);
            }
            boolean resynced = sync instanceof V4CounterSyncResult.ServerAhead;
            boolean signSoon = sync instanceof V4CounterSyncResult.ClientAhead ahead && ahead.shouldSignSoon();
            return status(activation, blob, resynced, signSoon);
        });
    }

    private V4ActivationStatus exchange(ActivationRecord activation, V4TemporaryKey key) {
        V4SymmetricKey sh2 = activation.v4().sharedInfo2Key();
        AeadSecrets secrets;
        try {
            secrets = AeadSecrets.forActivation(key.envelopeKey(), configuration.applicationSecret(), sh2);
        } finally {
            sh2.destroy();
        }
        try {
            AeadEncryptor encryptor = AeadEncryptor.create(AeadEncryptorId.ACTIVATION_SCOPE_GENERIC,
                    key.aeadParameters(), secrets);
            AeadEncryptedRequest request = encryptor.encryptRequest(EMPTY_OBJECT, random.secureRandom(),
                    time.estimatedServerTimeMs());
            long start = clock.millis();
            AeadEncryptedResponse response = server.fetchActivationStatus(request,
                    V4EncryptionHeader.of(key.aeadParameters()));
            long end = clock.millis();
            byte[] plain = ServerData.orInvalidResponse("the activation status response does not decrypt",
                    () -> encryptor.decryptResponse(response));
            V4Envelopes.applyResponseTimestamp(time, response, start, end);
            JsonFields fields = JsonFields.parse(json, plain, "activation status response");
            V4SymmetricKey macKey = activation.v4().statusMacKey();
            try {
                return ServerData.orInvalidResponse("the activation status blob is invalid",
                        () -> V4ActivationStatus.fromActivationStatus(fields.string("activationStatus"), macKey));
            } finally {
                macKey.destroy();
            }
        } finally {
            secrets.destroy();
        }
    }

    private static V4CounterSyncResult synchronize(ActivationRecord current, V4ActivationStatus blob) {
        V4SymmetricKey macKey = current.v4().ctrDataMacKey();
        V4HashCounter counter = current.v4Counter();
        try {
            return ServerData.orInvalidResponse("the activation status has invalid counter fields",
                    () -> V4CounterSync.synchronize(counter, blob, macKey));
        } finally {
            macKey.destroy();
            counter.destroy();
        }
    }

    private static PowerAuthActivationStatus status(ActivationRecord activation, V4ActivationStatus blob,
            boolean resynced, boolean signSoon) {
        return new PowerAuthActivationStatus(activation.activationId(), blob.state(), blob.failedAttempts(),
                blob.maxFailedAttempts(), resynced, signSoon);
    }
}
