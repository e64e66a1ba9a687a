package org.opentokens.powerauth.token.benchmarks.crypto;

import io.getlime.security.powerauth.crypto.client.activation.PowerAuthClientActivation;
import io.getlime.security.powerauth.crypto.lib.encryptor.ClientEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ClientEncryptorSecrets;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;

/** Wultra's client request half of one activation: device keys and the two encrypted layers. */
final class WultraActivation {
    private static final KeyConvertor CONVERTOR = new KeyConvertor();
    private static final PowerAuthClientActivation ACTIVATION = new PowerAuthClientActivation();

    final KeyPair device;
    final ClientEncryptor layer2;
    final ClientEncryptor layer1;
    final EncryptedRequest inner;
    final EncryptedRequest outer;

    private WultraActivation(KeyPair device, ClientEncryptor layer2, ClientEncryptor layer1, EncryptedRequest inner,
            EncryptedRequest outer) {
        this.device = device;
        this.layer2 = layer2;
        this.layer1 = layer1;
        this.inner = inner;
        this.outer = outer;
    }

    /** Parses the received temporary key, makes the device key pair and encrypts layer 2 inside layer 1. */
    static WultraActivation start(ActivationState s) throws Exception {
        PublicKey temporaryKey = CONVERTOR.convertBytesToPublicKey(Base64.getDecoder().decode(
                s.temporaryPublicKeyBase64));
        KeyPair device = ACTIVATION.generateDeviceKeyPair();
        ClientEncryptorSecrets secrets = new ClientEncryptorSecrets(temporaryKey, s.appSecret);
        EncryptorFactory factory = new EncryptorFactory();
        ClientEncryptor layer2 = factory.getClientEncryptor(EncryptorId.ACTIVATION_LAYER_2, s.wultraParameters,
                secrets);
        ClientEncryptor layer1 = factory.getClientEncryptor(EncryptorId.APPLICATION_SCOPE_GENERIC,
                s.wultraParameters, secrets);
        EncryptedRequest inner = layer2.encryptRequest(s.layer2Request(Base64.getEncoder().encodeToString(
                CONVERTOR.convertPublicKeyToBytes(device.getPublic()))));
        EncryptedRequest outer = layer1.encryptRequest(s.layer1Request(Envelopes.json(inner)));
        return new WultraActivation(device, layer2, layer1, inner, outer);
    }
}
