package org.opentokens.powerauth.token.adapter.storage.keyring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionBusGuardTest {
    @TempDir
    Path runtime;

    @Test
    void libsecretIsOnlyTriedWhenGlibCouldFindASessionBus() throws Exception {
        assertThat(LibSecretBackend.sessionBusConceivable(Map.of())).isFalse();
        assertThat(LibSecretBackend.sessionBusConceivable(Map.of("DBUS_SESSION_BUS_ADDRESS", " "))).isFalse();
        assertThat(LibSecretBackend.sessionBusConceivable(Map.of("XDG_RUNTIME_DIR", runtime.toString()))).isFalse();

        assertThat(LibSecretBackend.sessionBusConceivable(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/x"))).isTrue();
        assertThat(LibSecretBackend.sessionBusConceivable(Map.of("DISPLAY", ":0"))).isTrue();
        Files.createFile(runtime.resolve("bus"));
        assertThat(LibSecretBackend.sessionBusConceivable(Map.of("XDG_RUNTIME_DIR", runtime.toString()))).isTrue();
    }
}
