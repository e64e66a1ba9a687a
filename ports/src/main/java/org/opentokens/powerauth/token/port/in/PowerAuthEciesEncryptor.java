package org.opentokens.powerauth.token.port.in;

import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * End-to-end encryption of one request to the host's own endpoint and of its response, as the SDKs'
 * {@code EciesEncryptor}: send {@link #encryptRequestBody} as the body (the plain ECIES envelope JSON of
 * {@code protocol.md} §3.6, never wrapped in {@code requestObject}) with {@link #encryptionHeader()}, and pass the
 * response body to {@link #decryptResponseBody}. The header goes only on unsigned requests: a signature header
 * already names the version, application and activation. Thread-safe but single use: the envelope keys are wiped
 * after the response.
 */
public interface PowerAuthEciesEncryptor {
    /** The header name, {@code X-PowerAuth-Encryption}. */
    String HEADER_NAME = "X-PowerAuth-Encryption";

    /**
     * Hands the wait for the response over, for example to a later process (the CLI's {@code encrypt} and
     * {@code decrypt}): after the request was encrypted, returns what decrypts its response; this encryptor then
     * decrypts nothing more. The bytes hold the envelope keys: keep them only in encrypted storage, for as short
     * a time as the response takes.
     *
     * @return the context, for {@link EncryptionUseCase#resumeEciesEncryptor}
     * @throws IllegalStateException unless a request was encrypted and its response not yet decrypted
     */
    SecretBytes exportContext();

    /** @return {@link EciesScope#APPLICATION} or {@link EciesScope#ACTIVATION} */
    EciesScope scope();

    /**
     * @return the {@code X-PowerAuth-Encryption} header:
     *     {@code PowerAuth version="3.3", application_key="…"[, activation_id="…"]}
     */
    PowerAuthAuthorizationHttpHeader encryptionHeader();

    /**
     * @param plaintext the request body to protect (may be empty)
     * @return the request envelope, field by field
     * @throws IllegalStateException if this encryptor already encrypted a request
     */
    EciesEncryptedRequest encryptRequest(byte[] plaintext);

    /**
     * @param plaintext the request body to protect (may be empty)
     * @return the envelope as the JSON body to send
     * @throws IllegalStateException if this encryptor already encrypted a request
     */
    byte[] encryptRequestBody(byte[] plaintext);

    /**
     * Checks the response's MAC, then decrypts it.
     *
     * @param response the response envelope
     * @return the response plaintext
     * @throws InvalidServerResponseException if the envelope is malformed or does not authenticate
     * @throws IllegalStateException if no request was encrypted, or a response was already decrypted
     */
    byte[] decryptResponse(EciesEncryptedResponse response);

    /**
     * @param body the response body: the envelope JSON
     * @return the response plaintext
     * @throws InvalidServerResponseException if the body is not an envelope, or it does not authenticate
     * @throws IllegalStateException if no request was encrypted, or a response was already decrypted
     */
    byte[] decryptResponseBody(byte[] body);
}
