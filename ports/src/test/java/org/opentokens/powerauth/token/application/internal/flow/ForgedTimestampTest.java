package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.internal.out.ActivationStatusResponse;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.internal.out.RequestSigner;

/**
 * Found by the reliability fuzzing: the ECIES response timestamp fed time synchronization before the MAC was
 * checked, so an answer that was then rejected still moved the client's clock.
 */
class ForgedTimestampTest {
    private static final long HOUR = 3_600_000L;
    private final AtomicBoolean forge = new AtomicBoolean();
    private final Testbed bed = new Testbed(emulator -> new Forging(new org.opentokens.powerauth.token.port.out
            .EmulatorPowerAuthServer(emulator)));

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    @Test
    void aTokenAnswerWhoseTimestampFailsTheMacDoesNotMoveTheClock() {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("first", PowerAuthAuthentication.possession()).join();
        Duration offset = client.time.offset();
        forge.set(true);

        assertThat(Testbed.failure(client.tokens.requestAccessToken("second", PowerAuthAuthentication.possession())))
                .isInstanceOf(InvalidServerResponseException.class);

        assertThat(client.time.offset()).isEqualTo(offset);
    }

    /** Moves the timestamp of token answers an hour ahead while {@link #forge} is set, keeping the MAC. */
    private final class Forging implements PowerAuthServer {
        private final PowerAuthServer real;

        Forging(PowerAuthServer real) {
            this.real = real;
        }

        @Override
        public EciesEncryptedResponse createToken(EciesEncryptedRequest envelope, RequestSigner signer) {
            EciesEncryptedResponse genuine = real.createToken(envelope, signer);
            return forge.get() ? new EciesEncryptedResponse(genuine.encryptedData(), genuine.mac(), genuine.nonce(),
                    genuine.timestamp() + HOUR) : genuine;
        }

        @Override
        public long fetchServerTime() {
            return real.fetchServerTime();
        }

        @Override
        public void close() {
            real.close();
        }

        @Override
        public String createTemporaryKey(String requestJwt) {
            return real.createTemporaryKey(requestJwt);
        }

        @Override
        public EciesEncryptedResponse createActivation(EciesEncryptedRequest layer1, EncryptionHeader header) {
            return real.createActivation(layer1, header);
        }

        @Override
        public ActivationStatusResponse fetchActivationStatus(String activationId, String challengeBase64) {
            return real.fetchActivationStatus(activationId, challengeBase64);
        }

        @Override
        public String removeActivation(RequestSigner signer) {
            return real.removeActivation(signer);
        }

        @Override
        public TokenId removeToken(TokenId tokenId, RequestSigner signer) {
            return real.removeToken(tokenId, signer);
        }

        @Override
        public void validateSignature(String reason, RequestSigner signer) {
            real.validateSignature(reason, signer);
        }

        @Override
        public EciesEncryptedResponse unlockVault(EciesEncryptedRequest envelope, RequestSigner signer) {
            return real.unlockVault(envelope, signer);
        }

        @Override
        public EciesEncryptedResponse confirmRecoveryCode(EciesEncryptedRequest envelope, RequestSigner signer) {
            return real.confirmRecoveryCode(envelope, signer);
        }
    }
}
