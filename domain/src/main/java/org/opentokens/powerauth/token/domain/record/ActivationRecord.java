package org.opentokens.powerauth.token.domain.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.activation.ActivationState;
import org.opentokens.powerauth.token.domain.counter.HashCounter;
import org.opentokens.powerauth.token.domain.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * Everything stored about a committed activation, as one record: ids and public keys, the possession and
 * transport keys, the password-protected knowledge key, the optional host-protected biometry key, the
 * vault-encrypted device private key, the hash counter and the last state the server reported.
 *
 * <p>Immutable: {@link #withCounter} and {@link #withServerState} return new records, so the counter and the
 * rest are always written together. Getters return fresh copies of secrets, which the caller should destroy.
 * {@code toString} shows no secret; {@link #destroy()} wipes this record's copies (best effort).
 */
public final class ActivationRecord implements Destroyable {
    private static final byte[] MAGIC = "PAAC".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;

    private final String activationId;
    private final EcPublicKey serverPublicKey;
    private final EcPublicKey devicePublicKey;
    private final SecretBytes possessionKey;
    private final SecretBytes transportKey;
    private final SecretBytes protectedKnowledgeKey;
    private final SecretBytes knowledgeSalt;
    private final int knowledgeIterations;
    private final SecretBytes protectedBiometryKey;
    private final SecretBytes encryptedDevicePrivateKey;
    private final SecretBytes ctrData;
    private final int ctrByte;
    private final ActivationState serverState;

    ActivationRecord(ActivationRecordBuilder b) {
        this.activationId = Objects.requireNonNull(b.activationId, "activationId");
        this.serverPublicKey = Objects.requireNonNull(b.serverPublicKey, "serverPublicKey");
        this.devicePublicKey = Objects.requireNonNull(b.devicePublicKey, "devicePublicKey");
        this.possessionKey = Objects.requireNonNull(b.possessionKey, "possessionKey");
        this.transportKey = Objects.requireNonNull(b.transportKey, "transportKey");
        this.protectedKnowledgeKey = Objects.requireNonNull(b.protectedKnowledgeKey, "protectedKnowledgeKey");
        this.knowledgeSalt = Objects.requireNonNull(b.knowledgeSalt, "knowledgeSalt");
        this.knowledgeIterations = b.knowledgeIterations;
        this.protectedBiometryKey = b.protectedBiometryKey;
        this.encryptedDevicePrivateKey = Objects.requireNonNull(b.encryptedDevicePrivateKey, "encryptedDevicePrivateKey");
        this.ctrData = Objects.requireNonNull(b.ctrData, "ctrData");
        this.ctrByte = b.ctrByte;
        this.serverState = b.serverState;
        if (possessionKey.length() != SymmetricKey.LENGTH || transportKey.length() != SymmetricKey.LENGTH
                || protectedKnowledgeKey.length() != SymmetricKey.LENGTH || knowledgeSalt.length() != 16
                || (protectedBiometryKey != null && protectedBiometryKey.length() != SymmetricKey.LENGTH)
                || ctrData.length() != HashCounter.CTR_DATA_LENGTH || ctrByte < 0 || ctrByte > 255
                || knowledgeIterations < 1) {
            throw new MalformedDataException("activation record has a field of the wrong size");
        }
    }

    /** @return a builder for a new record */
    public static ActivationRecordBuilder builder() {
        return new ActivationRecordBuilder();
    }

    /** @return the activation id */
    public String activationId() {
        return activationId;
    }

    /** @return {@code KEY_SERVER_PUBLIC} */
    public EcPublicKey serverPublicKey() {
        return serverPublicKey;
    }

    /** @return the device public key */
    public EcPublicKey devicePublicKey() {
        return devicePublicKey;
    }

    /** @return a copy of the possession signature key */
    public SymmetricKey possessionKey() {
        return key(possessionKey);
    }

    /** @return a copy of {@code KEY_TRANSPORT} */
    public SymmetricKey transportKey() {
        return key(transportKey);
    }

    /** @return a copy of the password-protected knowledge key (16 bytes) */
    public byte[] protectedKnowledgeKey() {
        return protectedKnowledgeKey.copyBytes(InsecureSecretAccess.get());
    }

    /** @return a copy of the PBKDF2 salt (16 bytes) */
    public byte[] knowledgeSalt() {
        return knowledgeSalt.copyBytes(InsecureSecretAccess.get());
    }

    /** @return the PBKDF2 iteration count */
    public int knowledgeIterations() {
        return knowledgeIterations;
    }

    /** @return a copy of the host-protected biometry key, if biometry was set up */
    public Optional<byte[]> protectedBiometryKey() {
        return Optional.ofNullable(protectedBiometryKey).map(s -> s.copyBytes(InsecureSecretAccess.get()));
    }

    /** @return true if biometry was set up at commit */
    public boolean hasBiometry() {
        return protectedBiometryKey != null;
    }

    /** @return a copy of the vault-encrypted device private key */
    public byte[] encryptedDevicePrivateKey() {
        return encryptedDevicePrivateKey.copyBytes(InsecureSecretAccess.get());
    }

    /** @return a copy of the hash counter */
    public HashCounter counter() {
        byte[] raw = ctrData.copyBytes(InsecureSecretAccess.get());
        try {
            return HashCounter.of(raw, ctrByte);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** @return the last activation state the server reported, if any */
    public Optional<ActivationState> serverState() {
        return Optional.ofNullable(serverState);
    }

    /**
     * @param counter the new counter; copied
     * @return this record with the counter replaced
     */
    public ActivationRecord withCounter(HashCounter counter) {
        byte[] raw = counter.copyBytes(InsecureSecretAccess.get());
        ActivationRecordBuilder b = toBuilder();
        b.ctrData = SecretBytes.takeOwnership(raw);
        b.ctrByte = counter.ctrByte();
        return new ActivationRecord(b);
    }

    /**
     * @param state the state the server reported
     * @return this record with the server state replaced
     */
    public ActivationRecord withServerState(ActivationState state) {
        ActivationRecordBuilder b = toBuilder();
        b.serverState = Objects.requireNonNull(state, "state");
        return new ActivationRecord(b);
    }

    /**
     * @param protectedKey the knowledge key protected with the new password
     * @param salt the new PBKDF2 salt
     * @param iterations the PBKDF2 iteration count
     * @return this record with the password protection replaced, everything else (counter included) kept
     */
    public ActivationRecord withKnowledge(byte[] protectedKey, byte[] salt, int iterations) {
        ActivationRecordBuilder b = toBuilder();
        b.knowledge(protectedKey, salt, iterations);
        return new ActivationRecord(b);
    }

    /** @return the storage encoding; the caller should destroy it after use */
    public SecretBytes encode() {
        RecordWriter out = new RecordWriter(MAGIC, FORMAT_VERSION)
                .string(activationId)
                .bytes(serverPublicKey.uncompressed())
                .bytes(devicePublicKey.uncompressed());
        for (SecretBytes s : new SecretBytes[] {possessionKey, transportKey, protectedKnowledgeKey, knowledgeSalt}) {
            writeSecret(out, s);
        }
        out.i32(knowledgeIterations);
        writeSecret(out, protectedBiometryKey);
        writeSecret(out, encryptedDevicePrivateKey);
        writeSecret(out, ctrData);
        out.u8(ctrByte).u8(serverState == null ? 0 : serverState.code());
        return SecretBytes.takeOwnership(out.toByteArray());
    }

    /**
     * @param encoded what {@link #encode()} produced
     * @return the record
     * @throws MalformedDataException if the bytes are not a valid activation record of a known format
     */
    public static ActivationRecord decode(SecretBytes encoded) {
        byte[] data = encoded.copyBytes(InsecureSecretAccess.get());
        try {
            RecordReader in = new RecordReader(data, MAGIC, "activation");
            if (in.u8() != FORMAT_VERSION) {
                throw new MalformedDataException("activation record has an unsupported format version");
            }
            ActivationRecordBuilder b = new ActivationRecordBuilder();
            b.activationId = in.string("activation id");
            b.serverPublicKey = EcPublicKey.fromBytes(in.requiredBytes("server public key"));
            b.devicePublicKey = EcPublicKey.fromBytes(in.requiredBytes("device public key"));
            b.possessionKey = SecretBytes.takeOwnership(in.requiredBytes("possession key"));
            b.transportKey = SecretBytes.takeOwnership(in.requiredBytes("transport key"));
            b.protectedKnowledgeKey = SecretBytes.takeOwnership(in.requiredBytes("knowledge key"));
            b.knowledgeSalt = SecretBytes.takeOwnership(in.requiredBytes("knowledge salt"));
            b.knowledgeIterations = in.i32();
            byte[] biometry = in.bytes();
            b.protectedBiometryKey = biometry == null ? null : SecretBytes.takeOwnership(biometry);
            b.encryptedDevicePrivateKey = SecretBytes.takeOwnership(in.requiredBytes("device private key"));
            b.ctrData = SecretBytes.takeOwnership(in.requiredBytes("counter"));
            b.ctrByte = in.u8();
            int state = in.u8();
            in.end();
            b.serverState = state == 0 ? null : ActivationState.fromByte(state);
            return new ActivationRecord(b);
        } catch (IllegalArgumentException e) {
            throw new MalformedDataException("activation record has an invalid field", e);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    @Override
    public void destroy() {
        for (SecretBytes s : new SecretBytes[] {possessionKey, transportKey, protectedKnowledgeKey, knowledgeSalt,
                protectedBiometryKey, encryptedDevicePrivateKey, ctrData}) {
            if (s != null) {
                s.destroy();
            }
        }
    }

    @Override
    public boolean isDestroyed() {
        return possessionKey.isDestroyed();
    }

    @Override
    public String toString() {
        return "ActivationRecord[activationId=" + activationId + ", serverState=" + serverState
                + ", biometry=" + hasBiometry() + ", keys=<redacted>]";
    }

    private ActivationRecordBuilder toBuilder() {
        ActivationRecordBuilder b = new ActivationRecordBuilder();
        b.activationId = activationId;
        b.serverPublicKey = serverPublicKey;
        b.devicePublicKey = devicePublicKey;
        b.possessionKey = copy(possessionKey);
        b.transportKey = copy(transportKey);
        b.protectedKnowledgeKey = copy(protectedKnowledgeKey);
        b.knowledgeSalt = copy(knowledgeSalt);
        b.knowledgeIterations = knowledgeIterations;
        b.protectedBiometryKey = protectedBiometryKey == null ? null : copy(protectedBiometryKey);
        b.encryptedDevicePrivateKey = copy(encryptedDevicePrivateKey);
        b.ctrData = copy(ctrData);
        b.ctrByte = ctrByte;
        b.serverState = serverState;
        return b;
    }

    private static void writeSecret(RecordWriter out, SecretBytes s) {
        byte[] raw = s == null ? null : s.copyBytes(InsecureSecretAccess.get());
        try {
            out.bytes(raw);
        } finally {
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    private static SecretBytes copy(SecretBytes s) {
        return SecretBytes.takeOwnership(s.copyBytes(InsecureSecretAccess.get()));
    }

    private static SymmetricKey key(SecretBytes s) {
        byte[] raw = s.copyBytes(InsecureSecretAccess.get());
        try {
            return SymmetricKey.of(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static SecretBytes secret(SymmetricKey key) {
        return SecretBytes.takeOwnership(key.copyBytes(InsecureSecretAccess.get()));
    }
}
