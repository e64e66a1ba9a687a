package org.opentokens.powerauth.token.port.in;

import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;

/**
 * PowerAuth signatures for the host's own endpoints: a payment, a settings change, an approval. Each signature moves
 * the activation's hash counter once, stored before the signature is handed out, whether or not the request is sent
 * or accepted; signatures are made one at a time across every thread and process sharing the storage.
 *
 * <p><b>Send in order:</b> the server refuses a counter value behind the last one it accepted (and counts a refused
 * password signature as a failed attempt), so sign and send one request at a time per activation, or use
 * {@link #sendSigned}, which sends inside the exclusive section as {@code PowerAuthSignedHttpClient} does.
 *
 * <p>Every call consumes (destroys) its authentication and returns a future, which fails with
 * {@link MissingActivationException}, {@link org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException}
 * (no biometry key), {@link ClientClosedException} or {@link FeatureNotSupportedException} (a 4.0 activation).
 * Thread-safe.
 */
public interface PowerAuthSignatures {

    /**
     * Signs a request with a body ({@code POST}, {@code PUT}, {@code DELETE}…), as the mobile SDKs'
     * {@code requestSignature}.
     *
     * @param authentication the factors; consumed
     * @param method the HTTP method, for example {@code POST}
     * @param uriId the endpoint's resource id as the server declares it, for example {@code /api/payment}
     * @param body the exact bytes that will be sent, or null for no body
     * @return the {@code X-PowerAuth-Authorization} header for exactly that request
     */
    CompletableFuture<PowerAuthAuthorizationHttpHeader> requestSignature(PowerAuthAuthentication authentication,
            String method, String uriId, byte[] body);

    /**
     * Signs a {@code GET} request: its query parameters, canonicalized (decoded, sorted by key then value,
     * encoded again), take the place of the body.
     *
     * @param authentication the factors; consumed
     * @param uriId the endpoint's resource id
     * @param rawQuery the query string as sent, without {@code '?'}, or null for none
     * @return the {@code X-PowerAuth-Authorization} header for that request; fails with
     *     {@link org.opentokens.powerauth.token.domain.error.MalformedDataException} (counter unchanged) for a
     *     query with a broken percent escape
     */
    CompletableFuture<PowerAuthAuthorizationHttpHeader> requestGetSignature(PowerAuthAuthentication authentication,
            String uriId, String rawQuery);

    /**
     * Computes an offline signature, for data the user scanned (a QR code, for example) and confirms by typing
     * digits back: application secret {@code "offline"}, method {@code POST}, DECIMAL format with 8 digits per
     * factor.
     *
     * @param authentication the factors; consumed
     * @param uriId the resource id from the offline data
     * @param body the signed data from the offline data, or null
     * @param nonceBase64 the 16-byte nonce from the offline data, Base64
     * @return the signature, for example {@code 12345678-87654321}; fails with
     *     {@link org.opentokens.powerauth.token.domain.error.MalformedDataException} (counter unchanged) for a
     *     nonce that is not Base64 of 16 bytes
     */
    CompletableFuture<String> offlineSignature(PowerAuthAuthentication authentication, String uriId, byte[] body,
            String nonceBase64);

    /**
     * Signs a request and sends it inside the instance's exclusive section: no other thread or process signs
     * anything between this signature and the end of {@code send}, so requests reach the server in counter order
     * whoever sends them. {@code send} runs on the client's worker thread and must not make another signed call
     * of this client (it would wait for the section it is in).
     *
     * @param authentication the factors; consumed
     * @param method the HTTP method; {@code GET} signs {@code rawQuery} (canonicalized), any other method
     *     {@code body}
     * @param uriId the endpoint's resource id
     * @param body the exact body bytes that {@code send} sends, or null; must be null for GET
     * @param rawQuery for GET, the query as sent without {@code '?'}, or null; ignored for other methods
     * @param send sends the request with the header and returns what the host wants back
     * @param <T> the result
     * @return {@code send}'s result; fails with what {@code send} threw (checked exceptions wrapped in
     *     {@link java.util.concurrent.CompletionException}) or with the signing failures of
     *     {@link #requestSignature}
     */
    <T> CompletableFuture<T> sendSigned(PowerAuthAuthentication authentication, String method, String uriId,
            byte[] body, String rawQuery, SignedSend<T> send);

    /**
     * Sends one signed request.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    interface SignedSend<T> {
        /**
         * @param header the {@code X-PowerAuth-Authorization} header for exactly this request
         * @return the result
         * @throws Exception whatever sending throws
         */
        T send(PowerAuthAuthorizationHttpHeader header) throws Exception;
    }
}
