package org.opentokens.powerauth.token.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationCode;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.testing.Fuzz;
import org.opentokens.powerauth.token.testing.FuzzReport;
import org.opentokens.powerauth.token.testing.Mutations;
import org.opentokens.powerauth.token.testing.Reliability;

/**
 * Fuzzes activation codes as typed ({@link ActivationCode#parse}) and QR payloads with their signature
 * ({@link ActivationCode#parseWithSignature}), seeded with codes and signatures from the emulator. The only allowed
 * error is {@link InvalidActivationCodeException}.
 */
@Tag("reliability")
class ActivationCodeFuzzTest {
    private final List<String> codes = new ArrayList<>();
    private final List<String> qrPayloads = new ArrayList<>();
    private final EcPublicKey masterKey;

    ActivationCodeFuzzTest() {
        try (PowerAuthEmulator emulator = PowerAuthEmulator.create()) {
            EmulatorApplication application = emulator.createApplication();
            masterKey = EcPublicKey.fromBase64(application.masterServerPublicKey());
            for (int i = 0; i < 8; i++) {
                EmulatorActivationCode code = emulator.initActivation(application);
                codes.add(code.activationCode());
                codes.add(code.activationCode() + "#");
                qrPayloads.add(code.qrPayload());
            }
        }
    }

    @Test
    void theActivationCodeParserThrowsOnlyInvalidActivationCodeForAnyInput() {
        FuzzReport report = Fuzz.target("fuzz: activation code parser", Mutations.strings(codes, 40),
                        InvalidActivationCodeException.class)
                .run(Reliability.pick(20_000, 1_000_000), input -> {
                    ActivationCode code = ActivationCode.parse(input);
                    if (!ActivationCode.isValid(code.code())) {
                        throw new AssertionError("a parsed code is not valid");
                    }
                });

        report.assertNoUntypedErrors();
        assertThat(report.accepted()).isPositive();
        assertThat(report.typedTotal()).isPositive();
    }

    @Test
    void theQrPayloadParserThrowsOnlyInvalidActivationCodeForAnyInput() {
        FuzzReport report = Fuzz.target("fuzz: activation QR payload (code + ECDSA signature)",
                        Mutations.strings(qrPayloads, 140), InvalidActivationCodeException.class)
                .run(Reliability.pick(3_000, 30_000), input -> {
                    ActivationCode code = ActivationCode.parseWithSignature(input, masterKey);
                    if (code.signature().isEmpty()) {
                        throw new AssertionError("a verified QR code lost its signature");
                    }
                });

        report.assertNoUntypedErrors();
        assertThat(report.accepted()).isPositive();
        assertThat(report.typedTotal()).isPositive();
    }
}
