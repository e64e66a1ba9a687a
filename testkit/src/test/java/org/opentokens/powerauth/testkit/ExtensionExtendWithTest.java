package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PowerAuthEmulatorExtension.class)
class ExtensionExtendWithTest {

    private final PowerAuthEmulator emulator;

    ExtensionExtendWithTest(PowerAuthEmulator emulator) {
        this.emulator = emulator;
    }

    @Test
    void constructorInjectionGivesTheDefaultEmulator(EmulatorApplication app, URI baseUri) {
        EmulatorActivationCode code = emulator.initActivation(app);

        WultraDevice device = new WultraClient(Transport.http(baseUri), app).activate(code.activationCode(), "3.2");

        assertThat(emulator.activation(device.activationId).state()).isEqualTo(EmulatorActivationState.PENDING_COMMIT);
    }
}
