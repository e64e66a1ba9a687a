package org.opentokens.powerauth.token.port.in;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * End-to-end encryption of one request to the host's own endpoint and of its response, as the SDKs'
 * {@code EciesEncryptor}: get one from {@link EncryptionUseCase}, send {@link #encryptRequestBody} as the request
 * body with {@link #encryptionHeader()}, and pass the response body to {@link #decryptResponseBody}. An encryptor
 * is single use: one request, then one response; the envelope keys are wiped after the response.
 *
 * <p>The request body is the ECIES envelope JSON of {@code protocol.md} §3.6 ({@code ephemeralPublicKey},
 * {@code encryptedData}, {@code mac}, and {@code temporaryKeyId}, {@code nonce}, {@code timestamp} as the
 * version needs), never wrapped in {@code requestObject}; the response is the envelope the server answers with.
 * The {@code X-PowerAuth-Encryption} header goes only on requests that carry no signature: a signed request's
 * {@code X-PowerAuth-Authorization} already names the version, application and activation.
 *
 * <p>Thread-safe, but single use.
 */
public final class PowerAuthEciesEncryptor {
    /** The header name, {@code X-PowerAuth-Encryption}. */
    public static final String HEADER_NAME = EncryptionHeader.HEADER_NAME;

    private final EciesEncryptor encryptor;
    private final EciesSecrets secrets;
    private final EncryptionHeader header;
    private final JsonCodec json;
    private final RandomSource random;
    private final LongSupplier serverTimeMs;

    /**
     * For the client's encryption service; hosts get encryptors from {@link EncryptionUseCase}.
     *
     * @param encryptor a fresh domain encryptor with its keys and parameters
     * @param secrets the encryptor's secrets, destroyed once the request is encrypted (null only for a resumed
     *     encryptor, as are {@code random} and {@code serverTimeMs})
     * @param header the header announcing the envelope's version, application and activation
     * @param json the JSON codec for envelope bodies
     * @param random the ephemeral keys' and nonces' randomness
     * @param serverTimeMs the estimated server time, for the request timestamp (3.2 and later)
     */
    public PowerAuthEciesEncryptor(EciesEncryptor encryptor, EciesSecrets secrets, EncryptionHeader header,
            JsonCodec json, RandomSource random, LongSupplier serverTimeMs) {
        this.encryptor = Objects.requireNonNull(encryptor, "encryptor");
        this.secrets = secrets;
        this.header = Objects.requireNonNull(header, "header");
        this.json = Objects.requireNonNull(json, "json");
        this.random = random;
        this.serverTimeMs = serverTimeMs;
    }

    /**
     * For {@link EncryptionUseCase#resumeEciesEncryptor}: an encryptor that awaits the response of a request
     * encrypted by another, in this process or an earlier one.
     *
     * @param context what {@link #exportContext()} produced; not retained
     * @param json the JSON codec for envelope bodies
     * @return the encryptor; it can only decrypt the one response
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the bytes are not a context
     */
    public static PowerAuthEciesEncryptor resume(SecretBytes context, JsonCodec json) {
        EncryptionHeader header = EncryptionHeader.parse(EciesEncryptor.contextLabel(context));
        return new PowerAuthEciesEncryptor(EciesEncryptor.resume(context), null, header, json, null, null);
    }

    /**
     * Hands the wait for the response over, for example to a later process (the CLI's {@code encrypt} and
     * {@code decrypt}): after the request was encrypted, returns what decrypts its response; this encryptor then
     * decrypts nothing more. The bytes hold the envelope keys: keep them only in encrypted storage, for as short
     * a time as the response takes.
     *
     * @return the context, for {@link EncryptionUseCase#resumeEciesEncryptor}
     * @throws IllegalStateException unless a request was encrypted and its response not yet decrypted
     */
    public SecretBytes exportContext() {
        return encryptor.exportAwaitingResponse(header.value());
    }

    /** @return {@link EciesScope#APPLICATION} or {@link EciesScope#ACTIVATION} */
    public EciesScope scope() {
        return header.scope();
    }

    /**
     * @return the {@code X-PowerAuth-Encryption} header:
     *     {@code PowerAuth version="3.3", application_key="…"[, activation_id="…"]}
     */
    public PowerAuthAuthorizationHttpHeader encryptionHeader() {
        return new PowerAuthAuthorizationHttpHeader(HEADER_NAME, header.value());
    }

    /**
     * @param plaintext the request body to protect (may be empty)
     * @return the request envelope, field by field
     * @throws IllegalStateException if this encryptor already encrypted a request
     */
    public EciesEncryptedRequest encryptRequest(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (secrets == null) {
            throw new IllegalStateException("a resumed encryptor only decrypts its response");
        }
        try {
            return encryptor.encryptRequest(plaintext, random.secureRandom(), serverTimeMs.getAsLong());
        } finally {
            secrets.destroy();
        }
    }

    /**
     * @param plaintext the request body to protect (may be empty)
     * @return the envelope as the JSON body to send
     * @throws IllegalStateException if this encryptor already encrypted a request
     */
    public byte[] encryptRequestBody(byte[] plaintext) {
        EciesEncryptedRequest request = encryptRequest(plaintext);
        Map<String, Object> map = new LinkedHashMap<>();
        if (request.temporaryKeyId() != null) {
            map.put("temporaryKeyId", request.temporaryKeyId());
        }
        map.put("ephemeralPublicKey", request.ephemeralPublicKey());
        map.put("encryptedData", request.encryptedData());
        map.put("mac", request.mac());
        if (request.nonce() != null) {
            map.put("nonce", request.nonce());
        }
        if (request.timestamp() != null) {
            map.put("timestamp", request.timestamp());
        }
        return json.write(map);
    }

    /**
     * Checks the response's MAC, then decrypts it.
     *
     * @param response the response envelope
     * @return the response plaintext
     * @throws InvalidServerResponseException if the envelope is malformed or does not authenticate
     * @throws IllegalStateException if no request was encrypted, or a response was already decrypted
     */
    public byte[] decryptResponse(EciesEncryptedResponse response) {
        Objects.requireNonNull(response, "response");
        try {
            return encryptor.decryptResponse(response);
        } catch (PowerAuthClientException e) {
            throw new InvalidServerResponseException("the encrypted response does not decrypt", e);
        }
    }

    /**
     * @param body the response body: the envelope JSON
     * @return the response plaintext
     * @throws InvalidServerResponseException if the body is not an envelope, or it does not authenticate
     * @throws IllegalStateException if no request was encrypted, or a response was already decrypted
     */
    public byte[] decryptResponseBody(byte[] body) {
        Objects.requireNonNull(body, "body");
        Map<String, Object> fields;
        try {
            fields = json.readObject(body);
        } catch (PowerAuthClientException | IllegalArgumentException e) {
            throw new InvalidServerResponseException("the encrypted response is not a JSON object", e);
        }
        return decryptResponse(new EciesEncryptedResponse(text(fields, "encryptedData", true),
                text(fields, "mac", true), text(fields, "nonce", false), number(fields, "timestamp")));
    }

    private static String text(Map<String, Object> fields, String name, boolean required) {
        Object value = fields.get(name);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidServerResponseException("the encrypted response has no text field " + name);
        }
        return s;
    }

    private static Long number(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        throw new InvalidServerResponseException("the encrypted response field " + name + " is not an integer");
    }

    @Override
    public String toString() {
        return "PowerAuthEciesEncryptor[" + header.scope() + ", " + header.version().wireValue() + "]";
    }
}
