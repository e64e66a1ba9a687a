package org.opentokens.powerauth.token.benchmarks.v4;

import com.wultra.security.powerauth.crypto.client.v4.authentication.PowerAuthClientAuthentication;
import com.wultra.security.powerauth.crypto.lib.config.AuthenticationCodeConfiguration;
import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import com.wultra.security.powerauth.crypto.lib.enums.EcCurve;
import com.wultra.security.powerauth.crypto.lib.enums.PowerAuthCodeType;
import com.wultra.security.powerauth.crypto.lib.generator.HashBasedCounter;
import com.wultra.security.powerauth.crypto.lib.generator.KeyGenerator;
import com.wultra.security.powerauth.crypto.lib.util.SignatureUtils;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.ClientAeadEncryptor;

import com.wultra.security.powerauth.crypto.lib.v4.ml.MlDsa;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.DefaultSharedSecretRequest;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.RequestCryptogram;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.DefaultSharedSecretResponse;
import com.wultra.security.powerauth.crypto.lib.v4.sharedsecret.SharedSecretFactory;
import com.wultra.security.powerauth.http.PowerAuthAuthorizationHttpHeader;
import com.wultra.security.powerauth.http.PowerAuthHttpBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.opentokens.powerauth.token.domain.internal.signature.SignatureBaseString;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedRequest;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptor;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptorId;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadSecrets;
import org.opentokens.powerauth.token.domain.internal.v4.auth.AuthenticationCode;
import org.opentokens.powerauth.token.domain.internal.v4.auth.AuthenticationCodeType;
import org.opentokens.powerauth.token.domain.internal.v4.auth.V4AuthorizationHeader;
import org.opentokens.powerauth.token.domain.internal.v4.kem.SharedSecretContext;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.JwsSignature;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKey;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKeyClaims;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKeyRequestJwt;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKeyResponseJws;

