package org.opentokens.powerauth.testkit;

import static org.opentokens.powerauth.testkit.WultraClient.B64;
import static org.opentokens.powerauth.testkit.WultraClient.UNB64;
import static org.opentokens.powerauth.testkit.WultraClient.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wultra.security.powerauth.crypto.client.v4.activation.PowerAuthClientActivation;
import com.wultra.security.powerauth.crypto.client.v4.keyfactory.PowerAuthClientKeyFactory;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import com.wultra.security.powerauth.crypto.lib.enums.EcCurve;
import com.wultra.security.powerauth.crypto.lib.util.KeyConvertor;
import com.wultra.security.powerauth.crypto.lib.util.SignatureUtils;
import com.wultra.security.powerauth.crypto.lib.v4.api.SharedSecretClientContext;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.ClientAeadEncryptor;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.context.AeadSecrets;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.request.AeadEncryptedRequest;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.response.AeadEncryptedResponse;
import com.wultra.security.powerauth.crypto.lib.v4.ml.MlDsa;
import com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.DefaultSharedSecretRequest;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.RequestCryptogram;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.DefaultSharedSecretResponse;
import com.wultra.security.powerauth.crypto.lib.v4.sharedsecret.SharedSecretFactory;
import com.wultra.security.powerauth.http.PowerAuthEncryptionHttpHeader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * A protocol 4.0 client made only of Wultra 2.0.1's client-side classes (package {@code com.wultra}), so every V4
 * test against the emulator is an interop test: temporary keys (HS384 JWT out, JWS JSON verified with
 * {@code SignatureUtils} and {@code MlDsa}), activation create with {@code ClientAeadEncryptor} and
 * {@code SharedSecretFactory}.
 */
final class WultraV4Client {

    static final String VERSION = "4.0";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNURL = Base64.getUrlDecoder();
    static final KeyConvertor CONVERTOR = new KeyConvertor();

    final Transport transport;
    final EmulatorApplication app;
    final SharedSecretAlgorithm algorithm;

    WultraV4Client(Transport transport, EmulatorApplication app, SharedSecretAlgorithm algorithm) {
        WultraCrypto.ensureProvider();
        this.transport = transport;
        this.app = app;
        this.algorithm = algorithm;
    }

    /** A temporary key: its ID and the envelope key of the KEM exchange. */
    record TemporaryKey(String keyId, byte[] envelopeKey, JsonNode claims) {
    }

    /** Application scope: MACed with KEY_MAC_GET_APP_TEMP_KEY, verified with the master keys. */
    TemporaryKey applicationTemporaryKey() {
        SecretKey macKey = call(() -> new PowerAuthClientKeyFactory().generateKeyMacGetAppTempKey(
                new SecretKeySpec(UNB64.decode(app.appSecret()), "AES")));
        PublicKey ec = ecPublicKey(app.masterServerPublicKeyP384());
        PublicKey ml = algorithm == SharedSecretAlgorithm.EC_P384 ? null
                : mlDsaPublicKey(app.masterServerPublicKeyMlDsa(mlDsaLevel(algorithm)));
        return temporaryKey(null, macKey, ec, ml);
    }

    /** Posts a keystore request; the raw response. */
    EmulatorResponse keystore(String activationId, SecretKey macKey, RequestCryptogram[] cryptogramOut,
            String challenge) {
        RequestCryptogram cryptogram = call(() -> SharedSecretFactory.forAlgorithm(algorithm)
                .generateRequestCryptogram());
        cryptogramOut[0] = cryptogram;
        DefaultSharedSecretRequest kem = (DefaultSharedSecretRequest) cryptogram.getSharedSecretRequest();
        ObjectNode claims = TestJson.object().put("applicationKey", app.appKey());
        if (activationId != null) {
            claims.put("activationId", activationId);
        }
        claims.put("challenge", challenge);
        ObjectNode kemNode = claims.putObject("sharedSecretRequest").put("algorithm", algorithm.name());
        kem.getEncapsulationKeys().forEach(kemNode.putArray("encapsulationKeys")::add);
        String jwt = hs384(claims, macKey);
        return post("/pa/v4/keystore/create", Map.of(), TestJson.wrapped(TestJson.object().put("jwt", jwt)));
    }

