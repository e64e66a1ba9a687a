package org.opentokens.powerauth.token.adapter.http.internal.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.EmulatorRequest;
import org.opentokens.powerauth.testkit.EmulatorResponse;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.adapter.http.internal.HttpServerConfig;
import org.opentokens.powerauth.token.adapter.http.internal.JacksonJsonCodec;
import org.opentokens.powerauth.token.adapter.http.internal.JavaHttpPowerAuthServer;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.V4Settings;
import org.opentokens.powerauth.token.application.internal.activation.ActivationService;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.keystore.TemporaryKeyProvider;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.application.internal.token.TokenStoreService;
import org.opentokens.powerauth.token.application.internal.v4.V4ClientProtocol;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.FakeSecureStorage;
import org.opentokens.powerauth.token.port.out.SeededRandomSource;
import org.opentokens.powerauth.token.testing.MutableClock;

/**
 * One client instance wired by hand over the real HTTP adapter and the real JSON codec, talking in-process to the
 * testkit emulator; the answers of one endpoint pass through a mutator on their way back.
 */
final class FuzzedClient implements AutoCloseable {
    final PowerAuthEmulator emulator = PowerAuthEmulator.create();
    final EmulatorApplication application = emulator.createApplication();
    final FakeSecureStorage storage = new FakeSecureStorage();
    final MutableClock clock = new MutableClock();
    final TimeSynchronizationService time = new TimeSynchronizationService(clock);
    final PowerAuthConfiguration configuration;
    final TemporaryKeyProvider temporaryKeys;
    final ActivationService activation;
    final TokenStoreService tokens;
    /** The 4.0 operations; their temporary keys are cleared through it. */
    final V4ClientProtocol v4;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile String mutatedPath = "";
    private volatile UnaryOperator<byte[]> mutator = UnaryOperator.identity();

    FuzzedClient(ProtocolVersion version) {
        this(version, false);
    }

    /** @param v4 whether new activations use protocol 4.0 ({@code EC_P384_ML_L3}) */
    FuzzedClient(ProtocolVersion version, boolean v4) {
        PowerAuthConfiguration.Builder builder = PowerAuthConfiguration.builder(application.appKey(),
                        application.appSecret(), application.masterServerPublicKey())
                .protocolVersion(version).knowledgeKeyIterations(100);
        if (v4) {
            builder.protocol4(V4Settings.of(SharedSecretAlgorithm.EC_P384_ML_L3,
                    application.masterServerPublicKeyP384(), application.masterServerPublicKeyMlDsa65()));
        }
        configuration = builder.build();
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(HttpServerConfig.builder()
                .baseUri("http://127.0.0.1:1")
                .httpClient(new InProcessHttpClient(this::answer))
                .build());
        SeededRandomSource random = new SeededRandomSource(version.ordinal() + (v4 ? 40 : 0));
        JacksonJsonCodec json = new JacksonJsonCodec();
        InstanceState state = InstanceState.create(configuration, storage, clock);
        temporaryKeys = new TemporaryKeyProvider(configuration, server, json, random, time, clock);
        this.v4 = new V4ClientProtocol(configuration, state, server.v4(), json, random, time, clock);
        ServiceContext context = new ServiceContext(configuration, state, server, json, random, time, temporaryKeys,
                clock, executor);
        activation = new ActivationService(context, this.v4);
        tokens = new TokenStoreService(context, this.v4);
    }

    /** Creates, commits locally and on the server. */
    void activate() {
        EmulatorActivationCode code = emulator.initActivation(application);
        activation.createActivation(PowerAuthActivation.builder(code.activationCode(), "fuzz device").build()).join();
        activation.commitActivation(PowerAuthAuthentication.commitWithPassword("1234".toCharArray()));
        emulator.commitActivation(code.activationId());
    }

    /**
     * @param path the endpoint whose answers to mutate, e.g. {@code /pa/v3/token/create}
     * @param how the mutation of the answer body
     */
    void mutate(String path, UnaryOperator<byte[]> how) {
        mutatedPath = path;
        mutator = how;
    }

    /** Lets every answer through unchanged. */
    void stopMutating() {
        mutatedPath = "";
    }

    private InProcessHttpClient.Answer answer(InProcessHttpClient.Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        headers.put("Content-Type", "application/json");
        EmulatorResponse response = emulator.handle(new EmulatorRequest("POST", request.path(), headers,
                request.body()));
        byte[] body = response.body();
        if (request.path().equals(mutatedPath)) {
            body = mutator.apply(body);
        }
        return new InProcessHttpClient.Answer(response.status(), body);
    }

    static List<ProtocolVersion> versions() {
        return List.of(ProtocolVersion.V3_3, ProtocolVersion.V3_2);
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        emulator.close();
    }
}
