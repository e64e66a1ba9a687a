package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.client.activation.PowerAuthClientActivation;
import io.getlime.security.powerauth.crypto.lib.encryptor.ClientEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ClientEncryptorSecrets;
import io.getlime.security.powerauth.crypto.lib.generator.KeyGenerator;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import io.getlime.security.powerauth.crypto.lib.util.SignatureUtils;
import io.getlime.security.powerauth.http.PowerAuthEncryptionHttpHeader;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * The independent test client for one application, built only on Wultra's CLIENT classes: keystore, activation
 * create for 3.0 to 3.3. {@link WultraDevice} carries on after activation.
 */
final class WultraClient {

    static final Base64.Encoder B64 = Base64.getEncoder();
    static final Base64.Decoder UNB64 = Base64.getDecoder();

    final Transport transport;
    final EmulatorApplication app;
    final PublicKey masterPublicKey;

    WultraClient(Transport transport, EmulatorApplication app) {
        this.transport = transport;
        this.app = app;
        this.masterPublicKey = call(() -> new KeyConvertor().convertBytesToPublicKey(
                UNB64.decode(app.masterServerPublicKey())));
    }

    /** A temporary key the client checked: ES256 signature, challenge, app key and activation ID. */
    record TemporaryKey(String keyId, PublicKey publicKey, JsonNode claims) {
    }

    /** Calls the keystore; activation scope when {@code activationId} is set. */
    EmulatorResponse keystoreRaw(String activationId, SecretKey transportKey, String challenge) {
        ObjectNode claims = TestJson.object().put("applicationKey", app.appKey()).put("challenge", challenge);
        byte[] appSecretRaw = UNB64.decode(app.appSecret());
        byte[] key = appSecretRaw;
        if (activationId != null) {
            claims.put("activationId", activationId);
            key = new KeyConvertor().convertSharedSecretKeyToBytes(
                    call(() -> new KeyGenerator().deriveSecretKeyHmac(transportKey, appSecretRaw)));
        }
        String jwt = hs256(claims, key);
        return post("/pa/v3/keystore/create", Map.of(), TestJson.wrapped(TestJson.object().put("jwt", jwt)));
    }

    TemporaryKey temporaryKey(String activationId, SecretKey transportKey, PublicKey signingKey) {
        String challenge = B64.encodeToString(call(() -> new KeyGenerator().generateRandomBytes(18)));
        EmulatorResponse response = keystoreRaw(activationId, transportKey, challenge);
        if (response.status() != 200) {
            throw new IllegalStateException("keystore failed: " + response.bodyText());
        }
        String jwt = TestJson.read(response).path("responseObject").path("jwt").asText();
        JsonNode claims = verifyEs256(jwt, signingKey);
        if (!challenge.equals(claims.path("challenge").asText()) || !app.appKey().equals(claims.path("applicationKey").asText())
                || (activationId != null && !activationId.equals(claims.path("activationId").asText()))) {
            throw new IllegalStateException("keystore claims do not match");
        }
        PublicKey key = call(() -> new KeyConvertor().convertBytesToPublicKey(
                UNB64.decode(claims.path("publicKey").asText())));
        return new TemporaryKey(claims.path("sub").asText(), key, claims);
    }

    /** Runs activation create with a device key pair; returns the activated device (state per server). */
    WultraDevice activate(String activationCode, String version) {
        KeyPair deviceKeys = call(() -> new PowerAuthClientActivation().generateDeviceKeyPair());
        PreparedActivation prepared = prepareActivation(activationCode, version, deviceKeys);
        EmulatorResponse response = post("/pa/v3/activation/create", prepared.headers(), prepared.body());
        if (response.status() != 200) {
            throw new IllegalStateException("activation create failed: " + response.status() + " "
                    + response.bodyText());
        }
        return prepared.finish(response);
    }

    /** Everything to send an activation create, and to open its answer. */
    record PreparedActivation(Map<String, String> headers, byte[] body, ClientEncryptor layer1,
            ClientEncryptor layer2, KeyPair deviceKeys, String version, WultraClient client) {

        WultraDevice finish(EmulatorResponse response) {
            JsonNode layer1Plain = TestJson.read(call(() -> layer1.decryptResponse(
                    TestJson.encryptedResponse(TestJson.read(response)))));
            JsonNode layer2Plain = TestJson.read(call(() -> layer2.decryptResponse(
                    TestJson.encryptedResponse(layer1Plain.path("activationData")))));
            return WultraDevice.fromActivation(client, version, deviceKeys, layer2Plain);
        }
    }

