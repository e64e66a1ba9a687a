package org.opentokens.powerauth.token.benchmarks.crypto;

import io.getlime.security.powerauth.crypto.lib.config.SignatureConfiguration;
import io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory;
import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ClientEncryptorSecrets;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ServerEncryptorSecrets;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureFormat;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesParameters;
import org.opentokens.powerauth.token.domain.internal.signature.SignatureKeys;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * One activation's token-create inputs for protocol 3.3, in both libraries' types: the activation-scope
 * temporary key (reused, as the client caches it for minutes), app key and secret, activation and temporary key
 * IDs, the transport, possession and knowledge keys and the counter.
 */
@State(Scope.Thread)
public class TokenCreateState {
    static final String VERSION = "3.3";
    static final String URI_ID = "/pa/token/create";
    static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    RandomSource random;
    String appKey;
    String appSecret;
    String activationId;
    String temporaryKeyId;
    byte[] transportBytes;
    byte[] possessionBytes;
    byte[] knowledgeBytes;

    EcKeyPair temporaryKey;
    EciesParameters ourParameters;
    SymmetricKey ourTransport;
    SignatureKeys ourKeys;
    HashCounter ourCounter;

    PublicKey wultraTemporaryPublic;
    PrivateKey wultraTemporaryPrivate;
    EncryptorParameters wultraParameters;
    ClientEncryptorSecrets wultraClientSecrets;
    SecretKey wultraPossession;
    SecretKey wultraKnowledge;
    SignatureConfiguration wultraSignatureConfiguration;
    byte[] wultraCounter;
    private byte[] tokenResponse;

    /** @throws Exception if Wultra's key conversion fails */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SecureRandom seedless = Keys.sha1Prng();
        random = Keys.ourRandom();
        appKey = Keys.base64(Keys.bytes(seedless, 16));
        appSecret = Keys.base64(Keys.bytes(seedless, 16));
        activationId = Keys.uuid(seedless);
        temporaryKeyId = Keys.uuid(seedless);
        transportBytes = Keys.bytes(seedless, 16);
        possessionBytes = Keys.bytes(seedless, 16);
        knowledgeBytes = Keys.bytes(seedless, 16);
        byte[] ctrData = Keys.bytes(seedless, 16);

        temporaryKey = P256.generateKeyPair(seedless);
        ourParameters = new EciesParameters(ProtocolVersion.V3_3, appKey, activationId, temporaryKeyId);
        ourTransport = SymmetricKey.of(transportBytes);
        ourKeys = SignatureKeys.of(SymmetricKey.of(possessionBytes), SymmetricKey.of(knowledgeBytes), null);
        ourCounter = HashCounter.of(ctrData);

        KeyConvertor convertor = new KeyConvertor();
        wultraTemporaryPublic = Keys.wultraPublic(temporaryKey);
        wultraTemporaryPrivate = Keys.wultraPrivate(temporaryKey);
        wultraParameters = new EncryptorParameters(VERSION, appKey, activationId, temporaryKeyId);
        wultraClientSecrets = new ClientEncryptorSecrets(wultraTemporaryPublic, appSecret, transportBytes);
        wultraPossession = convertor.convertBytesToSharedSecretKey(possessionBytes);
        wultraKnowledge = convertor.convertBytesToSharedSecretKey(knowledgeBytes);
        wultraSignatureConfiguration = SignatureConfiguration.forFormat(
                PowerAuthSignatureFormat.getFormatForSignatureVersion(VERSION));
        wultraCounter = ctrData.clone();
        tokenResponse = ("{\"tokenId\":\"" + Keys.uuid(seedless) + "\",\"tokenSecret\":\""
                + Keys.base64(Keys.bytes(seedless, 16)) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** @return Wultra's server side of one token-create exchange, for preparing responses */
    ServerEncryptor wultraServer() throws Exception {
        return new EncryptorFactory().getServerEncryptor(EncryptorId.CREATE_TOKEN, wultraParameters,
                new ServerEncryptorSecrets(wultraTemporaryPrivate, appSecret, transportBytes));
    }

    /** @return the decrypted token-create response a server sends */
    byte[] tokenResponse() {
        return tokenResponse.clone();
    }
}
