package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorScope;
import com.wultra.security.powerauth.crypto.lib.enums.ProtocolVersion;
import com.wultra.security.powerauth.crypto.lib.model.ActivationStatusBlobInfo;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.request.AeadEncryptedRequest;
import com.wultra.security.powerauth.http.PowerAuthEncryptionHttpHeader;
import javax.crypto.SecretKey;

/**
 * {@code POST /pa/v4/activation/status}: unsigned, AEAD in activation scope with the generic encryptor
 * ({@code /pa/generic/activation}) under an activation-scope temporary key, header {@code X-PowerAuth-Encryption}
 * with {@code activation_id}. The decrypted answer is {@code {"activationStatus": B64(blob || mac),
 * "timestampBlockExpire": null, "customObject": null}}, the 48-byte blob from Wultra's
 * {@code PowerAuthServerActivation.generateStatusBlob} (version 4, flags: bit 0 confirmation pending, bit 3
 * biometry enabled; CTR_BYTE, failed and maximum attempts, look-ahead, the KMAC hash of CTR_DATA) and its 32-byte
 * KMAC ({@code calculateStatusMac}). An unknown activation, one of another application, a 3.x one or one in CREATED
 * is 400 {@code ERR_ACTIVATION}.
 */
final class V4ActivationStatusEndpoint {

    private static final byte PROTOCOL_GENERATION = 4;

    private final EmulatorState state;
    private final V4Aead aead;

    V4ActivationStatusEndpoint(EmulatorState state, V4Aead aead) {
        this.state = state;
        this.aead = aead;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        PowerAuthEncryptionHttpHeader header = V4ActivationCreateEndpoint.encryptionHeader(request,
                EncryptorScope.ACTIVATION_SCOPE);
        ApplicationRecord app = state.applicationByKey(header.getApplicationKey())
                .orElseThrow(EmulatorRejection::encryption);
        ServerActivationRecord activation = state.findActivation(header.getActivationId())
                .filter(a -> a.application() == app).orElseThrow(EmulatorRejection::activation);
        V4ActivationKeys keys = activation.v4();
        if (keys == null) {
            throw EmulatorRejection.activation();
        }
        AeadEncryptedRequest envelope = V4Aead.readRequest(Json.parseObject(request.body()));
        V4TemporaryKeyRecord key = state.v4TemporaryKey(envelope.getTemporaryKeyId(), app.appKey(),
                activation.activationId());
        EncryptorParameters parameters = new EncryptorParameters(V4Crypto.VERSION, app.appKey(),
                activation.activationId(), key.keyId());
        aead.checkFreshness(envelope);
        V4Aead.Opened opened = aead.open(EncryptorId.ACTIVATION_SCOPE_GENERIC, parameters, key.envelopeKey(),
                app.appSecret(), V4Crypto.derive(V4Crypto.KEY_FACTORY::generateSharedInfo2Key,
                        keys.activationSecret()), envelope);
        V4ActivationCreateEndpoint.parseDecrypted(opened.plaintext());

        SecretKey activationSecret = keys.activationSecret();
        SecretKey ctrKey = V4Crypto.secretKey(V4Crypto.derive(V4Crypto.KEY_FACTORY::generateKeyMacCtrData,
                activationSecret));
        SecretKey statusKey = V4Crypto.secretKey(V4Crypto.derive(V4Crypto.KEY_FACTORY::generateKeyMacStatus,
                activationSecret));
        ActivationStatusBlobInfo info = new ActivationStatusBlobInfo();
        synchronized (activation) {
            info.setActivationStatus(activation.state().statusByte());
            info.setCurrentVersion(PROTOCOL_GENERATION);
            info.setUpgradeVersion(PROTOCOL_GENERATION);
            info.setStatusFlags(activation.statusFlags());
            info.setFailedAttempts((byte) activation.failedAttempts());
            info.setMaxFailedAttempts((byte) state.config().maxFailedAttempts());
            info.setCtrLookAhead((byte) state.config().signatureLookAhead());
            info.setCtrByte((byte) activation.counter());
            byte[] ctrData = activation.ctrData();
            info.setCtrDataHash(WultraCrypto.internal(() -> V4Crypto.SERVER_ACTIVATION
                    .calculateHashFromHashBasedCounter(ctrData, ctrKey, ProtocolVersion.V40)));
        }
        byte[] blob = WultraCrypto.internal(() -> V4Crypto.SERVER_ACTIVATION.generateStatusBlob(info,
                ProtocolVersion.V40));
        byte[] mac = WultraCrypto.internal(() -> V4Crypto.SERVER_ACTIVATION.calculateStatusMac(blob, statusKey,
                ProtocolVersion.V40));
        byte[] both = new byte[blob.length + mac.length];
        System.arraycopy(blob, 0, both, 0, blob.length);
        System.arraycopy(mac, 0, both, blob.length, mac.length);
        ObjectNode payload = Json.object();
        payload.put("activationStatus", WultraCrypto.b64(both));
        payload.putNull("timestampBlockExpire");
        payload.putNull("customObject");
        return Json.response(200, aead.seal(opened, Json.bytes(payload)));
    }
}
