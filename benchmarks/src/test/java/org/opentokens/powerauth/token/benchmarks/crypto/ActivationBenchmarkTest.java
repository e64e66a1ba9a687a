package org.opentokens.powerauth.token.benchmarks.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.client.activation.PowerAuthClientActivation;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationFingerprint;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;

/** Both sides of the activation comparison produce requests the server decrypts and finish on its answer. */
class ActivationBenchmarkTest {
    private static final ActivationBenchmark BENCHMARK = new ActivationBenchmark();
    private static final String BLACKHOLE_CHALLENGE =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";
    private static ActivationState state;

    @BeforeAll
    static void setUp() throws Exception {
        state = new ActivationState();
        state.setUp();
    }

    @Test
    void theServerDecryptsBothLayersOfEitherSidesRequest() throws Exception {
        OurActivation ours = (OurActivation) BENCHMARK.oursRequest(state);
        WultraActivation theirs = (WultraActivation) BENCHMARK.wultraRequest(state);

        for (byte[] layer1 : List.of(decryptOuter(Envelopes.toWultra(ours.outer)), decryptOuter(theirs.outer))) {
            assertThat(new String(layer1, StandardCharsets.UTF_8)).contains("\"code\":\"" + state.activationCode);
        }
    }

    @Test
    void bothResponseHalvesFinishOnTheServersAnswerWithTheSameFingerprintRule() throws Exception {
        OurActivationResponse ours = new OurActivationResponse();
        ours.prepare(state);
        WultraActivationResponse theirs = new WultraActivationResponse();
        theirs.prepare(state);
        PublicKey serverKey = new KeyConvertor().convertBytesToPublicKey(
                Base64.getDecoder().decode(state.serverPublicKeyBase64));

        String ourFingerprint = BENCHMARK.oursResponse(state, ours, new Blackhole(BLACKHOLE_CHALLENGE));
        String theirFingerprint = BENCHMARK.wultraResponse(state, theirs, new Blackhole(BLACKHOLE_CHALLENGE));

        PublicKey ourDeviceKey = new KeyConvertor().convertBytesToPublicKey(
                ours.activation.device.publicKey().uncompressed());
        assertThat(ourFingerprint).hasSize(8).isEqualTo(
                new PowerAuthClientActivation().computeActivationFingerprint(ourDeviceKey, serverKey,
                        state.activationId));
        assertThat(theirFingerprint).hasSize(8).isEqualTo(ActivationFingerprint.compute(
                EcPublicKey.fromBytes(new KeyConvertor().convertPublicKeyToBytes(theirs.activation.device.getPublic())),
                EcPublicKey.fromBase64(state.serverPublicKeyBase64), state.activationId));
    }

    private static byte[] decryptOuter(io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest r)
            throws Exception {
        return state.wultraServer(io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId
                .APPLICATION_SCOPE_GENERIC).decryptRequest(r);
    }
}
