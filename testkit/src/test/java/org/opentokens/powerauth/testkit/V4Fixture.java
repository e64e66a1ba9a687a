package org.opentokens.powerauth.testkit;

import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;

/** An emulator with one application and a Wultra 2.0.1 client of one algorithm for it, in process by default. */
final class V4Fixture {

    final PowerAuthEmulator emulator;
    final EmulatorApplication app;
    final WultraV4Client client;

    V4Fixture(PowerAuthEmulator emulator, Transport transport, SharedSecretAlgorithm algorithm) {
        this.emulator = emulator;
        this.app = emulator.createApplication();
        this.client = new WultraV4Client(transport, app, algorithm);
    }

    static V4Fixture inProcess(PowerAuthEmulator emulator, SharedSecretAlgorithm algorithm) {
        return new V4Fixture(emulator, Transport.inProcess(emulator), algorithm);
    }

    static V4Fixture inProcess(SharedSecretAlgorithm algorithm) {
        return inProcess(PowerAuthEmulator.create(), algorithm);
    }

    /** Activation create, commit and confirm: an ACTIVE, confirmed device. */
    WultraV4Device activeDevice() {
        EmulatorActivationCode code = emulator.initActivation(app);
        WultraV4Device device = client.activate(code.activationCode());
        if (emulator.activation(device.activationId).state() == EmulatorActivationState.PENDING_COMMIT) {
            emulator.commitActivation(device.activationId);
        }
        EmulatorResponse confirmed = device.confirm();
        if (confirmed.status() != 200) {
            throw new IllegalStateException("confirm: " + confirmed.bodyText());
        }
        return device;
    }
}
