package org.opentokens.powerauth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void concurrentSignedCallsOnOneActivationEachAdvanceTheCounterOnce() throws Exception {
        Fixture fixture = Fixture.inProcess();
        WultraDevice device = fixture.activeDevice("3.3");
        byte[] initialCtrData = device.ctrData();
        List<String> headers = new ArrayList<>();
        byte[] body = TestJson.utf8("{}");
        for (int i = 0; i < 16; i++) {
            headers.add(device.signatureHeader("POST", "/pa/signature/validate", body,
                    PowerAuthSignatureTypes.POSSESSION));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<EmulatorResponse>> results = new ArrayList<>();
            // Sent in order of computation, so every one lies within the look-ahead when it arrives.
            for (String header : headers) {
                results.add(pool.submit(() -> fixture.client.post("/pa/v3/signature/validate",
                        java.util.Map.of("X-PowerAuth-Authorization", header), body)));
            }
            int accepted = 0;
            for (Future<EmulatorResponse> result : results) {
                accepted += result.get().status() == 200 ? 1 : 0;
            }
            long counter = fixture.emulator.activation(device.activationId).counter();
            assertThat(accepted).isBetween(1, 16);
            assertThat(counter).isLessThanOrEqualTo(16).isGreaterThanOrEqualTo(accepted);
            byte[] expected = initialCtrData;
            for (long i = 0; i < counter; i++) {
                expected = new io.getlime.security.powerauth.crypto.lib.generator.HashBasedCounter().next(expected);
            }
            assertThat(fixture.emulator.activation(device.activationId).ctrDataBase64())
                    .isEqualTo(java.util.Base64.getEncoder().encodeToString(expected));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentActivationsOfOneCodeLetExactlyOneWin() throws Exception {
        Fixture fixture = Fixture.inProcess();
        EmulatorActivationCode code = fixture.emulator.initActivation(fixture.app);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<EmulatorResponse>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                WultraClient.PreparedActivation prepared = fixture.client.prepareActivation(code.activationCode(),
                        "3.2", WultraClient.call(() -> new io.getlime.security.powerauth.crypto.client.activation
                                .PowerAuthClientActivation().generateDeviceKeyPair()));
                results.add(pool.submit(() -> fixture.client.post("/pa/v3/activation/create", prepared.headers(),
                        prepared.body())));
            }
            int won = 0;
            for (Future<EmulatorResponse> result : results) {
                won += result.get().status() == 200 ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
