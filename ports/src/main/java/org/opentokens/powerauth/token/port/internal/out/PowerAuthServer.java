package org.opentokens.powerauth.token.port.internal.out;

import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;

/**
 * The PowerAuth enrollment server's {@code /pa/v3} endpoints that the token store and the activation use. It moves
 * protocol messages in their real JSON shapes ({@code protocol.md} §6) and does no cryptography.
 *
 * <p>A signed call serializes its body once, calls {@link RequestSigner#sign(byte[])} exactly once with those bytes
 * and sends exactly them; it never resends a signed request, since the server counts every signature. Failures:
 * {@link ServerRejectedException}, {@link ServerUnreachableException} (also on interrupt, flag restored),
 * {@link InvalidServerResponseException}; messages hold no bodies, headers or secrets. Implementations are
 * thread-safe and blocking; the owning client {@linkplain #close() closes} the port. Details:
 * {@code docs/client-design.md}.
 */
public interface PowerAuthServer extends AutoCloseable {

    /**
     * {@code POST /pa/v3/status} with body {@code {}}: the server's clock, for time synchronization.
     *
     * @return {@code responseObject.serverTime}, Unix epoch milliseconds
     */
    long fetchServerTime();

    /**
     * {@code POST /pa/v3/keystore/create}: asks for a 3.3 temporary encryption key.
     *
     * @param requestJwt the HS256-signed request JWT, sent as {@code requestObject.jwt}
     * @return the ES256-signed response JWT from {@code responseObject.jwt}, not yet verified
     */
    String createTemporaryKey(String requestJwt);

    /**
     * {@code POST /pa/v3/activation/create}: the layer-1 envelope is the unwrapped body, sent with the
     * {@code X-PowerAuth-Encryption} header and no signature.
     *
     * @param layer1 the application-scope envelope
     * @param header the encryption header for that envelope
     * @return the layer-1 response envelope, not yet decrypted
     */
    EciesEncryptedResponse createActivation(EciesEncryptedRequest layer1, EncryptionHeader header);

    /**
     * {@code POST /pa/v3/activation/status} (unsigned).
     *
     * @param activationId the activation
     * @param challengeBase64 the 16-byte challenge in Base64 (protocol 3.1 and later), or {@code null} for 3.0
     * @return the encrypted status blob and its nonce, not yet decrypted
     */
    ActivationStatusResponse fetchActivationStatus(String activationId, String challengeBase64);

    /**
     * {@code POST /pa/v3/activation/remove}, body {@code {}}, signed with uriId {@code /pa/activation/remove}.
     *
     * @param signer signs the exact body bytes
     * @return the activation id the server confirmed
     */
    String removeActivation(RequestSigner signer);

    /**
     * {@code POST /pa/v3/token/create}: the activation-scope envelope is the unwrapped body, signed with uriId
     * {@code /pa/token/create} over its serialized bytes (encrypt, then sign).
     *
     * @param envelope the encrypted {@code {}} request
     * @param signer signs the exact body bytes
     * @return the response envelope, not yet decrypted
     */
    EciesEncryptedResponse createToken(EciesEncryptedRequest envelope, RequestSigner signer);

    /**
     * {@code POST /pa/v3/token/remove}, body {@code {"requestObject":{"tokenId":…}}}, signed with uriId
     * {@code /pa/token/remove}.
     *
     * @param tokenId the token to remove on the server
     * @param signer signs the exact body bytes
     * @return the token id the server confirmed
     */
    TokenId removeToken(TokenId tokenId, RequestSigner signer);

    /**
     * {@code POST /pa/v3/signature/validate}, body {@code {"requestObject":{"reason":…}}}, signed with uriId
     * {@code /pa/signature/validate}. The server answers {@code {"status":"OK"}} when the signature verifies and
     * 401 (a {@link ServerRejectedException}) when it does not, counting a failed attempt.
     *
     * @param reason why the host validates, sent as {@code requestObject.reason}
     * @param signer signs the exact body bytes
     */
    void validateSignature(String reason, RequestSigner signer);

    /**
     * {@code POST /pa/v3/vault/unlock}: the activation-scope envelope ({@code /pa/vault/unlock}) is the unwrapped
     * body, signed with uriId {@code /pa/vault/unlock} over its serialized bytes (encrypt, then sign).
     *
     * @param envelope the encrypted {@code {"reason":…}} request
     * @param signer signs the exact body bytes
     * @return the response envelope, not yet decrypted
     */
    EciesEncryptedResponse unlockVault(EciesEncryptedRequest envelope, RequestSigner signer);

    /**
     * {@code POST /pa/v3/recovery/confirm}: the activation-scope envelope ({@code /pa/recovery/confirm}) is the
     * unwrapped body, signed with uriId {@code /pa/recovery/confirm} over its serialized bytes.
     *
     * @param envelope the encrypted {@code {"recoveryCode":…}} request
     * @param signer signs the exact body bytes
     * @return the response envelope, not yet decrypted
     */
    EciesEncryptedResponse confirmRecoveryCode(EciesEncryptedRequest envelope, RequestSigner signer);

    /**
     * Lets go of what the adapter holds (an HTTP client, connections). Calls after close fail with
     * {@link org.opentokens.powerauth.token.domain.error.ClientClosedException}; an adapter that holds nothing may keep
     * working. Idempotent; throws nothing, so a closing client never fails half-way.
     */
    @Override
    void close();
}
