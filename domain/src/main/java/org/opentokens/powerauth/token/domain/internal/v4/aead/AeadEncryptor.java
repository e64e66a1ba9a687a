package org.opentokens.powerauth.token.domain.internal.v4.aead;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;

/**
 * The client side of one 4.0 envelope exchange: each {@code encryptRequest} seals with {@code n1} of a fresh
 * {@code nonce24 = n1 || n2} and the following {@code decryptResponse} opens only a response sealed with {@code n2}.
 * The exact key context and associated data are in {@code docs/protocol-v4-decisions.md}. Methods are synchronized;
 * the encryptor holds copies of the secrets until {@link #destroy()}.
 */
public final class AeadEncryptor {
    /** Length of the request nonce. */
    public static final int REQUEST_NONCE_LENGTH = 24;

    private final AeadEncryptorId id;
    private final AeadParameters parameters;
    private final AeadSecrets secrets;
    private byte[] requestNonce;

    private AeadEncryptor(AeadEncryptorId id, AeadParameters parameters, AeadSecrets secrets) {
        this.id = id;
        this.parameters = parameters;
        this.secrets = secrets;
    }

    /**
     * @param id the encryptor (sharedInfo1 and scope)
     * @param parameters application key, activation ID (activation scope), temporary key ID
     * @param secrets envelope key and sharedInfo2 of the same scope; the encryptor keeps a copy
     * @return the encryptor
     * @throws IllegalArgumentException if the scopes of {@code id}, {@code parameters} and {@code secrets} differ
     */
    public static AeadEncryptor create(AeadEncryptorId id, AeadParameters parameters, AeadSecrets secrets) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(secrets, "secrets");
        if (id.scope() != parameters.scope() || id.scope() != secrets.scope()) {
            throw new IllegalArgumentException("encryptor " + id + " needs " + id.scope()
                    + "-scope parameters and secrets");
        }
        return new AeadEncryptor(id, parameters, AeadSecrets.copyOf(secrets));
    }

    /**
     * @param plaintext the request plaintext (e.g. UTF-8 JSON, {@code {}} when empty)
     * @param random where the 24-byte nonce comes from
     * @param timestampMs the server-synchronized time in milliseconds
     * @return the encrypted request
     */
    public synchronized AeadEncryptedRequest encryptRequest(byte[] plaintext, SecureRandom random, long timestampMs) {
        Objects.requireNonNull(random, "random");
        byte[] nonce = new byte[REQUEST_NONCE_LENGTH];
        do {
            random.nextBytes(nonce);
        } while (Arrays.equals(nonce, 0, 12, nonce, 12, 24));
        return encryptRequest(plaintext, nonce, timestampMs);
    }

    /**
     * @param plaintext the request plaintext
     * @param nonce24 24 fresh random bytes whose halves differ; copied
     * @param timestampMs the server-synchronized time in milliseconds
     * @return the encrypted request
     * @throws MalformedDataException if the nonce is not 24 bytes or its halves are equal
     */
    public synchronized AeadEncryptedRequest encryptRequest(byte[] plaintext, byte[] nonce24, long timestampMs) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(nonce24, "nonce24");
        if (nonce24.length != REQUEST_NONCE_LENGTH) {
            throw new MalformedDataException("request nonce must be 24 bytes, got " + nonce24.length);
        }
        if (Arrays.equals(nonce24, 0, 12, nonce24, 12, 24)) {
            throw new MalformedDataException("request nonce halves must differ");
        }
        byte[] nonce = nonce24.clone();
        byte[] sealed = Aead.seal(secrets.envelopeKey(), keyContext(nonce), Arrays.copyOf(nonce, 12),
                finalAssociatedData(timestampMs, nonce), plaintext);
        requestNonce = nonce;
        return new AeadEncryptedRequest(parameters.temporaryKeyId(), B64.encode(sealed), B64.encode(nonce), timestampMs);
    }

    /**
     * @param response the encrypted response to the last request
     * @return the plaintext
     * @throws IllegalStateException if no request was encrypted yet
     * @throws MalformedDataException if the data is not Base64 of at least 44 bytes or the timestamp is missing
     * @throws CryptoFailureException with {@code MAC_MISMATCH} if the response is sealed with another nonce or does
     *     not verify
     */
    public synchronized byte[] decryptResponse(AeadEncryptedResponse response) {
        Objects.requireNonNull(response, "response");
        if (requestNonce == null) {
            throw new IllegalStateException("decryptResponse needs a request encrypted first");
        }
        if (response.timestamp() == null) {
            throw new MalformedDataException("encrypted response has no timestamp");
        }
        byte[] sealed = B64.decode(response.encryptedData(), "encryptedData");
        byte[] nonce = Aead.nonceOf(sealed);
        if (!Arrays.equals(nonce, 0, 12, requestNonce, 12, 24)) {
            throw new CryptoFailureException(CryptoFailureException.Reason.MAC_MISMATCH,
                    "response is not sealed with this request's response nonce");
        }
        return Aead.open(secrets.envelopeKey(), keyContext(requestNonce),
                finalAssociatedData(response.timestamp(), requestNonce), sealed);
    }

    /** @return the encryptor ID */
    public AeadEncryptorId id() {
        return id;
    }

    /** @return the public parameters */
    public AeadParameters parameters() {
        return parameters;
    }

    /** Wipes the encryptor's copy of the secrets. */
    public synchronized void destroy() {
        secrets.destroy();
    }

    @Override
    public String toString() {
        return "AeadEncryptor[" + id + ", temporaryKeyId=" + parameters.temporaryKeyId() + "]";
    }

    private byte[] keyContext(byte[] nonce24) {
        return Bytes.concat(id.sharedInfo1(), nonce24);
    }

    private byte[] finalAssociatedData(long timestampMs, byte[] nonce24) {
        byte[] sh2 = secrets.sharedInfo2();
        try {
            return Bytes.concat(parameters.associatedData(),
                    Bytes.concatWithSizes(Bytes.be64(timestampMs), nonce24, sh2));
        } finally {
            Bytes.wipe(sh2);
        }
    }
}
