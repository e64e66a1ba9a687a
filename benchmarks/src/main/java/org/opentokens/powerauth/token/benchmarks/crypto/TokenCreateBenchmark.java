package org.opentokens.powerauth.token.benchmarks.crypto;

import io.getlime.security.powerauth.crypto.client.keyfactory.PowerAuthClientKeyFactory;
import io.getlime.security.powerauth.crypto.client.signature.PowerAuthClientSignature;
import io.getlime.security.powerauth.crypto.lib.encryptor.ClientEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import io.getlime.security.powerauth.crypto.lib.generator.HashBasedCounter;
import io.getlime.security.powerauth.crypto.lib.generator.KeyGenerator;
import io.getlime.security.powerauth.http.PowerAuthHttpBody;
import io.getlime.security.powerauth.http.PowerAuthSignatureHttpHeader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptorId;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;
import org.opentokens.powerauth.token.domain.internal.signature.PowerAuthSignature;
import org.opentokens.powerauth.token.domain.internal.signature.SignatureBaseString;

/**
 * The client crypto of {@code /pa/v3/token/create} (3.3, possession + knowledge), in two measured halves per
 * side: the request (ECIES encryption of {@code {}} to the cached temporary key, the signature over the
 * encrypted body and its header, the counter step) and the response (ECIES decryption).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenCreateBenchmark {
    private static final KeyGenerator KEY_GENERATOR = new KeyGenerator();
    private static final PowerAuthClientKeyFactory KEY_FACTORY = new PowerAuthClientKeyFactory();
    private static final PowerAuthClientSignature SIGNATURE = new PowerAuthClientSignature();
    private static final PowerAuthSignatureType OUR_TYPE = PowerAuthSignatureType.POSSESSION_KNOWLEDGE;

    /**
     * @param s the inputs
     * @return the signature header of the encrypted request
     */
    @Benchmark
    public String oursRequest(TokenCreateState s) {
        EciesSecrets secrets = EciesSecrets.forActivation(s.temporaryKey.publicKey(), s.appSecret, s.ourTransport);
        try {
            EciesEncryptor encryptor = EciesEncryptor.create(EciesEncryptorId.CREATE_TOKEN, s.ourParameters, secrets);
            EciesEncryptedRequest request = encryptor.encryptRequest(TokenCreateState.EMPTY_OBJECT,
                    s.random.secureRandom(), System.currentTimeMillis());
            byte[] body = Envelopes.json(request);
            byte[] nonce = s.random.nextBytes(SignatureBaseString.NONCE_LENGTH);
            byte[] data = SignatureBaseString.forBody("POST", TokenCreateState.URI_ID, nonce, body, s.appSecret);
            String signature = PowerAuthSignature.compute(OUR_TYPE, s.ourKeys, s.ourCounter, data,
                    ProtocolVersion.V3_3);
            s.ourCounter = s.ourCounter.next();
            return AuthorizationHeader.of(ProtocolVersion.V3_3, s.activationId, s.appKey, nonce, OUR_TYPE, signature)
                    .value();
        } finally {
            secrets.destroy();
        }
    }

    /**
     * @param s the inputs
     * @return the signature header of the encrypted request
     * @throws Exception Wultra's checked exceptions
     */
    @Benchmark
    public String wultraRequest(TokenCreateState s) throws Exception {
        ClientEncryptor encryptor = new EncryptorFactory().getClientEncryptor(EncryptorId.CREATE_TOKEN,
                s.wultraParameters, s.wultraClientSecrets);
        EncryptedRequest request = encryptor.encryptRequest(TokenCreateState.EMPTY_OBJECT);
        byte[] body = Envelopes.json(request);
        byte[] nonce = KEY_GENERATOR.generateRandomBytes(16);
        String data = PowerAuthHttpBody.getSignatureBaseString("POST", TokenCreateState.URI_ID, nonce, body) + "&"
                + s.appSecret;
        List<SecretKey> keys = KEY_FACTORY.keysForSignatureType(PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE,
                s.wultraPossession, s.wultraKnowledge, null);
        String signature = SIGNATURE.signatureForData(data.getBytes(StandardCharsets.UTF_8), keys, s.wultraCounter,
                s.wultraSignatureConfiguration);
        s.wultraCounter = new HashBasedCounter().next(s.wultraCounter);
        return new PowerAuthSignatureHttpHeader(s.activationId, s.appKey, signature,
                PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE.toString(), Base64.getEncoder().encodeToString(nonce),
                TokenCreateState.VERSION).buildHttpHeader();
    }

    /**
     * @param r our encryptor and the server's response
     * @return the decrypted payload
     */
    @Benchmark
    public byte[] oursResponse(OurTokenResponse r) {
        return r.encryptor.decryptResponse(r.response);
    }

    /**
     * @param r Wultra's encryptor and the server's response
     * @return the decrypted payload
     * @throws Exception Wultra's checked exceptions
     */
    @Benchmark
    public byte[] wultraResponse(WultraTokenResponse r) throws Exception {
        return r.encryptor.decryptResponse(r.response);
    }
}
