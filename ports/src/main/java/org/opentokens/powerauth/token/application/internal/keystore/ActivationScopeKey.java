package org.opentokens.powerauth.token.application.internal.keystore;

import java.util.function.BiFunction;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesParameters;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;

/**
 * Picks the key a 3.x activation-scope ECIES envelope encrypts to: a 3.3 temporary key of the activation (with its
 * parameters, retried once by {@link TemporaryKeyProvider}), or else the activation's {@code KEY_SERVER_PUBLIC},
 * after synchronizing time when the version's envelopes carry a timestamp.
 */
public final class ActivationScopeKey {

    private ActivationScopeKey() {
    }

    /**
     * Runs {@code exchange} in the activation's scope, with the settings, temporary keys, time and server of a
     * service context (see the next method).
     *
     * @param context what the instance's services share
     * @param activation the activation whose scope encrypts
     * @param exchange the encrypted call, given the parameters and the key
     * @param <T> its result
     * @return its result
     */
    public static <T> T with(ServiceContext context, ActivationRecord activation,
            BiFunction<EciesParameters, EcPublicKey, T> exchange) {
        return with(context.configuration(), context.temporaryKeys(), context.time(), context.server(), activation,
                exchange);
    }

    /**
     * Runs {@code exchange} with the envelope parameters and the public key of the activation's scope.
     *
     * @param configuration the instance settings (version, application key)
     * @param temporaryKeys 3.3 temporary keys
     * @param time time synchronization, ensured before a 3.2 envelope
     * @param server the server port, asked for its time
     * @param activation the activation whose scope encrypts
     * @param exchange the encrypted call, given the parameters and the key
     * @param <T> its result
     * @return its result
     */
    public static <T> T with(PowerAuthConfiguration configuration, TemporaryKeyProvider temporaryKeys,
            TimeSynchronizationService time, PowerAuthServer server, ActivationRecord activation,
            BiFunction<EciesParameters, EcPublicKey, T> exchange) {
        ProtocolVersion version = configuration.protocolVersion();
        if (version.usesTemporaryKeys()) {
            return temporaryKeys.withActivationKey(activation,
                    key -> exchange.apply(key.eciesParameters(), key.publicKey()));
        }
        if (version.usesEciesTimestamp()) {
            time.ensureSynchronized(server::fetchServerTime);
        }
        EciesParameters parameters = new EciesParameters(version, configuration.applicationKey(),
                activation.activationId(), null);
        return exchange.apply(parameters, activation.serverPublicKey());
    }
}
