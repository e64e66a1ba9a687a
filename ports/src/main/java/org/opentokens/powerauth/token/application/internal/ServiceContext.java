package org.opentokens.powerauth.token.application.internal;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.keystore.TemporaryKeyProvider;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * What the host-facing services of one client instance share: its settings and state, the {@code /pa/v3} server
 * port and codec, randomness, time and 3.3 temporary keys, the local clock and the executor server calls run on.
 * Built once by the wiring and handed to every service, so the services' constructors do not repeat the list.
 *
 * @param configuration the instance settings
 * @param state the instance's state, shared by every service of the instance
 * @param server the {@code /pa/v3} server port
 * @param json the JSON codec for envelope bodies
 * @param random keys, nonces and challenges
 * @param time server time synchronization
 * @param temporaryKeys 3.3 temporary keys
 * @param clock the local clock
 * @param executor runs server calls; a refusal fails them with
 *     {@link org.opentokens.powerauth.token.domain.error.ClientClosedException} (see {@link ClientExecution})
 */
public record ServiceContext(PowerAuthConfiguration configuration, InstanceState state, PowerAuthServer server,
        JsonCodec json, RandomSource random, TimeSynchronizationService time, TemporaryKeyProvider temporaryKeys,
        Clock clock, Executor executor) {

    /** @throws NullPointerException if a component is null */
    public ServiceContext {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(temporaryKeys, "temporaryKeys");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(executor, "executor");
    }

    /** @return the protocol version only; the components stay out of logs */
    @Override
    public String toString() {
        return "ServiceContext[" + configuration.protocolVersion().wireValue() + "]";
    }
}
