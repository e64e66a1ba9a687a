package org.opentokens.powerauth.token.benchmarks.crypto;

import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptorId;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;

/** Our client's request half of one activation: device keys and the two encrypted layers. */
final class OurActivation {
    final EcKeyPair device;
    final EciesEncryptor layer2;
    final EciesEncryptor layer1;
    final EciesEncryptedRequest inner;
    final EciesEncryptedRequest outer;

    private OurActivation(EcKeyPair device, EciesEncryptor layer2, EciesEncryptor layer1, EciesEncryptedRequest inner,
            EciesEncryptedRequest outer) {
        this.device = device;
        this.layer2 = layer2;
        this.layer1 = layer1;
        this.inner = inner;
        this.outer = outer;
    }

    /** Parses the received temporary key, makes the device key pair and encrypts layer 2 inside layer 1. */
    static OurActivation start(ActivationState s) {
        EcPublicKey temporaryKey = EcPublicKey.fromBase64(s.temporaryPublicKeyBase64);
        EcKeyPair device = P256.generateKeyPair(s.random.secureRandom());
        EciesSecrets secrets = EciesSecrets.forApplication(temporaryKey, s.appSecret);
        try {
            EciesEncryptor layer2 = EciesEncryptor.create(EciesEncryptorId.ACTIVATION_LAYER_2, s.ourParameters,
                    secrets);
            EciesEncryptor layer1 = EciesEncryptor.create(EciesEncryptorId.APPLICATION_SCOPE_GENERIC,
                    s.ourParameters, secrets);
            long timestamp = System.currentTimeMillis();
            EciesEncryptedRequest inner = layer2.encryptRequest(
                    s.layer2Request(B64.encode(device.publicKey().uncompressed())), s.random.secureRandom(),
                    timestamp);
            EciesEncryptedRequest outer = layer1.encryptRequest(s.layer1Request(Envelopes.json(inner)),
                    s.random.secureRandom(), timestamp);
            return new OurActivation(device, layer2, layer1, inner, outer);
        } finally {
            secrets.destroy();
        }
    }
}