    PreparedActivation prepareActivation(String activationCode, String version, KeyPair deviceKeys) {
        return prepareActivation(activationCode, version, deviceKeys,
                call(() -> new KeyConvertor().convertPublicKeyToBytes(deviceKeys.getPublic())));
    }

    /** The same, sending the device public key as the given bytes (for example compressed, as the SDK does). */
    PreparedActivation prepareActivation(String activationCode, String version, KeyPair deviceKeys,
            byte[] devicePublicKeyBytes) {
        String temporaryKeyId = null;
        PublicKey encryptionKey = masterPublicKey;
        if ("3.3".equals(version)) {
            TemporaryKey key = temporaryKey(null, null, masterPublicKey);
            temporaryKeyId = key.keyId();
            encryptionKey = key.publicKey();
        }
        EncryptorParameters parameters = new EncryptorParameters(version, app.appKey(), null, temporaryKeyId);
        ClientEncryptorSecrets secrets = new ClientEncryptorSecrets(encryptionKey, app.appSecret());
        EncryptorFactory factory = new EncryptorFactory();
        ClientEncryptor layer2 = call(() -> factory.getClientEncryptor(EncryptorId.ACTIVATION_LAYER_2, parameters,
                secrets));
        ObjectNode layer2Plain = TestJson.object();
        layer2Plain.put("devicePublicKey", B64.encodeToString(devicePublicKeyBytes));
        layer2Plain.put("activationName", "test device").put("platform", "android").put("deviceInfo", "junit");
        EncryptedRequest layer2Request = call(() -> layer2.encryptRequest(TestJson.bytes(layer2Plain)));
        ObjectNode layer1Plain = TestJson.object().put("type", "CODE");
        layer1Plain.putObject("identityAttributes").put("code", activationCode);
        layer1Plain.set("activationData", TestJson.envelope(layer2Request));
        ClientEncryptor layer1 = call(() -> factory.getClientEncryptor(EncryptorId.APPLICATION_SCOPE_GENERIC,
                parameters, secrets));
        EncryptedRequest layer1Request = call(() -> layer1.encryptRequest(TestJson.bytes(layer1Plain)));
        String header = new PowerAuthEncryptionHttpHeader(app.appKey(), version).buildHttpHeader();
        return new PreparedActivation(Map.of(PowerAuthEncryptionHttpHeader.HEADER_NAME, header),
                TestJson.bytes(TestJson.envelope(layer1Request)), layer1, layer2, deviceKeys, version, this);
    }

    EmulatorResponse post(String path, Map<String, String> headers, byte[] body) {
        return transport.exchange(EmulatorRequest.post(path, headers, body));
    }

    static String hs256(ObjectNode claims, byte[] key) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String input = url.encodeToString(TestJson.utf8("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")) + "."
                + url.encodeToString(TestJson.bytes(claims));
        byte[] mac = call(() -> {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        });
        return input + "." + url.encodeToString(mac);
    }

    /** Checks an ES256 JWT against the key with Wultra's ECDSA verifier; returns its claims. */
    static JsonNode verifyEs256(String jwt, PublicKey key) {
        String[] parts = jwt.split("\\.");
        JsonNode header = TestJson.read(Base64.getUrlDecoder().decode(parts[0]));
        if (!"ES256".equals(header.path("alg").asText()) || !"JWT".equals(header.path("typ").asText())) {
            throw new IllegalStateException("unexpected JWT header");
        }
        byte[] raw = Base64.getUrlDecoder().decode(parts[2]);
        byte[] der = call(() -> {
            ASN1EncodableVector vector = new ASN1EncodableVector();
            vector.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 0, 32))));
            vector.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 32, 64))));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new DERSequence(vector).getEncoded());
            return out.toByteArray();
        });
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        boolean valid = call(() -> new SignatureUtils().validateECDSASignature(signed, der, key));
        if (!valid || raw.length != 64) {
            throw new IllegalStateException("JWT signature invalid");
        }
        return TestJson.read(Base64.getUrlDecoder().decode(parts[1]));
    }

    /** A call into Wultra's library with checked exceptions. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
