package org.opentokens.powerauth.token.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.adapter.http.internal.HttpServerConfig;
import org.opentokens.powerauth.token.adapter.http.internal.JacksonJsonCodec;
import org.opentokens.powerauth.token.adapter.http.internal.JavaHttpPowerAuthServer;
import org.opentokens.powerauth.token.adapter.storage.inmemory.InMemorySecureStorage;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.application.internal.keystore.TemporaryKeyProvider;
import org.opentokens.powerauth.token.application.internal.time.HostTimeSynchronizationService;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;
import org.opentokens.powerauth.token.port.in.ActivationUseCase;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.port.in.TimeSynchronization;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SeededRandomSource;
import org.opentokens.powerauth.token.testing.MutableClock;

/** The Guice wiring, built in {@code Stage.PRODUCTION} as a host would, for each supported storage. */
class PowerAuthTokenModuleTest {

    private static Injector inMemory(Module... extra) {
        List<Module> modules = new ArrayList<>(List.of(
                new PowerAuthTokenModule(TestConfigs.builder().build()), new InMemoryStorageModule()));
        modules.addAll(List.of(extra));
        return Guice.createInjector(Stage.PRODUCTION, modules);
    }

    @Test
    void withInMemoryStorageEveryPublicBindingIsOneSharedSingleton() {
        Injector injector = inMemory();

        PowerAuthClient client = injector.getInstance(PowerAuthClient.class);

        assertThat(injector.getInstance(PowerAuthClient.class)).isSameAs(client);
        assertThat(injector.getInstance(PowerAuthTokenStore.class)).isSameAs(client.tokenStore());
        assertThat(injector.getInstance(ActivationUseCase.class)).isSameAs(client.activation());
        assertThat(injector.getInstance(TimeSynchronization.class)).isSameAs(client.timeSynchronization());
        assertThat(injector.getInstance(SecureStorage.class)).isInstanceOf(InMemorySecureStorage.class)
                .isSameAs(injector.getInstance(SecureStorage.class));
        assertThat(client.instanceId()).isEqualTo("default");
        assertThat(client.activation().hasValidActivation()).isFalse();
        client.close();
    }

    @Test
    void withoutAStorageBindingTheInjectorFailsAtCreationNamingWhatIsMissing() {
        assertThatThrownBy(() -> Guice.createInjector(Stage.PRODUCTION,
                new PowerAuthTokenModule(TestConfigs.builder().build())))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("No implementation for SecureStorage was bound")
                .hasMessageContaining("install one storage module, such as InMemoryStorageModule");
    }

    @Test
    void onlyThePortsTheFacadeAndTheSlotsReachTheHostInjector() {
        Injector injector = inMemory();

        List<Class<?>> hidden = List.of(InstanceState.class, TemporaryKeyProvider.class, PowerAuthServer.class,
                JsonCodec.class, HttpClient.class, ObjectMapper.class, Executor.class, ExecutorService.class,
                ClientExecutor.class, InMemorySecureStorage.class, TimeSynchronizationService.class);
        List<Class<?>> bound = injector.getAllBindings().keySet().stream()
                .<Class<?>>map(key -> key.getTypeLiteral().getRawType()).toList();
        assertThat(bound)
                .doesNotContainAnyElementsOf(hidden)
                .contains(PowerAuthClient.class, PowerAuthTokenStore.class, ActivationUseCase.class,
                        TimeSynchronization.class, SecureStorage.class, RandomSource.class, Clock.class);
        assertThat(injector.getExistingBinding(Key.get(Clock.class))).as("no unqualified Clock").isNull();
        assertThat(injector.getExistingBinding(Key.get(Clock.class, PowerAuthClock.class))).isNotNull();
    }

    @Test
    void eachInMemoryStorageModuleHasItsOwnStorage() {
        assertThat(inMemory().getInstance(SecureStorage.class)).isNotSameAs(inMemory().getInstance(SecureStorage.class));
    }

    @Test
    void theDefaultSlotsAreTheSystemClockAndOneSharedSecureRandom() {
        Injector injector = inMemory();

        assertThat(injector.getInstance(Key.get(Clock.class, PowerAuthClock.class))).isEqualTo(Clock.systemUTC());
        RandomSource random = injector.getInstance(RandomSource.class);
        assertThat(random.secureRandom()).isSameAs(inMemory().getInstance(RandomSource.class).secureRandom());
        assertThat(random.nextBytes(16)).hasSize(16);
    }

    @Test
    void hostsReplaceTheClockAndRandomnessThroughTheSlots() {
        MutableClock clock = new MutableClock();
        SeededRandomSource random = new SeededRandomSource(42);

        Injector injector = inMemory(new AbstractModule() {
            @Override
            protected void configure() {
                PowerAuthTokenModule.clockBinder(binder()).setBinding().toInstance(clock);
                PowerAuthTokenModule.randomSourceBinder(binder()).setBinding().toInstance(random);
            }
        });

        assertThat(injector.getInstance(Key.get(Clock.class, PowerAuthClock.class))).isSameAs(clock);
        assertThat(injector.getInstance(RandomSource.class)).isSameAs(random);
        TimeSynchronizationService time =
                ((HostTimeSynchronizationService) injector.getInstance(TimeSynchronization.class)).service();
        assertThat(time.estimatedServerTimeMs()).isEqualTo(clock.millis());
    }

    @Test
    void hostBindingsOfTheSameJdkAndPortTypesDoNotClash() {
        Clock hostClock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        HttpClient hostHttp = HttpClient.newHttpClient();
        JsonCodec hostJson = new JacksonJsonCodec();
        PowerAuthServer hostServer = new JavaHttpPowerAuthServer(
                HttpServerConfig.builder().baseUri("http://127.0.0.1:9").build());

        Injector injector = inMemory(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(hostClock);
                bind(HttpClient.class).toInstance(hostHttp);
                bind(JsonCodec.class).toInstance(hostJson);
                bind(PowerAuthServer.class).toInstance(hostServer);
                bind(ObjectMapper.class).toInstance(new ObjectMapper());
            }
        });

        assertThat(injector.getInstance(Clock.class)).isSameAs(hostClock);
        assertThat(injector.getInstance(JsonCodec.class)).isSameAs(hostJson);
        assertThat(injector.getInstance(PowerAuthServer.class)).isSameAs(hostServer);
        assertThat(injector.getInstance(Key.get(Clock.class, PowerAuthClock.class))).isNotSameAs(hostClock);
        assertThat(injector.getInstance(PowerAuthClient.class)).isNotNull();
    }

    @Test
    void closingTheClientRejectsServerCallsThroughTheirFuturesAndIsIdempotent() {
        PowerAuthClient client = inMemory().getInstance(PowerAuthClient.class);

        client.close();
        client.close();

        assertThat(client.isClosed()).isTrue();
        assertThat(client.toString()).contains("closed");
        CompletableFuture<?> create = client.activation().createActivation(
                PowerAuthActivation.builder("AAAAA-AAAAA-AAAAA-AAAAA", "x").build());
        assertThat(create).isCompletedExceptionally();
        assertThatThrownBy(create::join).hasCauseInstanceOf(ClientClosedException.class)
                .hasMessageContaining("closed");
        assertThat(client.activation().localState()).isEqualTo(LocalActivationState.NONE);
    }
}
