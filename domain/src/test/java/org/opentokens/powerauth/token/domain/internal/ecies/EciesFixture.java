package org.opentokens.powerauth.token.domain.internal.ecies;

import io.getlime.security.powerauth.crypto.lib.encryptor.ClientEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory;
import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedResponse;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ClientEncryptorSecrets;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ServerEncryptorSecrets;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;

/** One random ECIES set-up (keys, app secret, IDs) usable by our client and Wultra's server and client. */
final class EciesFixture {
    final ProtocolVersion version;
    final EciesEncryptorId id;
    final EcKeyPair serverKeys;
    final String appKey;
    final String appSecret;
    final byte[] transportKey;
    final String activationId;
    final String temporaryKeyId;

    EciesFixture(ProtocolVersion version, EciesEncryptorId id, SecureRandom random) {
        this.version = version;
        this.id = id;
        this.serverKeys = P256.generateKeyPair(random);
        this.appKey = B64.encode(bytes(random, 16));
        this.appSecret = B64.encode(bytes(random, 16));
        boolean activation = id.scope() == EciesScope.ACTIVATION;
        this.transportKey = activation ? bytes(random, 16) : null;
        this.activationId = activation ? new UUID(random.nextLong(), random.nextLong()).toString() : null;
        this.temporaryKeyId = version.usesTemporaryKeys() ? new UUID(random.nextLong(), random.nextLong()).toString() : null;
    }

    static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** @return a random plaintext: empty, {@code {}} or random bytes of random length */
    static byte[] plaintext(SecureRandom random, int caseIndex) {
        switch (caseIndex % 4) {
            case 0:
                return new byte[0];
            case 1:
                return "{}".getBytes(StandardCharsets.UTF_8);
            default:
                return bytes(random, random.nextInt(caseIndex % 4 == 2 ? 48 : 2000));
        }
    }

    EciesParameters ourParameters() {
        return new EciesParameters(version, appKey, activationId, temporaryKeyId);
    }

    EciesSecrets ourSecrets() {
        return transportKey == null
                ? EciesSecrets.forApplication(serverKeys.publicKey(), appSecret)
                : EciesSecrets.forActivation(serverKeys.publicKey(), appSecret, SymmetricKey.of(transportKey));
    }

    EciesEncryptor ourEncryptor(EphemeralKeyEncoding encoding) {
        return EciesEncryptor.create(id, ourParameters(), ourSecrets(), encoding);
    }

    EncryptorParameters theirParameters() {
        return new EncryptorParameters(version.wireValue(), appKey, activationId, temporaryKeyId);
    }

    ServerEncryptor theirServer() throws Exception {
        ServerEncryptorSecrets secrets = transportKey == null
                ? new ServerEncryptorSecrets(WultraKeys.privateKey(serverKeys), appSecret)
                : new ServerEncryptorSecrets(WultraKeys.privateKey(serverKeys), appSecret, transportKey);
        return new EncryptorFactory().getServerEncryptor(theirId(), theirParameters(), secrets);
    }

    ClientEncryptor theirClient() throws Exception {
        ClientEncryptorSecrets secrets = transportKey == null
                ? new ClientEncryptorSecrets(WultraKeys.publicKey(serverKeys), appSecret)
                : new ClientEncryptorSecrets(WultraKeys.publicKey(serverKeys), appSecret, transportKey);
        return new EncryptorFactory().getClientEncryptor(theirId(), theirParameters(), secrets);
    }

    EncryptorId theirId() {
        return EncryptorId.valueOf(id.name());
    }

    static EncryptedRequest toTheirs(EciesEncryptedRequest rq) {
        return new EncryptedRequest(rq.temporaryKeyId(), rq.ephemeralPublicKey(), rq.encryptedData(), rq.mac(),
                rq.nonce(), rq.timestamp());
    }

    static EciesEncryptedResponse toOurs(EncryptedResponse rs) {
        return new EciesEncryptedResponse(rs.getEncryptedData(), rs.getMac(), rs.getNonce(), rs.getTimestamp());
    }

    @Override
    public String toString() {
        return version + " " + id;
    }
}
