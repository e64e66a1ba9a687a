package org.opentokens.powerauth.token.domain.internal.ecies;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Aes;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.HmacSha256Key;
import org.opentokens.powerauth.token.domain.internal.crypto.Kdf;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * The client side of one ECIES request/response exchange.
 *
 * <p>Create one per request, call {@link #encryptRequest} once, then {@link #decryptResponse} once. The envelope
 * keys live only between these two calls and are wiped afterwards. Instances are safe to share between threads
 * but single use.
 */
public final class EciesEncryptor {
    private static final int NONCE_LENGTH = 16;
    private static final int ENVELOPE_KEY_LENGTH = 48;
    private static final String CONTEXT_MAGIC = "PAEC1";
    private static final int CONTEXT_ITEMS = 9;

    private enum State { NEW, AWAITING_RESPONSE, FINISHED }

    private final ProtocolVersion version;
    private final String temporaryKeyId;
    private final EciesSecrets secrets;
    private final EphemeralKeyEncoding encoding;
    private final byte[] sharedInfo1;
    private final byte[] associatedData;

    private State state = State.NEW;
    private EnvelopeKey envelopeKey;
    private byte[] requestNonce;
    private byte[] sharedInfo2Base;

    private EciesEncryptor(ProtocolVersion version, byte[] associatedData) {
        this.version = version;
        this.temporaryKeyId = null;
        this.secrets = null;
        this.encoding = null;
        this.sharedInfo1 = null;
        this.associatedData = associatedData;
    }

    private EciesEncryptor(EciesEncryptorId id, EciesParameters parameters, EciesSecrets secrets,
                           EphemeralKeyEncoding encoding) {
        this.version = parameters.version();
        this.temporaryKeyId = parameters.temporaryKeyId();
        this.secrets = secrets;
        this.encoding = encoding;
        this.sharedInfo1 = id.sharedInfo1(version);
        this.associatedData = associatedData(id.scope(), parameters);
    }

    /**
     * Creates an encryptor that sends a compressed ephemeral key, like the mobile SDK.
     *
     * @param id the purpose of the exchange
     * @param parameters version, application key and IDs
     * @param secrets the encryption public key and {@code SH2_BASE} of the same scope as {@code id}
     * @return a fresh encryptor
     * @throws MalformedDataException if the scopes of {@code id}, {@code parameters} and {@code secrets} disagree
     */
    public static EciesEncryptor create(EciesEncryptorId id, EciesParameters parameters, EciesSecrets secrets) {
        return create(id, parameters, secrets, EphemeralKeyEncoding.COMPRESSED);
    }

    /**
     * @param id the purpose of the exchange
     * @param parameters version, application key and IDs
     * @param secrets the encryption public key and {@code SH2_BASE} of the same scope as {@code id}
     * @param encoding how to send the ephemeral public key
     * @return a fresh encryptor
     * @throws MalformedDataException if the scopes of {@code id}, {@code parameters} and {@code secrets} disagree
     */
    public static EciesEncryptor create(EciesEncryptorId id, EciesParameters parameters, EciesSecrets secrets,
                                        EphemeralKeyEncoding encoding) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(encoding, "encoding");
        if (secrets.scope() != id.scope()) {
            throw new MalformedDataException(id + " needs " + id.scope() + " secrets, got " + secrets.scope());
        }
        if (parameters.scope() != id.scope()) {
            throw new MalformedDataException(id + " is " + id.scope()
                    + " scope: activationId must be " + (id.scope() == EciesScope.ACTIVATION ? "set" : "null"));
        }
        return new EciesEncryptor(id, parameters, secrets, encoding);
    }

    /**
     * Encrypts a request body with a fresh ephemeral key.
     *
     * @param plaintext the bytes to encrypt (may be empty)
     * @param random randomness for the ephemeral key and the request nonce
     * @param timestampMs the request time in Unix milliseconds; sent and authenticated from 3.2 on, ignored before
     * @return the request envelope
     * @throws IllegalStateException if this encryptor already encrypted a request
     */
    public synchronized EciesEncryptedRequest encryptRequest(byte[] plaintext, SecureRandom random, long timestampMs) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(random, "random");
        if (state != State.NEW) {
            throw new IllegalStateException("an ECIES encryptor encrypts one request only");
        }
        state = State.FINISHED;
        EcKeyPair ephemeral = P256.generateKeyPair(random);
        byte[] ephemeralKey = encoding == EphemeralKeyEncoding.COMPRESSED
                ? ephemeral.publicKey().compressed() : ephemeral.publicKey().uncompressed();
        byte[] z = P256.sharedSecret(ephemeral.privateKey(), secrets.encryptionPublicKey());
        ephemeral.privateKey().destroy();
        byte[] derived = Kdf.x963(z, Bytes.concat(sharedInfo1, ephemeralKey), ENVELOPE_KEY_LENGTH);
        Bytes.wipe(z);
        EnvelopeKey key = new EnvelopeKey(derived);
        byte[] base = secrets.copySharedInfo2Base(InsecureSecretAccess.get());
        byte[] nonce = null;
        if (version.usesEciesNonce()) {
            nonce = new byte[NONCE_LENGTH];
            random.nextBytes(nonce);
        }
        Long timestamp = version.usesEciesTimestamp() ? timestampMs : null;
        byte[] iv = key.iv(nonce);
        byte[] ciphertext = Aes.cbcEncryptPadded(key.enc, iv, plaintext);
        byte[] sharedInfo2 = sharedInfo2(base, nonce, timestamp, ephemeralKey);
        byte[] mac = HmacSha256Key.compute(key.mac, ciphertext, sharedInfo2);
        this.envelopeKey = key;
        this.requestNonce = nonce;
        this.sharedInfo2Base = base;
        this.state = State.AWAITING_RESPONSE;
        return new EciesEncryptedRequest(
                version.usesTemporaryKeys() ? temporaryKeyId : null,
                B64.encode(ephemeralKey),
                B64.encode(ciphertext),
                B64.encode(mac),
                nonce == null ? null : B64.encode(nonce),
                timestamp);
    }

    /**
     * Checks the MAC of the response, in constant time and before decrypting, then decrypts it.
     *
     * @param response the response envelope
     * @return the plaintext
     * @throws IllegalStateException if no request was encrypted or a response was already processed
     * @throws MalformedDataException if a field is missing, not Base64, of the wrong length, or present when the
     *     version forbids it (nonce and timestamp before 3.2)
     * @throws CryptoFailureException with {@code MAC_MISMATCH} if the MAC does not verify, or {@code BAD_PADDING}
     */
    public synchronized byte[] decryptResponse(EciesEncryptedResponse response) {
        Objects.requireNonNull(response, "response");
        if (state != State.AWAITING_RESPONSE) {
            throw new IllegalStateException("an ECIES encryptor decrypts one response after one request");
        }
        state = State.FINISHED;
        EnvelopeKey key = envelopeKey;
        byte[] base = sharedInfo2Base;
        envelopeKey = null;
        sharedInfo2Base = null;
        try {
            return decrypt(key, base, response);
        } finally {
            key.wipe();
            Bytes.wipe(base);
        }
    }

    /**
     * Hands the context that decrypts the response over to a later process: the envelope keys, the request
     * nonce, {@code SH2_BASE} and the associated data. This encryptor then decrypts nothing more, so the
     * response is decrypted once, by whoever resumes the context. The bytes are secret: keep them only in
     * encrypted storage, and destroy them after {@link #resume}.
     *
     * @return the context
     * @throws IllegalStateException unless a request was encrypted and its response not yet processed
     */
    public SecretBytes exportAwaitingResponse() {
        return exportAwaitingResponse("");
    }

    /**
     * As {@link #exportAwaitingResponse()}, with a label kept beside the context (not secret, such as the
     * encryption header the request went with); {@link #contextLabel} reads it back.
     *
     * @param label the label
     * @return the context
     */
    public synchronized SecretBytes exportAwaitingResponse(String label) {
        Objects.requireNonNull(label, "label");
        if (state != State.AWAITING_RESPONSE) {
            throw new IllegalStateException("only an encryptor awaiting its response can hand it over");
        }
        state = State.FINISHED;
        EnvelopeKey key = envelopeKey;
        byte[] base = sharedInfo2Base;
        envelopeKey = null;
        sharedInfo2Base = null;
        try {
            return SecretBytes.takeOwnership(Bytes.concatWithSizes(Bytes.utf8(CONTEXT_MAGIC),
                    Bytes.utf8(version.wireValue()), key.enc, key.mac, key.iv, requestNonce, base, associatedData,
                    Bytes.utf8(label)));
        } finally {
            key.wipe();
            Bytes.wipe(base);
        }
    }

    /**
     * @param context what {@link #exportAwaitingResponse()} produced; not retained
     * @return an encryptor awaiting that response, which can only {@link #decryptResponse}
     * @throws MalformedDataException if the bytes are not such a context
     */
    public static EciesEncryptor resume(SecretBytes context) {
        Objects.requireNonNull(context, "context");
        byte[] data = context.copyBytes(InsecureSecretAccess.get());
        try {
            byte[][] items = Bytes.splitWithSizes(data, CONTEXT_ITEMS);
            if (!CONTEXT_MAGIC.equals(new String(items[0], java.nio.charset.StandardCharsets.UTF_8))
                    || items[2].length != 16 || items[3].length != 16 || items[4].length != 16
                    || items[6].length != 32) {
                throw new MalformedDataException("not an ECIES response context");
            }
            ProtocolVersion version;
            try {
                version = ProtocolVersion.fromWireValue(new String(items[1], java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new MalformedDataException("ECIES response context has an unknown version", e);
            }
            EciesEncryptor resumed = new EciesEncryptor(version, items[7].length == 0 ? null : items[7]);
            byte[] derived = Bytes.concat(items[2], items[3], items[4]);
            resumed.envelopeKey = new EnvelopeKey(derived);
            resumed.requestNonce = items[5].length == 0 ? null : items[5];
            resumed.sharedInfo2Base = items[6];
            resumed.state = State.AWAITING_RESPONSE;
            Bytes.wipe(items[2]);
            Bytes.wipe(items[3]);
            Bytes.wipe(items[4]);
            return resumed;
        } finally {
            Bytes.wipe(data);
        }
    }

    /**
     * @param context what {@link #exportAwaitingResponse(String)} produced; not retained
     * @return its label
     * @throws MalformedDataException if the bytes are not such a context
     */
    public static String contextLabel(SecretBytes context) {
        byte[] data = context.copyBytes(InsecureSecretAccess.get());
        try {
            byte[][] items = Bytes.splitWithSizes(data, CONTEXT_ITEMS);
            for (int i = 2; i < 8; i++) {
                Bytes.wipe(items[i]);
            }
            return new String(items[8], java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            Bytes.wipe(data);
        }
    }

    private byte[] decrypt(EnvelopeKey key, byte[] base, EciesEncryptedResponse response) {
        byte[] mac = B64.decode(response.mac(), "mac", HmacSha256Key.LENGTH);
        byte[] ciphertext = B64.decode(response.encryptedData(), "encryptedData");
        if (ciphertext.length == 0 || ciphertext.length % Aes.BLOCK != 0) {
            throw new MalformedDataException("encryptedData length must be a positive multiple of 16");
        }
        byte[] nonce;
        Long timestamp;
        if (version.usesEciesTimestamp()) {
            nonce = B64.decode(response.nonce(), "response nonce", NONCE_LENGTH);
            timestamp = response.timestamp();
            if (timestamp == null) {
                throw new MalformedDataException("response timestamp is required for protocol " + version);
            }
        } else {
            if (response.nonce() != null || response.timestamp() != null) {
                throw new MalformedDataException("response nonce and timestamp are not used in protocol " + version);
            }
            nonce = requestNonce;
            timestamp = null;
        }
        byte[] expected = HmacSha256Key.compute(key.mac, ciphertext, sharedInfo2(base, nonce, timestamp, null));
        if (!Bytes.constantTimeEquals(expected, mac)) {
            throw new CryptoFailureException(CryptoFailureException.Reason.MAC_MISMATCH, "ECIES response MAC mismatch");
        }
        return Aes.cbcDecryptPadded(key.enc, key.iv(nonce), ciphertext);
    }

    private byte[] sharedInfo2(byte[] base, byte[] nonce, Long timestamp, byte[] ephemeralKey) {
        if (!version.usesEciesTimestamp()) {
            return base;
        }
        return Bytes.concatWithSizes(base, nonce, Bytes.be64(timestamp), ephemeralKey, associatedData);
    }

    private static byte[] associatedData(EciesScope scope, EciesParameters p) {
        ProtocolVersion v = p.version();
        if (!v.usesEciesTimestamp()) {
            return null;
        }
        String version = v.wireValue();
        boolean activation = scope == EciesScope.ACTIVATION;
        if (v.usesTemporaryKeys()) {
            return activation
                    ? Bytes.concatStringsWithSizes(version, p.applicationKey(), p.activationId(), p.temporaryKeyId())
                    : Bytes.concatStringsWithSizes(version, p.applicationKey(), p.temporaryKeyId());
        }
        return activation
                ? Bytes.concatStringsWithSizes(version, p.applicationKey(), p.activationId())
                : Bytes.concatStringsWithSizes(version, p.applicationKey());
    }

    @Override
    public String toString() {
        return "EciesEncryptor[" + version + ", " + state + "]";
    }

    /** KEY_ENC, KEY_MAC and KEY_IV cut from the 48-byte X9.63 output. */
    private static final class EnvelopeKey {
        final byte[] enc;
        final byte[] mac;
        final byte[] iv;

        EnvelopeKey(byte[] derived) {
            enc = Arrays.copyOfRange(derived, 0, 16);
            mac = Arrays.copyOfRange(derived, 16, 32);
            iv = Arrays.copyOfRange(derived, 32, 48);
            Bytes.wipe(derived);
        }

        byte[] iv(byte[] nonce) {
            return nonce == null ? Aes.zeroIv() : Kdf.internal(iv, nonce);
        }

        void wipe() {
            Bytes.wipe(enc);
            Bytes.wipe(mac);
            Bytes.wipe(iv);
        }
    }
}