    TemporaryKey temporaryKey(String activationId, SecretKey macKey, PublicKey ec, PublicKey ml) {
        String challenge = B64.encodeToString(WultraCrypto.randomBytes(32));
        RequestCryptogram[] cryptogram = new RequestCryptogram[1];
        EmulatorResponse response = keystore(activationId, macKey, cryptogram, challenge);
        if (response.status() != 200) {
            throw new IllegalStateException("keystore/create: " + response.status() + " " + response.bodyText());
        }
        String jws = TestJson.read(response).path("responseObject").path("jwt").asText();
        JsonNode claims = verifyJws(jws, ec, ml);
        if (!challenge.equals(claims.path("challenge").asText())) {
            throw new IllegalStateException("challenge not echoed");
        }
        JsonNode kem = claims.path("sharedSecretResponse");
        List<String> encapsulated = new ArrayList<>();
        kem.path("encapsulatedKeys").forEach(n -> encapsulated.add(n.asText()));
        SharedSecretClientContext context = cryptogram[0].getSharedSecretClientContext();
        SecretKey envelope = call(() -> SharedSecretFactory.forAlgorithm(algorithm).computeSharedSecret(context,
                new DefaultSharedSecretResponse(kem.path("salt").asText(), encapsulated)));
        return new TemporaryKey(claims.path("sub").asText(), envelope.getEncoded(), claims);
    }

    /** Activation create with an activation code, then the Wultra client's view of the result. */
    WultraV4Device activate(String activationCode) {
        TemporaryKey key = applicationTemporaryKey();
        PowerAuthClientActivation activation = new PowerAuthClientActivation();
        KeyPair deviceEc = call(activation::generateDeviceEcKeyPair);
        KeyPair deviceMl = algorithm == SharedSecretAlgorithm.EC_P384 ? null
                : call(() -> activation.generateDevicePqcKeyPair(algorithm));
        RequestCryptogram cryptogram = call(() -> SharedSecretFactory.forAlgorithm(algorithm)
                .generateRequestCryptogram());
        DefaultSharedSecretRequest kem = (DefaultSharedSecretRequest) cryptogram.getSharedSecretRequest();
        ObjectNode layer2 = TestJson.object();
        ObjectNode kemNode = layer2.putObject("sharedSecretRequest").put("algorithm", algorithm.name());
        kem.getEncapsulationKeys().forEach(kemNode.putArray("encapsulationKeys")::add);
        ObjectNode deviceKeys = layer2.putObject("devicePublicKeys").put("ecdsa",
                B64.encodeToString(call(() -> CONVERTOR.convertPublicKeyToBytes(EcCurve.P384, deviceEc.getPublic()))));
        if (deviceMl != null) {
            deviceKeys.put("mldsa", B64.encodeToString(deviceMl.getPublic().getEncoded()));
        }
        layer2.put("activationName", "wultra 2.0.1 client");
        EncryptorParameters parameters = new EncryptorParameters(VERSION, app.appKey(), null, key.keyId());
        ClientAeadEncryptor inner = encryptor(EncryptorId.ACTIVATION_LAYER_2, parameters, key.envelopeKey(), null);
        AeadEncryptedRequest layer2Envelope = call(() -> inner.encryptRequest(TestJson.bytes(layer2)));
        ObjectNode layer1 = TestJson.object().put("type", "CODE");
        layer1.putObject("identityAttributes").put("code", activationCode);
        layer1.set("activationData", envelope(layer2Envelope));
        ClientAeadEncryptor outer = encryptor(EncryptorId.APPLICATION_SCOPE_GENERIC, parameters, key.envelopeKey(),
                null);
        AeadEncryptedRequest layer1Envelope = call(() -> outer.encryptRequest(TestJson.bytes(layer1)));
        EmulatorResponse response = post("/pa/v4/activation/create", Map.of(PowerAuthEncryptionHttpHeader.HEADER_NAME,
                new PowerAuthEncryptionHttpHeader(app.appKey(), VERSION).buildHttpHeader()),
                TestJson.bytes(envelope(layer1Envelope)));
        if (response.status() != 200) {
            throw new IllegalStateException("activation/create: " + response.status() + " " + response.bodyText());
        }
        JsonNode layer1Response = TestJson.read(call(() -> outer.decryptResponse(response(TestJson.read(response)))));
        JsonNode layer2Response = TestJson.read(call(() -> inner.decryptResponse(
                response(layer1Response.path("activationData")))));
        JsonNode kemResponse = layer2Response.path("sharedSecretResponse");
        List<String> encapsulated = new ArrayList<>();
        kemResponse.path("encapsulatedKeys").forEach(n -> encapsulated.add(n.asText()));
        SecretKey activationSecret = call(() -> SharedSecretFactory.forAlgorithm(algorithm).computeSharedSecret(
                cryptogram.getSharedSecretClientContext(),
                new DefaultSharedSecretResponse(kemResponse.path("salt").asText(), encapsulated)));
        return new WultraV4Device(this, layer2Response.path("activationId").asText(), activationSecret,
                UNB64.decode(layer2Response.path("ctrData").asText()), deviceEc, deviceMl,
                ecPublicKey(layer2Response.path("serverPublicKeys").path("ecdsa").asText()),
                layer2Response.path("serverPublicKeys").hasNonNull("mldsa")
                        ? mlDsaPublicKey(layer2Response.path("serverPublicKeys").path("mldsa").asText()) : null);
    }

