package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorFaults;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;

class ServerFaultTest {
    private static final String CREATE = "/pa/v3/token/create";
    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    @Test
    void aResetIsUnreachable() {
        assertTokenRequestFails(f -> f.reset(CREATE), ServerUnreachableException.class);
    }

    @Test
    void garbageIsAnInvalidResponse() {
        assertTokenRequestFails(f -> f.garbageJson(CREATE), InvalidServerResponseException.class);
    }

    @Test
    void aWrongEciesMacIsAnInvalidResponse() {
        assertTokenRequestFails(f -> f.wrongEciesMac(CREATE), InvalidServerResponseException.class);
    }

    @Test
    void aServerErrorIsARejectionWithItsStatus() {
        assertTokenRequestFails(f -> f.status(CREATE, 503, "<html>down</html>"), ServerRejectedException.class);
    }

    @Test
    void aForgedTemporaryKeyIsRefused() {
        assertTokenRequestFails(f -> f.wrongJwtSignature("/pa/v3/keystore/create"),
                InvalidServerResponseException.class);
    }

    private void assertTokenRequestFails(Consumer<EmulatorFaults> fault, Class<? extends Throwable> expected) {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("kept", PowerAuthAuthentication.possession()).join();
        client.temporaryKeys.clear();
        Map<String, SecretBytes> before = bed.storage.snapshot(client.configuration.namespace());
        fault.accept(bed.emulator.faults());

        assertThat(Testbed.failure(client.tokens.requestAccessToken("new", PowerAuthAuthentication.possession())))
                .isInstanceOf(expected);

        Map<String, SecretBytes> after = bed.storage.snapshot(client.configuration.namespace());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.get("token:kept").sameBytesAs(before.get("token:kept"))).isTrue();
        assertThat(client.tokens.hasLocalToken("new")).isFalse();
        client.tokens.requestAccessToken("new", PowerAuthAuthentication.possession()).join();
        assertThat(bed.useHeader(client.tokens.generateHeaderForToken("new"))).isEqualTo(200);
    }
}
