package org.opentokens.powerauth.token.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/** {@link KeyringStorageModule} in a {@code Stage.PRODUCTION} injector next to {@link PowerAuthTokenModule}. */
class KeyringStorageModuleTest {

    private static Injector injector(String service) {
        return Guice.createInjector(Stage.PRODUCTION,
                new PowerAuthTokenModule(TestConfigs.builder().build()), new KeyringStorageModule(service));
    }

    @Test
    void buildingTheInjectorNeverTouchesTheKeychain() {
        Injector injector = injector("powerauth-test-unused");
        assertThat(injector.getInstance(PowerAuthClient.class)).isNotNull();
        assertThat(injector.getInstance(SecureStorage.class)).isSameAs(injector.getInstance(SecureStorage.class));
    }

    @Test
    void anInvalidServiceNameIsRejectedAtConstruction() {
        assertThatThrownBy(() -> new KeyringStorageModule("bad name!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theClientStoresInTheRealKeychain() {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || System.getenv("DBUS_SESSION_BUS_ADDRESS") != null, "no session bus outside CI");
        String service = "powerauth-test-" + UUID.randomUUID().toString().substring(0, 8);
        StorageNamespace namespace = StorageNamespace.of("default");
        Injector first = injector(service);
        assertThat(first.getInstance(PowerAuthClient.class).activation().localState())
                .isEqualTo(LocalActivationState.NONE);
        first.getInstance(SecureStorage.class).put(namespace, "note",
                SecretBytes.copyOf("kept".getBytes(StandardCharsets.UTF_8)));

        SecureStorage again = injector(service).getInstance(SecureStorage.class);

        assertThat(again.names(namespace)).containsExactly("note");
        again.deleteAll(namespace);
    }
}
