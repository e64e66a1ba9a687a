package org.opentokens.powerauth.examples;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.PrivateModule;
import com.google.inject.Stage;
import com.google.inject.name.Names;
import org.opentokens.powerauth.token.wiring.InMemoryStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;

/** README, "Several instances in one JVM": two clients over one storage, each in its own private module. */
public final class SeveralInstances {
    private SeveralInstances() {
    }

    // README-BEGIN
    /** One client instance whose instance id is {@code name}, exposed as {@code @Named(name) PowerAuthClient}. */
    public static Module instance(String name, PowerAuthClientConfig.Builder config) {
        PowerAuthClientConfig instanceConfig = config.instanceId(name).build();
        return new PrivateModule() {
            @Override
            protected void configure() {
                install(new PowerAuthTokenModule(instanceConfig));
                bind(PowerAuthClient.class).annotatedWith(Names.named(name)).to(PowerAuthClient.class);
                expose(PowerAuthClient.class).annotatedWith(Names.named(name));
            }
        };
    }

    /** One storage binding outside the private modules is shared; the instance ids keep the data apart. */
    public static Injector aliceAndBob(PowerAuthClientConfig.Builder alice, PowerAuthClientConfig.Builder bob) {
        return Guice.createInjector(Stage.PRODUCTION, new InMemoryStorageModule(),
                instance("alice", alice), instance("bob", bob));
    }

    public static PowerAuthClient client(Injector injector, String name) {
        return injector.getInstance(Key.get(PowerAuthClient.class, Names.named(name)));
    }
    // README-END
}
