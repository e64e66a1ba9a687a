package org.opentokens.powerauth.token.benchmarks.v4;

import com.wultra.security.powerauth.crypto.client.v4.keyfactory.PowerAuthClientKeyFactory;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import com.wultra.security.powerauth.crypto.lib.enums.EcCurve;
import com.wultra.security.powerauth.crypto.lib.util.KeyConvertor;
import com.wultra.security.powerauth.crypto.lib.util.SignatureUtils;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.ServerAeadEncryptor;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.context.AeadSecrets;
import com.wultra.security.powerauth.crypto.lib.v4.ml.MlDsa;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.DefaultSharedSecretRequest;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.DefaultSharedSecretResponse;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.ResponseCryptogram;
import com.wultra.security.powerauth.crypto.lib.v4.sharedsecret.SharedSecretFactory;
import com.wultra.security.powerauth.crypto.server.v4.activation.PowerAuthServerActivation;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.opentokens.powerauth.token.benchmarks.fixture.WultraProvider;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadParameters;
import org.opentokens.powerauth.token.domain.internal.v4.auth.FactorKeys;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.kdf.V4KeyFactory;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * One 4.0 activation's token-create inputs, in both libraries' types: application key and secret, activation ID,
 * KEY_ACTIVATION_SECRET and the keys below it, the counter, the activation's server P-384 (and ML-DSA) public keys
 * that sign its temporary keys, and a cached activation-scope temporary key (ID and envelope key). The server side
 * (Wultra 2.0.1's {@code SharedSecretFactory}, signers and {@code ServerAeadEncryptor}) answers outside the measured
 * calls.
 */
@State(Scope.Thread)
public class V4TokenCreateState {
    static final String VERSION = "4.0";
    static final String URI_ID = "/pa/token/create";
    static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    /** The shared-secret algorithm of the activation and its temporary keys. */
    @Param({"EC_P384", "EC_P384_ML_L3"})
    public String algorithm;

    RandomSource random;
    String appKey;
    String appSecret;
    String activationId;
    String temporaryKeyId;
    byte[] activationSecretBytes;
    byte[] envelopeKeyBytes;
    KeyPair serverEc;
    KeyPair serverMl;

    org.opentokens.powerauth.token.domain.SharedSecretAlgorithm ourAlgorithm;
    V4SymmetricKey ourEnvelopeKey;
    V4SymmetricKey ourSharedInfo2Key;
    V4SymmetricKey ourTempKeyMacKey;
    AeadParameters ourParameters;
    FactorKeys ourKeys;
    V4HashCounter ourCounter;
    P384PublicKey ourServerEc;
    MlDsaPublicKey ourServerMl;

    com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm wultraAlgorithm;
    SecretKey wultraPossession;
    SecretKey wultraKnowledge;
    SecretKey wultraTempKeyMacKey;
    byte[] wultraSharedInfo2Key;
    byte[] wultraCounter;
    EncryptorParameters wultraParameters;

    /**
     * Makes the activation's keys and a cached temporary key.
     *
     * @throws Exception if Wultra's classes fail
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        WultraProvider.ensureRegistered();
        SecureRandom seedless = new SecureRandom();
        random = RandomSource.perThread(V4HeaderState::threadGenerator);
        appKey = Base64.getEncoder().encodeToString(bytes(seedless, 16));
        appSecret = Base64.getEncoder().encodeToString(bytes(seedless, 16));
        activationId = UUID.randomUUID().toString();
        temporaryKeyId = UUID.randomUUID().toString();
        activationSecretBytes = bytes(seedless, 32);
        envelopeKeyBytes = bytes(seedless, 32);
        byte[] ctrData = bytes(seedless, 32);
        ourAlgorithm = org.opentokens.powerauth.token.domain.SharedSecretAlgorithm.valueOf(algorithm);
        wultraAlgorithm = com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm
                .valueOf(algorithm);
        PowerAuthServerActivation server = new PowerAuthServerActivation();
        serverEc = server.generateEcServerKeyPair();
        serverMl = hybrid() ? server.generatePqcServerKeyPair(wultraAlgorithm) : null;

        V4SymmetricKey activationSecret = V4SymmetricKey.of(activationSecretBytes);
        ourEnvelopeKey = V4SymmetricKey.of(envelopeKeyBytes);
        ourSharedInfo2Key = V4KeyFactory.sharedInfo2Key(activationSecret);
        ourTempKeyMacKey = V4KeyFactory.activationTemporaryKeyMacKey(activationSecret);
        ourKeys = new FactorKeys(V4KeyFactory.possessionKey(activationSecret), V4KeyFactory.knowledgeKey(activationSecret),
                V4KeyFactory.biometryKey(activationSecret));
        ourCounter = V4HashCounter.of(ctrData, 0);
        ourParameters = new AeadParameters(appKey, activationId, temporaryKeyId);
        ourServerEc = P384PublicKey.fromBytes(new KeyConvertor().convertPublicKeyToBytes(EcCurve.P384,
                serverEc.getPublic()));
        ourServerMl = serverMl == null ? null : MlDsaPublicKey.fromBytes(serverMl.getPublic().getEncoded());
        activationSecret.destroy();

        PowerAuthClientKeyFactory keys = new PowerAuthClientKeyFactory();
        SecretKey wultraSecret = new SecretKeySpec(activationSecretBytes, "AES");
        wultraPossession = keys.generatePossessionFactorKey(wultraSecret);
        wultraKnowledge = keys.generateKnowledgeFactorKey(wultraSecret);
        wultraTempKeyMacKey = keys.generateKeyMacGetActTempKey(wultraSecret);
        wultraSharedInfo2Key = keys.generateSharedInfo2Key(wultraSecret).getEncoded();
        wultraCounter = ctrData.clone();
        wultraParameters = new EncryptorParameters(VERSION, appKey, activationId, temporaryKeyId);
    }

    boolean hybrid() {
        return !"EC_P384".equals(algorithm);
    }

    /** The keystore request claims, written the same way for both sides. */
    byte[] claims(String challenge, List<String> encapsulationKeys) {
        StringBuilder json = new StringBuilder(256).append("{\"applicationKey\":\"").append(appKey)
                .append("\",\"activationId\":\"").append(activationId).append("\",\"challenge\":\"").append(challenge)
                .append("\",\"sharedSecretRequest\":{\"algorithm\":\"").append(algorithm)
                .append("\",\"encapsulationKeys\":[");
        for (int i = 0; i < encapsulationKeys.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(encapsulationKeys.get(i)).append('"');
        }
        return json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What the server answers to a keystore request: the claims payload and its signatures. */
    record KeystoreAnswer(String challenge, String payload, String ecProtected, String ecSignature,
            String mlProtected, String mlAlg, String mlSignature, String salt, List<String> encapsulatedKeys,
            long issuedAtMs, long expiresAtMs) {
    }

    /**
     * Wultra's server side of {@code keystore/create} for these encapsulation keys: the KEM response and the JWS
     * (ES384 raw R||S by the activation's server key, plus ML-DSA for the hybrids).
     */
    KeystoreAnswer serverAnswer(String challenge, List<String> encapsulationKeys) throws Exception {
        ResponseCryptogram cryptogram = SharedSecretFactory.forAlgorithm(wultraAlgorithm)
                .generateResponseCryptogram(new DefaultSharedSecretRequest(wultraAlgorithm, encapsulationKeys));
        DefaultSharedSecretResponse kem = (DefaultSharedSecretResponse) cryptogram.getSharedSecretResponse();
        long now = System.currentTimeMillis();
        StringBuilder json = new StringBuilder().append("{\"sub\":\"").append(temporaryKeyId)
                .append("\",\"applicationKey\":\"").append(appKey).append("\",\"activationId\":\"")
                .append(activationId).append("\",\"challenge\":\"").append(challenge)
                .append("\",\"sharedSecretResponse\":{\"salt\":\"").append(kem.getSalt())
                .append("\",\"encapsulatedKeys\":[");
        for (int i = 0; i < kem.getEncapsulatedKeys().size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(kem.getEncapsulatedKeys().get(i)).append('"');
        }
        json.append("]},\"iat_ms\":").append(now).append(",\"exp_ms\":").append(now + 300_000).append('}');
        String payload = URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        String ecProtected = URL.encodeToString("{\"alg\":\"ES384\"}".getBytes(StandardCharsets.UTF_8));
        byte[] der = new SignatureUtils().computeECDSASignature(EcCurve.P384,
                (ecProtected + "." + payload).getBytes(StandardCharsets.US_ASCII), serverEc.getPrivate());
        String mlProtected = null;
        String mlAlg = null;
        String mlSignature = null;
        if (serverMl != null) {
            mlAlg = "EC_P384_ML_L5".equals(algorithm) ? "ML-DSA-87" : "ML-DSA-65";
            mlProtected = URL.encodeToString(("{\"alg\":\"" + mlAlg + "\"}").getBytes(StandardCharsets.UTF_8));
            mlSignature = URL.encodeToString(new MlDsa(wultraAlgorithm.getMlDsaParameterSpec()).sign(
                    serverMl.getPrivate(), (mlProtected + "." + payload).getBytes(StandardCharsets.US_ASCII)));
        }
        return new KeystoreAnswer(challenge, payload, ecProtected, URL.encodeToString(derToRaw(der)), mlProtected,
                mlAlg, mlSignature, kem.getSalt(), kem.getEncapsulatedKeys(), now, now + 300_000);
    }

    /** Wultra's server encryptor for token create, ready to decrypt a request to the cached temporary key. */
    ServerAeadEncryptor wultraServer() throws Exception {
        ServerAeadEncryptor server = new ServerAeadEncryptor(EncryptorId.CREATE_TOKEN, wultraParameters);
        server.configureSecrets(new AeadSecrets(envelopeKeyBytes, appSecret, wultraSharedInfo2Key));
        return server;
    }

    /** The token-create response payload. */
    byte[] tokenResponse() {
        return ("{\"tokenId\":\"" + UUID.randomUUID() + "\",\"tokenSecret\":\""
                + Base64.getEncoder().encodeToString(bytes(new SecureRandom(), 32)) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] derToRaw(byte[] der) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        for (int i = 0; i < 2; i++) {
            byte[] value = ASN1Integer.getInstance(sequence.getObjectAt(i)).getValue().toByteArray();
            int start = Math.max(0, value.length - 48);
            out.write(new byte[48 - (value.length - start)], 0, 48 - (value.length - start));
            out.write(value, start, value.length - start);
        }
        return out.toByteArray();
    }

    static byte[] rawToDer(byte[] raw) throws java.io.IOException {
        org.bouncycastle.asn1.ASN1EncodableVector v = new org.bouncycastle.asn1.ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 48))));
        v.add(new ASN1Integer(new BigInteger(1, java.util.Arrays.copyOfRange(raw, 48, 96))));
        return new org.bouncycastle.asn1.DERSequence(v).getEncoded();
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
