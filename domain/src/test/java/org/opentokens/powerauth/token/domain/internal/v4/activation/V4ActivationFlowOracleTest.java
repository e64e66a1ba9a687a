package org.opentokens.powerauth.token.domain.internal.v4.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wultra.security.powerauth.crypto.client.v4.keyfactory.PowerAuthClientKeyFactory;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import com.wultra.security.powerauth.crypto.lib.enums.EcCurve;
import com.wultra.security.powerauth.crypto.lib.util.KeyConvertor;
import com.wultra.security.powerauth.crypto.lib.util.SignatureUtils;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.ServerAeadEncryptor;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.context.AeadSecrets;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.request.AeadEncryptedRequest;
import com.wultra.security.powerauth.crypto.lib.v4.ml.MlDsa;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.DefaultSharedSecretRequest;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.DefaultSharedSecretResponse;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.ResponseCryptogram;
import com.wultra.security.powerauth.crypto.lib.v4.sharedsecret.SharedSecretFactory;
import com.wultra.security.powerauth.crypto.server.v4.activation.PowerAuthServerActivation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException;
import org.opentokens.powerauth.token.domain.internal.v4.V4Oracle;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.kdf.V4KeyFactory;
import org.opentokens.powerauth.token.domain.internal.v4.kem.SharedSecretContext;
import org.opentokens.powerauth.token.domain.internal.v4.kem.SharedSecretResponse;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.JwsSignature;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKey;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKeyClaims;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKeyRequestJwt;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKeyResponseJws;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * Temporary keys and the two activation layers against a server made of Wultra 2.0.1's classes: its key factory
 * checks our HS384 JWT key, its signers produce the JWS we verify, its KEM answers ours, and its
 * {@code ServerAeadEncryptor} and {@code PowerAuthServerActivation} run the server side of activation create, whose
 * secret, counter and fingerprint we must reproduce.
 */
