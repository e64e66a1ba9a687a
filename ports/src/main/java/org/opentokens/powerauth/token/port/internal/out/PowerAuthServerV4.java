package org.opentokens.powerauth.token.port.internal.out;

import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedRequest;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse;
import org.opentokens.powerauth.token.domain.internal.v4.aead.V4EncryptionHeader;

/**
 * The protocol 4.0 endpoints ({@code /pa/v4}) of a PowerAuth 2.x enrollment server that the token store and the
 * activation use; the 4.0 counterpart of {@link PowerAuthServer}, with the same contract for signing (serialize,
 * sign those bytes once, send exactly them, never resend), failures and threads.
 *
 * <p>Shapes ({@code protocol-v4.md} §7): AEAD envelopes ({@code {"temporaryKeyId","encryptedData","nonce",
 * "timestamp"}} out, {@code {"encryptedData","timestamp"}} back) are the bare body; plain bodies are wrapped in
 * {@code requestObject}/{@code responseObject}.
 */
public interface PowerAuthServerV4 {

    /**
     * {@code POST /pa/v4/status} with body {@code {"requestObject":{}}}: the server's clock.
     *
     * @return {@code responseObject.serverTime}, Unix epoch milliseconds
     */
    long fetchServerTime();

    /**
     * {@code POST /pa/v4/keystore/create}.
     *
     * @param requestJwt the HS384-MACed request JWT, sent as {@code requestObject.jwt}
     * @return {@code responseObject.jwt}: the JWS JSON document as a string, not yet verified
     */
    String createTemporaryKey(String requestJwt);

    /**
     * {@code POST /pa/v4/activation/create}: the layer-1 envelope as the body, with the encryption header.
     *
     * @param layer1 the application-scope envelope
     * @param header the encryption header
     * @return the layer-1 response envelope, not yet decrypted
     */
    AeadEncryptedResponse createActivation(AeadEncryptedRequest layer1, V4EncryptionHeader header);

    /**
     * {@code POST /pa/v4/activation/status} (unsigned): an activation-scope envelope of {@code {}}.
     *
     * @param envelope the encrypted request
     * @param header the encryption header, with the activation id
     * @return the response envelope, not yet decrypted
     */
    AeadEncryptedResponse fetchActivationStatus(AeadEncryptedRequest envelope, V4EncryptionHeader header);

    /**
     * {@code POST /pa/v4/activation/confirm}, body {@code {"requestObject":{"enableBiometry":…}}}, signed with uriId
     * {@code /pa/activation/confirm}.
     *
     * @param enableBiometry whether the server should enable the biometry factor
     * @param signer signs the exact body bytes
     */
    void confirmActivation(boolean enableBiometry, V4RequestSigner signer);

    /**
     * {@code POST /pa/v4/activation/remove}, body {@code {"requestObject":{}}}, signed with uriId
     * {@code /pa/activation/remove}.
     *
     * @param signer signs the exact body bytes
     * @return the activation id the server confirmed
     */
    String removeActivation(V4RequestSigner signer);

    /**
     * {@code POST /pa/v4/token/create}: the activation-scope envelope of {@code {}} as the body, signed with uriId
     * {@code /pa/token/create} over its serialized bytes (encrypt, then sign).
     *
     * @param envelope the encrypted request
     * @param signer signs the exact body bytes
     * @return the response envelope, not yet decrypted
     */
    AeadEncryptedResponse createToken(AeadEncryptedRequest envelope, V4RequestSigner signer);

    /**
     * {@code POST /pa/v4/token/remove}, body {@code {"requestObject":{"tokenId":…}}}, signed with uriId
     * {@code /pa/token/remove}.
     *
     * @param tokenId the token
     * @param signer signs the exact body bytes
     * @return the token id the server confirmed
     */
    TokenId removeToken(TokenId tokenId, V4RequestSigner signer);
}
