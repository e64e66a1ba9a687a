package org.opentokens.powerauth.token.benchmarks.crypto;

import io.getlime.security.powerauth.crypto.client.activation.PowerAuthClientActivation;
import io.getlime.security.powerauth.crypto.client.keyfactory.PowerAuthClientKeyFactory;
import io.getlime.security.powerauth.crypto.client.vault.PowerAuthClientVault;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import java.security.PublicKey;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationFingerprint;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.keys.ActivationKeys;
import org.opentokens.powerauth.token.domain.internal.keys.DeviceKeyVault;
import org.opentokens.powerauth.token.domain.internal.keys.MasterSecret;

/**
 * The client crypto of {@code /pa/v3/activation/create} (3.3), in two measured halves per side. Request: parse
 * the received application-scope temporary key, generate the device key pair, encrypt layer 2 and then layer 1.
 * Response: decrypt both layers, parse the server public key and counter, compute the fingerprint, the master
 * secret (ECDH), the five derived keys and the vault-encrypted device private key. Knowledge-key protection
 * (PBKDF2, a configured cost) and JSON are left out on both sides.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ActivationBenchmark {
    private static final KeyConvertor CONVERTOR = new KeyConvertor();
    private static final PowerAuthClientActivation ACTIVATION = new PowerAuthClientActivation();
    private static final PowerAuthClientKeyFactory KEY_FACTORY = new PowerAuthClientKeyFactory();
    private static final PowerAuthClientVault VAULT = new PowerAuthClientVault();

    /**
     * @param s the inputs
     * @return the state after the request half
     */
    @Benchmark
    public Object oursRequest(ActivationState s) {
        return OurActivation.start(s);
    }

    /**
     * @param s the inputs
     * @return the state after the request half
     * @throws Exception Wultra's checked exceptions
     */
    @Benchmark
    public Object wultraRequest(ActivationState s) throws Exception {
        return WultraActivation.start(s);
    }

    /**
     * @param s the inputs
     * @param r our request half and the server's answer
     * @param sink consumes the other results
     * @return the activation fingerprint
     */
    @Benchmark
    public String oursResponse(ActivationState s, OurActivationResponse r, Blackhole sink) {
        sink.consume(r.activation.layer1.decryptResponse(r.outer));
        sink.consume(r.activation.layer2.decryptResponse(r.inner));
        EcPublicKey serverKey = EcPublicKey.fromBase64(s.serverPublicKeyBase64);
        sink.consume(HashCounter.fromBase64(s.ctrDataBase64));
        String fingerprint = ActivationFingerprint.compute(r.activation.device.publicKey(), serverKey, s.activationId);
        SymmetricKey master = MasterSecret.compute(r.activation.device.privateKey(), serverKey);
        ActivationKeys keys = ActivationKeys.derive(master);
        try {
            sink.consume(DeviceKeyVault.encryptDevicePrivateKey(r.activation.device.privateKey(), keys.vault()));
            sink.consume(keys);
        } finally {
            keys.destroy();
            master.destroy();
        }
        return fingerprint;
    }

    /**
     * @param s the inputs
     * @param r Wultra's request half and the server's answer
     * @param sink consumes the other results
     * @return the activation fingerprint
     * @throws Exception Wultra's checked exceptions
     */
    @Benchmark
    public String wultraResponse(ActivationState s, WultraActivationResponse r, Blackhole sink) throws Exception {
        sink.consume(r.activation.layer1.decryptResponse(r.outer));
        sink.consume(r.activation.layer2.decryptResponse(r.inner));
        PublicKey serverKey = CONVERTOR.convertBytesToPublicKey(Base64.getDecoder().decode(s.serverPublicKeyBase64));
        sink.consume(Base64.getDecoder().decode(s.ctrDataBase64));
        String fingerprint = ACTIVATION.computeActivationFingerprint(r.activation.device.getPublic(), serverKey,
                s.activationId);
        SecretKey master = KEY_FACTORY.generateClientMasterSecretKey(r.activation.device.getPrivate(), serverKey);
        sink.consume(KEY_FACTORY.generateClientSignaturePossessionKey(master));
        sink.consume(KEY_FACTORY.generateClientSignatureKnowledgeKey(master));
        sink.consume(KEY_FACTORY.generateClientSignatureBiometryKey(master));
        sink.consume(KEY_FACTORY.generateServerTransportKey(master));
        SecretKey vaultKey = KEY_FACTORY.generateServerEncryptedVaultKey(master);
        sink.consume(VAULT.encryptDevicePrivateKey(r.activation.device.getPrivate(), vaultKey));
        return fingerprint;
    }
}
