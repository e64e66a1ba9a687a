package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.PrivateModule;
import com.google.inject.Stage;
import com.google.inject.name.Names;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.testing.MutableClock;
import org.opentokens.powerauth.token.wiring.InMemoryStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthClock;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;

/** Several client instances in one JVM, each with its own activation and tokens, over one storage. */
class MultiInstanceE2eTest {
    private final EmulatorBed bed = new EmulatorBed();

    @AfterEach
    void close() {
        bed.close();
    }

    /** The README pattern: one private module per instance, exposing the client under a binding annotation. */
    static PrivateModule instance(String name, PowerAuthClientConfig config, Clock clock) {
        return new PrivateModule() {
            @Override
            protected void configure() {
                install(new PowerAuthTokenModule(config));
                PowerAuthTokenModule.clockBinder(binder()).setBinding().toInstance(clock);
                bind(PowerAuthClient.class).annotatedWith(Names.named(name)).to(PowerAuthClient.class);
                expose(PowerAuthClient.class).annotatedWith(Names.named(name));
            }
        };
    }

    @Test
    void twoInstancesInOneInjectorShareTheStorageButNothingElse() {
        MutableClock bobsClock = new MutableClock();
        Injector injector = Guice.createInjector(Stage.PRODUCTION,
                new InMemoryStorageModule(),
                instance("alice", bed.config("alice", ProtocolVersion.V3_3).build(), Clock.systemUTC()),
                instance("bob", bed.config("bob", ProtocolVersion.V3_2).build(), bobsClock));
        PowerAuthClient alice = injector.getInstance(Key.get(PowerAuthClient.class, Names.named("alice")));
        PowerAuthClient bob = injector.getInstance(Key.get(PowerAuthClient.class, Names.named("bob")));
        try {
            assertThat(alice).isNotSameAs(bob);
            assertThat(injector.getExistingBinding(Key.get(PowerAuthClient.class))).as("no unqualified client")
                    .isNull();
            assertThat(injector.getExistingBinding(Key.get(Clock.class, PowerAuthClock.class)))
                    .as("each clock slot stays inside its instance").isNull();
            String aliceId = bed.activate(alice);
            String bobId = bed.activate(bob);
            assertThat(aliceId).isNotEqualTo(bobId);

            PowerAuthToken a = alice.tokenStore().requestAccessToken("same", PowerAuthAuthentication.possession())
                    .join();
            PowerAuthToken b = bob.tokenStore().requestAccessToken("same", PowerAuthAuthentication.possession())
                    .join();
            assertThat(a.tokenIdentifier()).isNotEqualTo(b.tokenIdentifier());
            assertThat(bed.useHeader(alice.tokenStore().generateHeaderForToken("same"))).isEqualTo(200);
            assertThat(bed.useHeader(bob.tokenStore().generateHeaderForToken("same"))).isEqualTo(200);

            alice.activation().removeActivationLocal();

            assertThat(alice.tokenStore().hasLocalToken("same")).isFalse();
            assertThat(bob.tokenStore().getLocalToken("same")).contains(b);
            SecureStorage shared = injector.getInstance(SecureStorage.class);
            assertThat(shared.names(StorageNamespace.of("alice"))).as("the time offset outlives the activation")
                    .containsExactly("time-offset");
            assertThat(shared.names(StorageNamespace.of("bob")))
                    .containsExactlyInAnyOrder("activation", "token:same", "time-offset");
        } finally {
            alice.close();
            bob.close();
        }
    }

    @Test
    void twoInjectorsCanShareOneStorageInstanceUnderDifferentInstanceIds() {
        PowerAuthClient first = bed.client(bed.config("first", ProtocolVersion.V3_3).build());
        PowerAuthClient second = bed.client(bed.config("second", ProtocolVersion.V3_3).build());
        bed.activate(first);
        bed.activate(second);
        first.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();

        assertThat(second.tokenStore().hasLocalToken("t")).isFalse();
        assertThat(bed.snapshot("first")).containsKeys("activation", "token:t");
        assertThat(bed.snapshot("second")).containsOnlyKeys("activation", "time-offset");
        first.close();
        assertThat(second.isClosed()).as("closing one client leaves the other running").isFalse();
        second.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
    }

    @Test
    void serverCallsRunOnTheInstancesOwnDaemonThreads() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        SecureRandom random = new SecureRandom();
        RandomSource recording = () -> {
            seen.add(Thread.currentThread());
            return random;
        };
        PowerAuthClient client = bed.client(bed.config("threads", ProtocolVersion.V3_3).build(),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        PowerAuthTokenModule.randomSourceBinder(binder()).setBinding().toInstance(recording);
                    }
                });

        bed.activate(client);
        client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();

        assertThat(seen).filteredOn(thread -> thread.getName().startsWith("powerauth-threads-")).isNotEmpty()
                .allMatch(Thread::isDaemon);
    }
}
