package org.opentokens.powerauth.token.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.domain.error.StorageLockedException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/** {@link SqliteStorageModule} in a {@code Stage.PRODUCTION} injector next to {@link PowerAuthTokenModule}. */
class SqliteStorageModuleTest {
    private static final StorageNamespace NAMESPACE = StorageNamespace.of("default");

    @TempDir
    Path dir;

    private static StorageKeySource key(int fill) {
        byte[] raw = new byte[StorageKeySource.KEY_BYTES];
        Arrays.fill(raw, (byte) fill);
        return StorageKeySources.rawKey(SecretBytes.takeOwnership(raw));
    }

    private static Injector injector(Path file, StorageKeySource keySource) {
        return Guice.createInjector(Stage.PRODUCTION,
                new PowerAuthTokenModule(TestConfigs.builder().build()), new SqliteStorageModule(file, keySource));
    }

    @Test
    void buildingTheInjectorTouchesNoFile() {
        Path file = dir.resolve("tokens.db");

        Injector injector = injector(file, key(1));

        assertThat(injector.getInstance(PowerAuthClient.class)).isNotNull();
        assertThat(file).doesNotExist();
    }

    @Test
    void theClientUsesTheFileAndItsDataOutlivesTheInjector() {
        Path file = dir.resolve("tokens.db");
        Injector first = injector(file, key(1));
        assertThat(first.getInstance(PowerAuthClient.class).activation().localState())
                .isEqualTo(LocalActivationState.NONE);
        first.getInstance(SecureStorage.class).put(NAMESPACE, "note",
                SecretBytes.copyOf("kept".getBytes(StandardCharsets.UTF_8)));

        SecureStorage reopened = injector(file, key(1)).getInstance(SecureStorage.class);

        assertThat(file).exists();
        assertThat(reopened.names(NAMESPACE)).containsExactly("note");
    }

    @Test
    void aWrongKeyFailsTheFirstStorageCallAndLeavesTheFileAlone() {
        Path file = dir.resolve("tokens.db");
        injector(file, key(1)).getInstance(SecureStorage.class).put(NAMESPACE, "note",
                SecretBytes.copyOf(new byte[] {1}));

        SecureStorage wrong = injector(file, key(2)).getInstance(SecureStorage.class);

        assertThatThrownBy(() -> wrong.names(NAMESPACE)).isInstanceOf(StorageLockedException.class);
        assertThat(injector(file, key(1)).getInstance(SecureStorage.class).names(NAMESPACE)).containsExactly("note");
    }
}
