package org.opentokens.powerauth.token.benchmarks.v4;

import com.wultra.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.ClientAeadEncryptor;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.aead.ServerAeadEncryptor;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.request.AeadEncryptedRequest;
import com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.response.AeadEncryptedResponse;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.DefaultSharedSecretRequest;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.RequestCryptogram;
import com.wultra.security.powerauth.crypto.lib.v4.sharedsecret.SharedSecretFactory;
import java.util.Base64;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptor;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptorId;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadSecrets;
import org.opentokens.powerauth.token.domain.internal.v4.kem.SharedSecretContext;
import org.opentokens.powerauth.token.domain.internal.v4.keystore.V4TemporaryKeyRequestJwt;

/**
 * Server answers prepared before each measured response call (JMH {@code Level.Invocation} states). A measured
 * method takes only one of these and reads the inputs through it: JMH would otherwise give the method and the
 * state's set-up two different {@link V4TokenCreateState} instances.
 */
public final class V4Responses {
    private V4Responses() {
    }

    /** Our pending KEM exchange and the server's keystore answer to it. */
    @State(Scope.Thread)
    public static class OurKeystore {
        V4TokenCreateState state;
        SharedSecretContext context;
        V4TokenCreateState.KeystoreAnswer answer;

        /**
         * @param s the inputs
         * @throws Exception if Wultra's server side fails
         */
        @Setup(Level.Invocation)
        public void prepare(V4TokenCreateState s) throws Exception {
            state = s;
            context = SharedSecretContext.create(s.ourAlgorithm, s.random.secureRandom());
            answer = s.serverAnswer(V4TemporaryKeyRequestJwt.newChallenge(s.random.secureRandom()),
                    context.request().encapsulationKeys());
        }
    }

    /** Wultra's pending KEM exchange and the server's keystore answer to it. */
    @State(Scope.Thread)
    public static class WultraKeystore {
        V4TokenCreateState state;
        RequestCryptogram cryptogram;
        V4TokenCreateState.KeystoreAnswer answer;

        /**
         * @param s the inputs
         * @throws Exception if Wultra's classes fail
         */
        @Setup(Level.Invocation)
        public void prepare(V4TokenCreateState s) throws Exception {
            state = s;
            cryptogram = SharedSecretFactory.forAlgorithm(s.wultraAlgorithm).generateRequestCryptogram();
            answer = s.serverAnswer(Base64.getEncoder().encodeToString(s.random.nextBytes(32)),
                    ((DefaultSharedSecretRequest) cryptogram.getSharedSecretRequest()).getEncapsulationKeys());
        }
    }

    /** Our encryptor after its token-create request, and Wultra's server's response to it. */
    @State(Scope.Thread)
    public static class OurToken {
        AeadEncryptor encryptor;
        org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse response;

        /**
         * @param s the inputs
         * @throws Exception if Wultra's server side fails
         */
        @Setup(Level.Invocation)
        public void prepare(V4TokenCreateState s) throws Exception {
            if (encryptor != null) {
                encryptor.destroy();
            }
            encryptor = AeadEncryptor.create(AeadEncryptorId.CREATE_TOKEN, s.ourParameters,
                    AeadSecrets.forActivation(s.ourEnvelopeKey, s.appSecret, s.ourSharedInfo2Key));
            var request = encryptor.encryptRequest(V4TokenCreateState.EMPTY_OBJECT, s.random.secureRandom(),
                    System.currentTimeMillis());
            ServerAeadEncryptor server = s.wultraServer();
            server.decryptRequest(new AeadEncryptedRequest(request.temporaryKeyId(), request.encryptedData(),
                    request.nonce(), request.timestamp()));
            AeadEncryptedResponse sealed = server.encryptResponse(s.tokenResponse());
            response = new org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse(
                    sealed.getEncryptedData(), sealed.getTimestamp());
        }
    }

    /** Wultra's encryptor after its token-create request, and the server's response to it. */
    @State(Scope.Thread)
    public static class WultraToken {
        ClientAeadEncryptor encryptor;
        AeadEncryptedResponse response;

        /**
         * @param s the inputs
         * @throws Exception if Wultra's classes fail
         */
        @Setup(Level.Invocation)
        public void prepare(V4TokenCreateState s) throws Exception {
            encryptor = new ClientAeadEncryptor(EncryptorId.CREATE_TOKEN, s.wultraParameters);
            encryptor.configureSecrets(new com.wultra.security.powerauth.crypto.lib.v4.encryptor.model.context
                    .AeadSecrets(s.envelopeKeyBytes, s.appSecret, s.wultraSharedInfo2Key));
            AeadEncryptedRequest request = encryptor.encryptRequest(V4TokenCreateState.EMPTY_OBJECT);
            ServerAeadEncryptor server = s.wultraServer();
            server.decryptRequest(request);
            response = server.encryptResponse(s.tokenResponse());
        }
    }
}