    ClientAeadEncryptor encryptor(EncryptorId id, EncryptorParameters parameters, byte[] envelopeKey,
            byte[] keySharedInfo2) {
        return call(() -> {
            ClientAeadEncryptor encryptor = new ClientAeadEncryptor(id, parameters);
            encryptor.configureSecrets(keySharedInfo2 == null ? new AeadSecrets(envelopeKey, app.appSecret())
                    : new AeadSecrets(envelopeKey, app.appSecret(), keySharedInfo2));
            return encryptor;
        });
    }

    EmulatorResponse post(String path, Map<String, String> headers, byte[] body) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return transport.exchange(EmulatorRequest.post(path, all, body));
    }

    static ObjectNode envelope(AeadEncryptedRequest request) {
        return TestJson.object().put("temporaryKeyId", request.getTemporaryKeyId())
                .put("encryptedData", request.getEncryptedData()).put("nonce", request.getNonce())
                .put("timestamp", request.getTimestamp());
    }

    static AeadEncryptedResponse response(JsonNode node) {
        return new AeadEncryptedResponse(node.path("encryptedData").asText(), node.path("timestamp").asLong());
    }

    static int mlDsaLevel(SharedSecretAlgorithm algorithm) {
        return algorithm == SharedSecretAlgorithm.EC_P384_ML_L5 ? 87 : 65;
    }

    static PublicKey ecPublicKey(String base64) {
        return call(() -> CONVERTOR.convertBytesToPublicKey(EcCurve.P384, UNB64.decode(base64)));
    }

    static PublicKey mlDsaPublicKey(String base64) {
        return call(() -> KeyFactory.getInstance("ML-DSA", "BC").generatePublic(
                new X509EncodedKeySpec(UNB64.decode(base64))));
    }

    static String hs384(ObjectNode claims, SecretKey key) {
        String input = URL.encodeToString(TestJson.utf8("{\"typ\":\"JWT\",\"alg\":\"HS384\"}")) + "."
                + URL.encodeToString(TestJson.bytes(claims));
        byte[] mac = call(() -> {
            Mac hmac = Mac.getInstance("HmacSHA384");
            hmac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA384"));
            return hmac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        });
        return input + "." + URL.encodeToString(mac);
    }

    /**
     * Verifies every signature of a JWS JSON document with Wultra's ECDSA and ML-DSA classes and demands exactly the
     * expected set (ES384, plus ML-DSA when {@code ml} is given).
     *
     * @return the claims
     * @throws IllegalStateException if a signature is missing, extra or wrong
     */
    static JsonNode verifyJws(String jws, PublicKey ec, PublicKey ml) {
        JsonNode document = TestJson.read(TestJson.utf8(jws));
        String payload = document.path("payload").asText();
        JsonNode signatures = document.path("signatures");
        if (signatures.size() != (ml == null ? 1 : 2)) {
            throw new IllegalStateException("unexpected signature count " + signatures.size());
        }
        for (JsonNode signature : signatures) {
            String protectedHeader = signature.path("protected").asText();
            String alg = TestJson.read(UNURL.decode(protectedHeader)).path("alg").asText();
            byte[] input = (protectedHeader + "." + payload).getBytes(StandardCharsets.US_ASCII);
            byte[] value = UNURL.decode(signature.path("signature").asText());
            boolean valid = switch (alg) {
                case "ES384" -> value.length == 96 && call(() -> new SignatureUtils().validateECDSASignature(
                        EcCurve.P384, input, rawToDer(value), ec));
                case "ML-DSA-65", "ML-DSA-87" -> ml != null && call(() -> new MlDsa(
                        (alg.equals("ML-DSA-65") ? SharedSecretAlgorithm.EC_P384_ML_L3
                                : SharedSecretAlgorithm.EC_P384_ML_L5).getMlDsaParameterSpec()).verify(ml, input, value));
                default -> false;
            };
            if (!valid) {
                throw new IllegalStateException("JWS signature " + alg + " does not verify");
            }
        }
        return TestJson.read(UNURL.decode(payload));
    }

    private static byte[] rawToDer(byte[] raw) {
        ASN1EncodableVector vector = new ASN1EncodableVector();
        vector.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 0, 48))));
        vector.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 48, 96))));
        return call(() -> new DERSequence(vector).getEncoded());
    }
}
