package org.opentokens.powerauth.testkit;

/** An emulator with one application and a Wultra client for it, in process by default. */
final class Fixture {

    final PowerAuthEmulator emulator;
    final EmulatorApplication app;
    final WultraClient client;

    Fixture(PowerAuthEmulator emulator, Transport transport) {
        this.emulator = emulator;
        this.app = emulator.createApplication();
        this.client = new WultraClient(transport, app);
    }

    static Fixture inProcess(PowerAuthEmulator emulator) {
        return new Fixture(emulator, Transport.inProcess(emulator));
    }

    static Fixture inProcess() {
        return inProcess(PowerAuthEmulator.create());
    }

    /** Activation create and commit: an ACTIVE device. */
    WultraDevice activeDevice(String version) {
        EmulatorActivationCode code = emulator.initActivation(app);
        WultraDevice device = client.activate(code.activationCode(), version);
        if (emulator.activation(device.activationId).state() == EmulatorActivationState.PENDING_COMMIT) {
            emulator.commitActivation(device.activationId);
        }
        return device;
    }
}
