package org.opentokens.powerauth.token.benchmarks.crypto;

import io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory;
import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ServerEncryptorSecrets;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesParameters;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * One activation's inputs for protocol 3.3: the application-scope temporary key (received as Base64, parsed by
 * each side for each activation, as a client does), app key and secret, the activation code, and what the
 * server answers (activation id, server public key, counter).
 */
@State(Scope.Thread)
public class ActivationState {
    static final String VERSION = "3.3";

    RandomSource random;
    String appKey;
    String appSecret;
    String temporaryKeyId;
    String temporaryPublicKeyBase64;
    String activationCode;
    String activationId;
    String serverPublicKeyBase64;
    String ctrDataBase64;

    EciesParameters ourParameters;
    EncryptorParameters wultraParameters;
    private PrivateKey wultraTemporaryPrivate;
    private byte[] layer2Response;

    /** @throws Exception if Wultra's key conversion fails */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SecureRandom seedless = Keys.sha1Prng();
        random = Keys.ourRandom();
        appKey = Keys.base64(Keys.bytes(seedless, 16));
        appSecret = Keys.base64(Keys.bytes(seedless, 16));
        temporaryKeyId = Keys.uuid(seedless);
        EcKeyPair temporaryKey = P256.generateKeyPair(seedless);
        temporaryPublicKeyBase64 = Keys.base64(temporaryKey.publicKey().uncompressed());
        wultraTemporaryPrivate = Keys.wultraPrivate(temporaryKey);
        activationCode = "VVVVV-VVVVV-VVVVV-VTFVA";
        activationId = Keys.uuid(seedless);
        serverPublicKeyBase64 = Keys.base64(P256.generateKeyPair(seedless).publicKey().uncompressed());
        ctrDataBase64 = Keys.base64(Keys.bytes(seedless, 16));
        ourParameters = new EciesParameters(ProtocolVersion.V3_3, appKey, null, temporaryKeyId);
        wultraParameters = new EncryptorParameters(VERSION, appKey, null, temporaryKeyId);
        layer2Response = ("{\"activationId\":\"" + activationId + "\",\"serverPublicKey\":\"" + serverPublicKeyBase64
                + "\",\"ctrData\":\"" + ctrDataBase64 + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** @return the layer-2 request body for a device public key */
    byte[] layer2Request(String devicePublicKeyBase64) {
        return ("{\"devicePublicKey\":\"" + devicePublicKeyBase64 + "\",\"activationName\":\"benchmark\","
                + "\"platform\":\"unknown\",\"deviceInfo\":\"benchmark\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** @return the layer-1 request body around the layer-2 envelope's JSON */
    byte[] layer1Request(byte[] layer2EnvelopeJson) {
        return ("{\"type\":\"CODE\",\"identityAttributes\":{\"code\":\"" + activationCode + "\"},\"activationData\":"
                + new String(layer2EnvelopeJson, StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** @return the decrypted layer-2 response a server sends */
    byte[] layer2Response() {
        return layer2Response.clone();
    }

    /**
     * @param id the layer's encryptor id
     * @return Wultra's server side of one layer of one activation
     */
    ServerEncryptor wultraServer(EncryptorId id) throws Exception {
        return new EncryptorFactory().getServerEncryptor(id, wultraParameters,
                new ServerEncryptorSecrets(wultraTemporaryPrivate, appSecret));
    }
}