class V4ActivationFlowOracleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PowerAuthClientKeyFactory KEYS = new PowerAuthClientKeyFactory();
    private static final PowerAuthServerActivation SERVER = new PowerAuthServerActivation();
    private static final KeyConvertor CONVERTOR = new KeyConvertor();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @BeforeAll
    static void provider() {
        V4Oracle.ensureProvider();
    }

    @Test
    void requestJwtIsHs384WithTheKeyWultraDerives() throws Exception {
        Random r = new Random(4701);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            byte[] appSecret = V4Oracle.bytes(r, 16);
            byte[] claims = ("{\"applicationKey\":\"k\",\"challenge\":\"" + i + "\"}").getBytes(StandardCharsets.UTF_8);
            byte[] keyBytes = i % 2 == 0 ? KEYS.generateKeyMacGetAppTempKey(V4Oracle.jca(appSecret)).getEncoded()
                    : KEYS.generateKeyMacGetActTempKey(V4Oracle.jca(V4Oracle.bytes(r, 32))).getEncoded();
            V4SymmetricKey key = i % 2 == 0 ? V4KeyFactory.applicationTemporaryKeyMacKey(Base64.getEncoder().encodeToString(appSecret))
                    : V4SymmetricKey.of(keyBytes);
            String jwt = V4TemporaryKeyRequestJwt.sign(claims, key);
            String[] parts = jwt.split("\\.");
            assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                    .isEqualTo("{\"typ\":\"JWT\",\"alg\":\"HS384\"}");
            assertThat(Base64.getUrlDecoder().decode(parts[1])).isEqualTo(claims);
            Mac mac = Mac.getInstance("HmacSHA384");
            mac.init(new SecretKeySpec(keyBytes, "HmacSHA384"));
            assertThat(Base64.getUrlDecoder().decode(parts[2])).as("case %d", i)
                    .isEqualTo(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Test
    void weVerifyJwsSignedByWultrasEcdsaAndMlDsaAndRejectAlterations() throws Exception {
        Random r = new Random(4702);
        SignatureUtils signatures = new SignatureUtils();
        for (int i = 0; i < 100; i++) {
            SharedSecretAlgorithm algorithm = SharedSecretAlgorithm.values()[1 + i % 3];
            KeyPair ec = SERVER.generateEcServerKeyPair();
            KeyPair ml = algorithm == SharedSecretAlgorithm.EC_P384 ? null : SERVER.generatePqcServerKeyPair(wultra(algorithm));
            String payload = URL.encodeToString(("{\"sub\":\"" + UUID.randomUUID() + "\",\"n\":" + r.nextInt() + "}")
                    .getBytes(StandardCharsets.UTF_8));
            List<JwsSignature> list = new ArrayList<>();
            String ecHeader = URL.encodeToString("{\"alg\":\"ES384\"}".getBytes(StandardCharsets.UTF_8));
            byte[] der = signatures.computeECDSASignature(EcCurve.P384, (ecHeader + "." + payload).getBytes(StandardCharsets.US_ASCII),
                    ec.getPrivate());
            list.add(new JwsSignature(ecHeader, "ES384", URL.encodeToString(derToRaw(der))));
            MlDsaPublicKey mlKey = null;
            if (ml != null) {
                String alg = algorithm == SharedSecretAlgorithm.EC_P384_ML_L3 ? "ML-DSA-65" : "ML-DSA-87";
                String mlHeader = URL.encodeToString(("{\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8));
                MlDsa mlDsa = new MlDsa(wultra(algorithm).getMlDsaParameterSpec());
                byte[] sig = mlDsa.sign(ml.getPrivate(), (mlHeader + "." + payload).getBytes(StandardCharsets.US_ASCII));
                list.add(new JwsSignature(mlHeader, alg, URL.encodeToString(sig)));
                mlKey = MlDsaPublicKey.fromBytes(ml.getPublic().getEncoded());
            }
            P384PublicKey ecKey = P384PublicKey.fromBytes(ec.getPublic().getEncoded());
            String claims = V4TemporaryKeyResponseJws.verify(payload, list, ecKey, mlKey);
            assertThat(claims).startsWith("{\"sub\":");

            String otherPayload = URL.encodeToString("{\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8));
            MlDsaPublicKey finalMl = mlKey;
            assertThatThrownBy(() -> V4TemporaryKeyResponseJws.verify(otherPayload, list, ecKey, finalMl))
                    .isInstanceOfSatisfying(TemporaryKeyException.class,
                            e -> assertThat(e.reason()).isEqualTo(TemporaryKeyException.Reason.SIGNATURE_INVALID));
            if (ml != null) {
                assertThatThrownBy(() -> V4TemporaryKeyResponseJws.verify(payload, list.subList(0, 1), ecKey, finalMl))
                        .isInstanceOf(TemporaryKeyException.class);
            }
        }
    }

    @Test
    void activationAgainstAWultraServerGivesItsSecretCounterAndFingerprint() throws Exception {
        Random r = new Random(4703);
        SharedSecretAlgorithm[] algorithms = {SharedSecretAlgorithm.EC_P384, SharedSecretAlgorithm.EC_P384_ML_L3,
            SharedSecretAlgorithm.EC_P384_ML_L5};
        for (int i = 0; i < 90; i++) {
            SharedSecretAlgorithm algorithm = algorithms[i % 3];
            String appKey = Base64.getEncoder().encodeToString(V4Oracle.bytes(r, 16));
            String appSecret = Base64.getEncoder().encodeToString(V4Oracle.bytes(r, 16));
            long now = 1_769_422_877_091L + r.nextInt(1_000_000);

            // Application-scope temporary key: our KEM request, Wultra's server response, validated by us.
            SharedSecretContext tkContext = SharedSecretContext.create(algorithm, V4Oracle.secureRandom(10_000L + i));
            ResponseCryptogram tk = SharedSecretFactory.forAlgorithm(wultra(algorithm)).generateResponseCryptogram(
                    new DefaultSharedSecretRequest(wultra(algorithm), tkContext.request().encapsulationKeys()));
            DefaultSharedSecretResponse tkResponse = (DefaultSharedSecretResponse) tk.getSharedSecretResponse();
            String challenge = V4TemporaryKeyRequestJwt.newChallenge(V4Oracle.secureRandom(i));
            String keyId = UUID.randomUUID().toString();
            V4TemporaryKey temporaryKey = V4TemporaryKey.validate(new V4TemporaryKeyClaims(keyId, appKey, null, challenge,
                    tkResponse.getSalt(), tkResponse.getEncapsulatedKeys(), now - 1000, now + 300_000), tkContext,
                    challenge, appKey, null, now);
            assertThat(V4Oracle.raw(temporaryKey.envelopeKey())).isEqualTo(tk.getSecretKey().getEncoded());

            // Client: both layers.
            V4Activation activation = V4Activation.start(algorithm, appKey, keyId, temporaryKey.envelopeKey(), appSecret,
                    V4Oracle.secureRandom(20_000L + i));
            ObjectNode l2 = JSON.createObjectNode();
            l2.set("sharedSecretRequest", JSON.createObjectNode().put("algorithm", algorithm.name())
                    .set("encapsulationKeys", JSON.valueToTree(activation.sharedSecretRequest().encapsulationKeys())));
            ObjectNode keys = JSON.createObjectNode().put("ecdsa", activation.deviceEcPublicKeyBase64());
            if (activation.deviceMlDsaPublicKeyBase64() != null) {
                keys.put("mldsa", activation.deviceMlDsaPublicKeyBase64());
            }
            l2.set("devicePublicKeys", keys);
            l2.put("activationName", "test " + i);
            var l2Envelope = activation.encryptLayer2(JSON.writeValueAsBytes(l2), V4Oracle.secureRandom(30_000L + i), now);
            ObjectNode l1 = JSON.createObjectNode().put("type", "CODE");
            l1.set("identityAttributes", JSON.createObjectNode().put("code", "VVVVV-VVVVV-VVVVV-VTFVA"));
            l1.set("activationData", JSON.valueToTree(l2Envelope));
            var l1Envelope = activation.encryptLayer1(JSON.writeValueAsBytes(l1), V4Oracle.secureRandom(40_000L + i), now);
            assertThat(l1Envelope.temporaryKeyId()).isEqualTo(l2Envelope.temporaryKeyId());
            assertThat(l1Envelope.nonce()).isNotEqualTo(l2Envelope.nonce());

            // Server (Wultra): open both layers, answer the KEM, make keys and counter, seal both layers.
            EncryptorParameters parameters = new EncryptorParameters("4.0", appKey, null, keyId);
            ServerAeadEncryptor s1 = new ServerAeadEncryptor(EncryptorId.APPLICATION_SCOPE_GENERIC, parameters);
            s1.configureSecrets(new AeadSecrets(tk.getSecretKey().getEncoded(), appSecret));
            JsonNode l1Plain = JSON.readTree(s1.decryptRequest(new AeadEncryptedRequest(l1Envelope.temporaryKeyId(),
                    l1Envelope.encryptedData(), l1Envelope.nonce(), l1Envelope.timestamp())));
            JsonNode data = l1Plain.get("activationData");
            ServerAeadEncryptor s2 = new ServerAeadEncryptor(EncryptorId.ACTIVATION_LAYER_2, parameters);
            s2.configureSecrets(new AeadSecrets(tk.getSecretKey().getEncoded(), appSecret));
            JsonNode l2Plain = JSON.readTree(s2.decryptRequest(new AeadEncryptedRequest(data.get("temporaryKeyId").asText(),
                    data.get("encryptedData").asText(), data.get("nonce").asText(), data.get("timestamp").asLong())));
            List<String> encapsulationKeys = new ArrayList<>();
            l2Plain.get("sharedSecretRequest").get("encapsulationKeys").forEach(n -> encapsulationKeys.add(n.asText()));
            ResponseCryptogram act = SharedSecretFactory.forAlgorithm(wultra(algorithm)).generateResponseCryptogram(
                    new DefaultSharedSecretRequest(wultra(algorithm), encapsulationKeys));
            String activationId = UUID.randomUUID().toString();
            KeyPair serverEc = SERVER.generateEcServerKeyPair();
            KeyPair serverMl = algorithm == SharedSecretAlgorithm.EC_P384 ? null : SERVER.generatePqcServerKeyPair(wultra(algorithm));
            byte[] ctrData = V4Oracle.bytes(r, 32);
            var deviceEc = CONVERTOR.convertBytesToPublicKey(EcCurve.P384,
                    Base64.getDecoder().decode(l2Plain.get("devicePublicKeys").get("ecdsa").asText()));
            String expectedFingerprint = serverMl == null
                    ? SERVER.computeActivationEcFingerprint(deviceEc, serverEc.getPublic(), activationId)
                    : SERVER.computeActivationHybridFingerprint(wultra(algorithm), deviceEc,
                            java.security.KeyFactory.getInstance("ML-DSA", "BC").generatePublic(new java.security.spec
                                    .X509EncodedKeySpec(Base64.getDecoder().decode(
                                            l2Plain.get("devicePublicKeys").get("mldsa").asText()))),
                            serverEc.getPublic(), serverMl.getPublic(), activationId);
            DefaultSharedSecretResponse actResponse = (DefaultSharedSecretResponse) act.getSharedSecretResponse();
            ObjectNode l2Answer = JSON.createObjectNode().put("activationId", activationId);
            l2Answer.set("sharedSecretResponse", JSON.createObjectNode().put("salt", actResponse.getSalt())
                    .set("encapsulatedKeys", JSON.valueToTree(actResponse.getEncapsulatedKeys())));
            ObjectNode serverKeys = JSON.createObjectNode().put("ecdsa", Base64.getEncoder().encodeToString(
                    CONVERTOR.convertPublicKeyToBytes(EcCurve.P384, serverEc.getPublic())));
            if (serverMl != null) {
                serverKeys.put("mldsa", Base64.getEncoder().encodeToString(serverMl.getPublic().getEncoded()));
            }
            l2Answer.set("serverPublicKeys", serverKeys);
            l2Answer.put("ctrData", Base64.getEncoder().encodeToString(ctrData));
            var l2Sealed = s2.encryptResponse(JSON.writeValueAsBytes(l2Answer));
            ObjectNode l1Answer = JSON.createObjectNode();
            l1Answer.set("activationData", JSON.createObjectNode().put("encryptedData", l2Sealed.getEncryptedData())
                    .put("timestamp", l2Sealed.getTimestamp()));
            var l1Sealed = s1.encryptResponse(JSON.writeValueAsBytes(l1Answer));

            // Client: open both layers and complete.
            JsonNode l1Back = JSON.readTree(activation.decryptLayer1(new AeadEncryptedResponse(l1Sealed.getEncryptedData(),
                    l1Sealed.getTimestamp())));
            JsonNode inner = l1Back.get("activationData");
            JsonNode l2Back = JSON.readTree(activation.decryptLayer2(new AeadEncryptedResponse(
                    inner.get("encryptedData").asText(), inner.get("timestamp").asLong())));
            List<String> encapsulated = new ArrayList<>();
            l2Back.get("sharedSecretResponse").get("encapsulatedKeys").forEach(n -> encapsulated.add(n.asText()));
            V4ActivationResult result = activation.complete(l2Back.get("activationId").asText(),
                    new SharedSecretResponse(l2Back.get("sharedSecretResponse").get("salt").asText(), encapsulated),
                    l2Back.get("serverPublicKeys").get("ecdsa").asText(),
                    l2Back.path("serverPublicKeys").path("mldsa").asText(null), l2Back.get("ctrData").asText());

            assertThat(V4Oracle.raw(result.activationSecret())).as("case %d %s", i, algorithm)
                    .isEqualTo(act.getSecretKey().getEncoded());
            assertThat(result.fingerprint()).isEqualTo(expectedFingerprint);
            assertThat(result.counter().copyBytes(InsecureSecretAccess.get())).isEqualTo(ctrData);
            assertThat(V4Oracle.raw(V4KeyFactory.possessionKey(result.activationSecret())))
                    .isEqualTo(KEYS.generatePossessionFactorKey(act.getSecretKey()).getEncoded());
            assertThat(result.toString()).doesNotContain(Base64.getEncoder().encodeToString(act.getSecretKey().getEncoded()));
            result.destroy();
            temporaryKey.destroy();
        }
    }

    @Test
    void temporaryKeyClaimsThatDoNotAnswerTheRequestAreRejected() {
        long now = 1_000_000L;
        String challenge = "c";
        for (Object[] c : new Object[][] {
            {new V4TemporaryKeyClaims(null, "a", null, challenge, null, null, 1, now + 1), TemporaryKeyException.Reason.MALFORMED},
            {new V4TemporaryKeyClaims("k", "a", null, "other", null, null, 1, now + 1), TemporaryKeyException.Reason.CHALLENGE_MISMATCH},
            {new V4TemporaryKeyClaims("k", "b", null, challenge, null, null, 1, now + 1), TemporaryKeyException.Reason.APPLICATION_KEY_MISMATCH},
            {new V4TemporaryKeyClaims("k", "a", "x", challenge, null, null, 1, now + 1), TemporaryKeyException.Reason.ACTIVATION_ID_MISMATCH},
            {new V4TemporaryKeyClaims("k", "a", null, challenge, null, null, 1, now), TemporaryKeyException.Reason.EXPIRED},
            {new V4TemporaryKeyClaims("k", "a", null, challenge, "AAAA", List.of("AAAA"), 1, now + 1), TemporaryKeyException.Reason.MALFORMED}}) {
            SharedSecretContext context = SharedSecretContext.create(SharedSecretAlgorithm.EC_P384, V4Oracle.secureRandom(5));
            assertThatThrownBy(() -> V4TemporaryKey.validate((V4TemporaryKeyClaims) c[0], context, challenge, "a", null, now))
                    .isInstanceOfSatisfying(TemporaryKeyException.class, e -> assertThat(e.reason()).isEqualTo(c[1]));
        }
    }

    private static byte[] derToRaw(byte[] der) {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
        return org.bouncycastle.util.Arrays.concatenate(BigIntegers.asUnsignedByteArray(48, r),
                BigIntegers.asUnsignedByteArray(48, s));
    }

    private static com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm wultra(SharedSecretAlgorithm a) {
        return com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm.valueOf(a.name());
    }
}
