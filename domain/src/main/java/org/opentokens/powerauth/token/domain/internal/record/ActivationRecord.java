package org.opentokens.powerauth.token.domain.internal.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * Everything stored about a committed activation, as one record: ids, public keys, the protected signature keys, the
 * hash counter and the last server state. Immutable ({@link #withCounter}, {@link #withServerState}), so the counter
 * and the rest are always written together. A record is 3.x (format 1) or 4.0 (format 2, {@link #v4()}), so a stored
 * 4.0 activation reopens as 4.0 whatever the configuration; 3.x-only getters throw {@link IllegalStateException} on a
 * 4.0 record. Getters return fresh copies of secrets; {@code toString} shows none; {@link #destroy()} wipes this
 * record's copies (best effort).
 */
public final class ActivationRecord implements Destroyable {
    private static final byte[] MAGIC = "PAAC".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    private static final int FORMAT_VERSION_V4 = 2;

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
    private final V4ActivationData v4;

    ActivationRecord(ActivationRecordBuilder b) {
        this.v4 = b.v4;
        if (v4 != null) {
            this.activationId = Objects.requireNonNull(b.activationId, "activationId");
            this.serverPublicKey = null;
            this.devicePublicKey = null;
            this.possessionKey = null;
            this.transportKey = null;
            this.encryptedDevicePrivateKey = null;
            this.protectedKnowledgeKey = Objects.requireNonNull(b.protectedKnowledgeKey, "protectedKnowledgeKey");
            this.knowledgeSalt = Objects.requireNonNull(b.knowledgeSalt, "knowledgeSalt");
            this.knowledgeIterations = b.knowledgeIterations;
            this.protectedBiometryKey = b.protectedBiometryKey;
            this.ctrData = Objects.requireNonNull(b.ctrData, "ctrData");
            this.ctrByte = b.ctrByte;
            this.serverState = b.serverState;
            if (protectedKnowledgeKey.length() != V4SymmetricKey.LENGTH || knowledgeSalt.length() != 16
                    || (protectedBiometryKey != null && protectedBiometryKey.length() != V4SymmetricKey.LENGTH)
                    || ctrData.length() != V4HashCounter.CTR_DATA_LENGTH || ctrByte < 0 || ctrByte > 255
                    || knowledgeIterations < 1) {
                throw new MalformedDataException("activation record has a field of the wrong size");
            }
            return;
        }
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
        requireV3();
        return serverPublicKey;
    }

    /** @return the device public key */
    public EcPublicKey devicePublicKey() {
        requireV3();
        return devicePublicKey;
    }

    /** @return a copy of the possession signature key */
    public SymmetricKey possessionKey() {
        requireV3();
        return key(possessionKey);
    }

    /** @return a copy of {@code KEY_TRANSPORT} */
    public SymmetricKey transportKey() {
        requireV3();
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
        requireV3();
        return encryptedDevicePrivateKey.copyBytes(InsecureSecretAccess.get());
    }

    /** @return a copy of the hash counter */
    public HashCounter counter() {
        requireV3();
        byte[] raw = ctrData.copyBytes(InsecureSecretAccess.get());
        try {
            return HashCounter.of(raw, ctrByte);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** @return true for a protocol 4.0 activation */
    public boolean isV4() {
        return v4 != null;
    }

    /**
     * @return the 4.0 part of the record
     * @throws IllegalStateException for a 3.x activation
     */
    public V4ActivationData v4() {
        if (v4 == null) {
            throw new IllegalStateException("a 3.x activation has no 4.0 data");
        }
        return v4;
    }

    /**
     * @return a copy of the 4.0 hash counter (32 bytes of {@code ctrData})
     * @throws IllegalStateException for a 3.x activation
     */
    public V4HashCounter v4Counter() {
        v4();
        byte[] raw = ctrData.copyBytes(InsecureSecretAccess.get());
        try {
            return V4HashCounter.of(raw, ctrByte);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * @param counter the new 4.0 counter; copied
     * @return this record with the counter replaced
     * @throws IllegalStateException for a 3.x activation
     */
    public ActivationRecord withCounter(V4HashCounter counter) {
        v4();
        byte[] raw = counter.copyBytes(InsecureSecretAccess.get());
        ActivationRecordBuilder b = toBuilder();
        b.ctrData = SecretBytes.takeOwnership(raw);
        b.ctrByte = counter.ctrByte();
        return new ActivationRecord(b);
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
        requireV3();
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
        if (v4 != null) {
            RecordWriter out = new RecordWriter(MAGIC, FORMAT_VERSION_V4).string(activationId);
            v4.write(out);
            writeSecret(out, protectedKnowledgeKey);
            writeSecret(out, knowledgeSalt);
            out.i32(knowledgeIterations);
            writeSecret(out, protectedBiometryKey);
            writeSecret(out, ctrData);
            out.u8(ctrByte).u8(serverState == null ? 0 : serverState.code());
            return SecretBytes.takeOwnership(out.toByteArray());
        }
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
            int format = in.u8();
            if (format == FORMAT_VERSION_V4) {
                return decodeV4(in);
            }
            if (format != FORMAT_VERSION) {
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

    private static ActivationRecord decodeV4(RecordReader in) {
        ActivationRecordBuilder b = new ActivationRecordBuilder();
        b.activationId = in.string("activation id");
        b.v4 = V4ActivationData.read(in);
        b.protectedKnowledgeKey = SecretBytes.takeOwnership(in.requiredBytes("knowledge key"));
        b.knowledgeSalt = SecretBytes.takeOwnership(in.requiredBytes("knowledge salt"));
        b.knowledgeIterations = in.i32();
        byte[] biometry = in.bytes();
        b.protectedBiometryKey = biometry == null ? null : SecretBytes.takeOwnership(biometry);
        b.ctrData = SecretBytes.takeOwnership(in.requiredBytes("counter"));
        b.ctrByte = in.u8();
        int state = in.u8();
        in.end();
        b.serverState = state == 0 ? null : ActivationState.fromByte(state);
        return new ActivationRecord(b);
    }

    private void requireV3() {
        if (v4 != null) {
            throw new IllegalStateException("a 4.0 activation has no 3.x keys");
        }
    }

    @Override
    public void destroy() {
        if (v4 != null) {
            v4.destroy();
        }
        for (SecretBytes s : new SecretBytes[] {possessionKey, transportKey, protectedKnowledgeKey, knowledgeSalt,
                protectedBiometryKey, encryptedDevicePrivateKey, ctrData}) {
            if (s != null) {
                s.destroy();
            }
        }
    }

    @Override
    public boolean isDestroyed() {
        return protectedKnowledgeKey.isDestroyed();
    }

    @Override
    public String toString() {
        return "ActivationRecord[activationId=" + activationId + ", protocol="
                + (v4 == null ? "3.x" : "4.0 " + v4.algorithm()) + ", serverState=" + serverState
                + ", biometry=" + hasBiometry() + ", keys=<redacted>]";
    }

    private ActivationRecordBuilder toBuilder() {
        ActivationRecordBuilder b = new ActivationRecordBuilder();
        b.activationId = activationId;
        b.v4 = v4 == null ? null : v4.copy();
        b.serverPublicKey = serverPublicKey;
        b.devicePublicKey = devicePublicKey;
        b.possessionKey = possessionKey == null ? null : copy(possessionKey);
        b.transportKey = transportKey == null ? null : copy(transportKey);
        b.protectedKnowledgeKey = copy(protectedKnowledgeKey);
        b.knowledgeSalt = copy(knowledgeSalt);
        b.knowledgeIterations = knowledgeIterations;
        b.protectedBiometryKey = protectedBiometryKey == null ? null : copy(protectedBiometryKey);
        b.encryptedDevicePrivateKey = encryptedDevicePrivateKey == null ? null : copy(encryptedDevicePrivateKey);
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
