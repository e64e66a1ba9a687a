package org.opentokens.powerauth.token.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.postgres.PostgresSecureStorage;
import org.opentokens.powerauth.token.domain.error.StorageLockedException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.out.PostgresTestCluster;
import org.opentokens.powerauth.token.port.out.PostgresTestSchema;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/** {@link PostgresStorageModule} in a {@code Stage.PRODUCTION} injector next to {@link PowerAuthTokenModule}. */
class PostgresStorageModuleTest {
    private static final StorageNamespace NAMESPACE = StorageNamespace.of("default");
    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema("module");

    private static PostgresTestCluster postgres() {
        return POSTGRES.cluster();
    }

    private static StorageKeySource key(int fill) {
        byte[] raw = new byte[StorageKeySource.KEY_BYTES];
        Arrays.fill(raw, (byte) fill);
        return StorageKeySources.rawKey(SecretBytes.takeOwnership(raw));
    }

    private static Injector injector(String prefix, StorageKeySource keySource) {
        return Guice.createInjector(Stage.PRODUCTION, new PowerAuthTokenModule(TestConfigs.builder().build()),
                new PostgresStorageModule(PostgresSecureStorage.builder(postgres().pool(2)).schema(postgres().schema())
                        .tablePrefix(prefix).keySource(keySource)));
    }

    private static String tables(String prefix) {
        return String.valueOf(postgres().query("SELECT count(*) FROM pg_tables WHERE schemaname = '"
                + postgres().schema()
                + "' AND tablename LIKE '" + prefix + "%'"));
    }

    @Test
    void buildingTheInjectorTouchesNoTable() {
        Injector injector = injector("lazy_", key(1));

        assertThat(injector.getInstance(PowerAuthClient.class)).isNotNull();
        assertThat(tables("lazy_")).isEqualTo("0");
    }

    @Test
    void replicasShareTheTablesAndAWrongKeyIsLocked() {
        Injector first = injector("shared_", key(1));
        assertThat(first.getInstance(PowerAuthClient.class).activation().localState())
                .isEqualTo(LocalActivationState.NONE);
        first.getInstance(SecureStorage.class).put(NAMESPACE, "note",
                SecretBytes.copyOf("kept".getBytes(StandardCharsets.UTF_8)));

        SecureStorage second = injector("shared_", key(1)).getInstance(SecureStorage.class);
        assertThat(second.names(NAMESPACE)).containsExactly("note");
        assertThat(tables("shared_")).isEqualTo("4");
        SecureStorage wrong = injector("shared_", key(2)).getInstance(SecureStorage.class);
        assertThatThrownBy(() -> wrong.names(NAMESPACE)).isInstanceOf(StorageLockedException.class);
    }
}
