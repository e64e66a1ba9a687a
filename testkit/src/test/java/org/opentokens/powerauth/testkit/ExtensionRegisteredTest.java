package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionRegisteredTest {

    @RegisterExtension
    static final PowerAuthEmulatorExtension EMULATOR = PowerAuthEmulatorExtension.builder()
            .commitOnKeyExchange(true).build();

    private static URI uriSeenInBeforeAll;

    @BeforeAll
    static void rememberTheUri(URI baseUri) {
        uriSeenInBeforeAll = baseUri;
    }

    @Test
    void parametersResolveToTheRunningEmulatorItsApplicationAndItsUri(PowerAuthEmulator emulator,
            EmulatorApplication app, URI baseUri) {
        assertThat(emulator).isSameAs(EMULATOR.emulator());
        assertThat(app).isEqualTo(EMULATOR.application());
        assertThat(baseUri).isEqualTo(EMULATOR.baseUri()).isEqualTo(emulator.baseUri()).isEqualTo(uriSeenInBeforeAll);
        assertThat(baseUri.getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void theSettingsOfTheBuilderApplyAndHttpWorks(PowerAuthEmulator emulator, EmulatorApplication app, URI baseUri) {
        WultraClient client = new WultraClient(Transport.http(baseUri), app);
        EmulatorActivationCode code = emulator.initActivation(app);

        WultraDevice device = client.activate(code.activationCode(), "3.3");

        assertThat(emulator.activation(device.activationId).state()).isEqualTo(EmulatorActivationState.ACTIVE);
        assertThat(device.createToken(PowerAuthSignatureTypes.POSSESSION).tokenId()).isNotBlank();
    }

    @Nested
    class InANestedClass {

        @Test
        void theSameEmulatorIsShared(PowerAuthEmulator emulator) {
            assertThat(emulator).isSameAs(EMULATOR.emulator());
        }
    }
}
