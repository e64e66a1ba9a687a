package org.opentokens.powerauth.token.application.internal.encryption;

import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.opentokens.powerauth.token.application.internal.json.EnvelopeMaps;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthEciesEncryptor;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.out.RandomSource;

/** The encryptor {@link EncryptionService} hands out: one request, then one response. Thread-safe, single use. */
public final class SessionEciesEncryptor implements PowerAuthEciesEncryptor {
    private final EciesEncryptor encryptor;
    private final EciesSecrets secrets;
    private final EncryptionHeader header;
    private final JsonCodec json;
    private final RandomSource random;
    private final LongSupplier serverTimeMs;

    /**
     * For the encryption service; hosts get encryptors from {@code EncryptionUseCase}.
     *
     * @param encryptor a fresh domain encryptor with its keys and parameters
     * @param secrets the encryptor's secrets, destroyed once the request is encrypted (null only for a resumed
     *     encryptor, as are {@code random} and {@code serverTimeMs})
     * @param header the header announcing the envelope's version, application and activation
     * @param json the JSON codec for envelope bodies
     * @param random the ephemeral keys' and nonces' randomness
     * @param serverTimeMs the estimated server time, for the request timestamp (3.2 and later)
     */
    SessionEciesEncryptor(EciesEncryptor encryptor, EciesSecrets secrets, EncryptionHeader header,
            JsonCodec json, RandomSource random, LongSupplier serverTimeMs) {
        this.encryptor = Objects.requireNonNull(encryptor, "encryptor");
        this.secrets = secrets;
        this.header = Objects.requireNonNull(header, "header");
        this.json = Objects.requireNonNull(json, "json");
        this.random = random;
        this.serverTimeMs = serverTimeMs;
    }

    /**
     * For {@code EncryptionUseCase.resumeEciesEncryptor}: an encryptor that awaits the response of a request
     * encrypted by another, in this process or an earlier one.
     *
     * @param context what {@link #exportContext()} produced; not retained
     * @param json the JSON codec for envelope bodies
     * @return the encryptor; it can only decrypt the one response
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the bytes are not a context
     */
    static SessionEciesEncryptor resume(SecretBytes context, JsonCodec json) {
        EncryptionHeader header = EncryptionHeader.parse(EciesEncryptor.contextLabel(context));
        return new SessionEciesEncryptor(EciesEncryptor.resume(context), null, header, json, null, null);
    }

    @Override
    public SecretBytes exportContext() {
        return encryptor.exportAwaitingResponse(header.value());
    }

    @Override
    public EciesScope scope() {
        return header.scope();
    }

    @Override
    public PowerAuthAuthorizationHttpHeader encryptionHeader() {
        return new PowerAuthAuthorizationHttpHeader(HEADER_NAME, header.value());
    }

    @Override
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

    @Override
    public byte[] encryptRequestBody(byte[] plaintext) {
        return json.write(EnvelopeMaps.toMap(encryptRequest(plaintext)));
    }

    @Override
    public byte[] decryptResponse(EciesEncryptedResponse response) {
        Objects.requireNonNull(response, "response");
        try {
            return encryptor.decryptResponse(response);
        } catch (PowerAuthClientException e) {
            throw new InvalidServerResponseException("the encrypted response does not decrypt", e);
        }
    }

    @Override
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
