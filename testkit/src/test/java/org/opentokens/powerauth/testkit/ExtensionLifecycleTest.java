package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionLifecycleTest {

    @RegisterExtension
    final PowerAuthEmulatorExtension perTest = PowerAuthEmulatorExtension.builder()
            .emulator(builder -> builder.maxFailedAttempts(3)).build();

    private static PowerAuthEmulator previous;

    @Test
    void anInstanceFieldExtensionRunsPerTestWithItsSettings() {
        assertThat(perTest.emulator()).isNotSameAs(previous);
        assertThat(perTest.emulator().activation(perTest.emulator().initActivation(perTest.application())
                .activationId()).maxFailedAttempts()).isEqualTo(3);
        previous = perTest.emulator();
    }

    @Test
    void aSecondTestGetsItsOwnEmulator() {
        assertThat(perTest.emulator()).isNotSameAs(previous);
        previous = perTest.emulator();
    }

    @Test
    void anExtensionOutsideItsLifetimeSaysSo() {
        PowerAuthEmulatorExtension idle = PowerAuthEmulatorExtension.builder().build();

        assertThatThrownBy(idle::emulator).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(idle::baseUri).isInstanceOf(IllegalStateException.class);
    }
}