/**
 * The client crypto of a 4.0 token create ({@code /pa/v4/token/create}, possession + knowledge), in four measured
 * parts per side. With a fresh activation-scope temporary key: the keystore request (KEM key generation for the
 * algorithm, challenge, HS384 JWT) and response (every JWS signature verified, KEM decapsulation, claim checks).
 * With the key cached: the token request (AEAD encryption of {@code {}}, the authentication code over the encrypted
 * body and its header, the counter step) and response (AEAD decryption).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class V4TokenCreateBenchmark {
    private static final KeyGenerator KEY_GENERATOR = new KeyGenerator();
    private static final PowerAuthClientAuthentication AUTHENTICATION = new PowerAuthClientAuthentication();
    private static final AuthenticationCodeType OUR_TYPE = AuthenticationCodeType.POSSESSION_KNOWLEDGE;
    private static final Base64.Decoder UNURL = Base64.getUrlDecoder();

    /**
     * @param s the inputs
     * @return the keystore request JWT
     */
    @Benchmark
    public String oursKeystoreRequest(V4TokenCreateState s) {
        SharedSecretContext context = SharedSecretContext.create(s.ourAlgorithm, s.random.secureRandom());
        try {
            String challenge = V4TemporaryKeyRequestJwt.newChallenge(s.random.secureRandom());
            return V4TemporaryKeyRequestJwt.sign(s.claims(challenge, context.request().encapsulationKeys()),
                    s.ourTempKeyMacKey);
        } finally {
            context.destroy();
        }
    }

    /**
     * @param s the inputs
     * @return the keystore request JWT
     * @throws Exception Wultra's checked exceptions
     */
    @Benchmark
    public String wultraKeystoreRequest(V4TokenCreateState s) throws Exception {
        RequestCryptogram cryptogram = SharedSecretFactory.forAlgorithm(s.wultraAlgorithm).generateRequestCryptogram();
        String challenge = Base64.getEncoder().encodeToString(KEY_GENERATOR.generateRandomBytes(32));
        List<String> keys = ((DefaultSharedSecretRequest) cryptogram.getSharedSecretRequest()).getEncapsulationKeys();
        String input = URL_HEADER + "." + V4TokenCreateState.URL.encodeToString(s.claims(challenge, keys));
        Mac mac = Mac.getInstance("HmacSHA384");
        mac.init(new SecretKeySpec(s.wultraTempKeyMacKey.getEncoded(), "HmacSHA384"));
        return input + "." + V4TokenCreateState.URL.encodeToString(
                mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static final String URL_HEADER = V4TokenCreateState.URL.encodeToString(
            V4TemporaryKeyRequestJwt.HEADER_JSON.getBytes(StandardCharsets.UTF_8));

    /**
     * @param r our pending KEM exchange, the server's answer and the inputs
     * @return the envelope key's temporary key
     */
    @Benchmark
    public V4TemporaryKey oursKeystoreResponse(V4Responses.OurKeystore r) {
        V4TokenCreateState s = r.state;
        V4TokenCreateState.KeystoreAnswer a = r.answer;
        List<JwsSignature> signatures = new ArrayList<>(2);
        signatures.add(new JwsSignature(a.ecProtected(), "ES384", a.ecSignature()));
        if (a.mlSignature() != null) {
            signatures.add(new JwsSignature(a.mlProtected(), a.mlAlg(), a.mlSignature()));
        }
        V4TemporaryKeyResponseJws.verify(a.payload(), signatures, s.ourServerEc, s.ourServerMl);
        V4TemporaryKey key = V4TemporaryKey.validate(new V4TemporaryKeyClaims(s.temporaryKeyId, s.appKey,
                s.activationId, a.challenge(), a.salt(), a.encapsulatedKeys(), a.issuedAtMs(), a.expiresAtMs()),
                r.context, a.challenge(), s.appKey, s.activationId, System.currentTimeMillis());
        key.destroy();
        return key;
    }

    /**
     * @param r Wultra's pending KEM exchange, the server's answer and the inputs
     * @return the envelope key
     * @throws Exception Wultra's checked exceptions
     */
    @Benchmark
    public SecretKey wultraKeystoreResponse(V4Responses.WultraKeystore r) throws Exception {
        V4TokenCreateState s = r.state;
        V4TokenCreateState.KeystoreAnswer a = r.answer;
        boolean valid = new SignatureUtils().validateECDSASignature(EcCurve.P384,
                (a.ecProtected() + "." + a.payload()).getBytes(StandardCharsets.US_ASCII),
                V4TokenCreateState.rawToDer(UNURL.decode(a.ecSignature())), s.serverEc.getPublic());
        if (a.mlSignature() != null) {
            valid &= new MlDsa(s.wultraAlgorithm.getMlDsaParameterSpec()).verify(s.serverMl.getPublic(),
                    (a.mlProtected() + "." + a.payload()).getBytes(StandardCharsets.US_ASCII),
                    UNURL.decode(a.mlSignature()));
        }
        if (!valid || !a.challenge().equals(a.challenge()) || System.currentTimeMillis() >= a.expiresAtMs()) {
            throw new IllegalStateException("temporary key does not verify");
        }
        return SharedSecretFactory.forAlgorithm(s.wultraAlgorithm).computeSharedSecret(
                r.cryptogram.getSharedSecretClientContext(),
                new DefaultSharedSecretResponse(a.salt(), a.encapsulatedKeys()));
    }

    /**
     * A signed request: the exact body bytes and the {@code X-PowerAuth-Authorization} value.
     *
     * @param body the body
     * @param authorization the header value
     */
    public record SignedRequest(byte[] body, String authorization) {
    }

    /**
     * @param s the inputs
     * @return the encrypted body and its authorization header
     */
    @Benchmark
    public SignedRequest oursTokenRequest(V4TokenCreateState s) {
        AeadEncryptor encryptor = AeadEncryptor.create(AeadEncryptorId.CREATE_TOKEN, s.ourParameters,
                AeadSecrets.forActivation(s.ourEnvelopeKey, s.appSecret, s.ourSharedInfo2Key));
        try {
            AeadEncryptedRequest request = encryptor.encryptRequest(V4TokenCreateState.EMPTY_OBJECT,
                    s.random.secureRandom(), System.currentTimeMillis());
            byte[] body = body(request.temporaryKeyId(), request.encryptedData(), request.nonce(),
                    request.timestamp());
            byte[] nonce = s.random.nextBytes(SignatureBaseString.NONCE_LENGTH);
            byte[] data = SignatureBaseString.forBody("POST", V4TokenCreateState.URI_ID, nonce, body, s.appSecret);
            String code = AuthenticationCode.online(data, s.ourKeys.keysFor(OUR_TYPE), s.ourCounter);
            s.ourCounter = s.ourCounter.next();
            return new SignedRequest(body, V4AuthorizationHeader.of(s.activationId, s.appKey, nonce, OUR_TYPE, code)
                    .value());
        } finally {
            encryptor.destroy();
        }
    }

    /**
     * @param s the inputs
     * @return the encrypted body and its authorization header
     * @throws Exception Wultra's checked exceptions
     */
    @Benchmark
    public SignedRequest wultraTokenRequest(V4TokenCreateState s) throws Exception {
        ClientAeadEncryptor encryptor = new ClientAeadEncryptor(EncryptorId.CREATE_TOKEN, s.wultraParameters);
        encryptor.configureSecrets(new com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.context
                .AeadSecrets(s.envelopeKeyBytes, s.appSecret, s.wultraSharedInfo2Key));
        com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.request.AeadEncryptedRequest request =
                encryptor.encryptRequest(V4TokenCreateState.EMPTY_OBJECT);
        byte[] body = body(request.getTemporaryKeyId(), request.getEncryptedData(), request.getNonce(),
                request.getTimestamp());
        byte[] nonce = KEY_GENERATOR.generateRandomBytes(16);
        String data = PowerAuthHttpBody.getAuthenticationBaseString("POST", V4TokenCreateState.URI_ID, nonce, body)
                + "&" + s.appSecret;
        List<SecretKey> keys = List.of(s.wultraPossession, s.wultraKnowledge);
        String code = AUTHENTICATION.computeAuthCode(data.getBytes(StandardCharsets.UTF_8), keys, s.wultraCounter,
                AuthenticationCodeConfiguration.base64());
        s.wultraCounter = new HashBasedCounter(V4TokenCreateState.VERSION).next(s.wultraCounter);
        return new SignedRequest(body, new PowerAuthAuthorizationHttpHeader(s.activationId, s.appKey, code,
                PowerAuthCodeType.POSSESSION_KNOWLEDGE.toString().toLowerCase(java.util.Locale.ROOT),
                Base64.getEncoder().encodeToString(nonce), V4TokenCreateState.VERSION).buildHttpHeader());
    }

    /**
     * @param r our encryptor and the server's response
     * @return the decrypted payload
     */
    @Benchmark
    public byte[] oursTokenResponse(V4Responses.OurToken r) {
        return r.encryptor.decryptResponse(r.response);
    }

    /**
     * @param r Wultra's encryptor and the server's response
     * @return the decrypted payload
     * @throws Exception Wultra's checked exceptions
     */
    @Benchmark
    public byte[] wultraTokenResponse(V4Responses.WultraToken r) throws Exception {
        return r.encryptor.decryptResponse(r.response);
    }

    /** The request envelope JSON, written the same way for both sides. */
    static byte[] body(String temporaryKeyId, String encryptedData, String nonce, long timestamp) {
        return ("{\"temporaryKeyId\":\"" + temporaryKeyId + "\",\"encryptedData\":\"" + encryptedData
                + "\",\"nonce\":\"" + nonce + "\",\"timestamp\":" + timestamp + "}").getBytes(StandardCharsets.UTF_8);
    }
}
