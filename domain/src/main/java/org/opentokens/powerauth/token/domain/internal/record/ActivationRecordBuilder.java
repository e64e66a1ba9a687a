package org.opentokens.powerauth.token.domain.internal.record;

import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/** Collects the parts of a new {@link ActivationRecord}; every setter copies what it is given. */
public final class ActivationRecordBuilder {
    String activationId;
    EcPublicKey serverPublicKey;
    EcPublicKey devicePublicKey;
    SecretBytes possessionKey;
    SecretBytes transportKey;
    SecretBytes protectedKnowledgeKey;
    SecretBytes knowledgeSalt;
    int knowledgeIterations;
    SecretBytes protectedBiometryKey;
    SecretBytes encryptedDevicePrivateKey;
    SecretBytes ctrData;
    int ctrByte;
    ActivationState serverState;
    V4ActivationData v4;

    ActivationRecordBuilder() {
    }

    /** @param id activation id @return this */
    public ActivationRecordBuilder activationId(String id) {
        this.activationId = id;
        return this;
    }

    /** @param server {@code KEY_SERVER_PUBLIC} @param device device public key @return this */
    public ActivationRecordBuilder publicKeys(EcPublicKey server, EcPublicKey device) {
        this.serverPublicKey = server;
        this.devicePublicKey = device;
        return this;
    }

    /** @param possession possession key @param transport transport key @return this */
    public ActivationRecordBuilder keys(SymmetricKey possession, SymmetricKey transport) {
        this.possessionKey = secret(possession);
        this.transportKey = secret(transport);
        return this;
    }

    /**
     * @param protectedKey the knowledge key protected with the password
     * @param salt the PBKDF2 salt
     * @param iterations the PBKDF2 iteration count
     * @return this
     */
    public ActivationRecordBuilder knowledge(byte[] protectedKey, byte[] salt, int iterations) {
        this.protectedKnowledgeKey = SecretBytes.copyOf(protectedKey);
        this.knowledgeSalt = SecretBytes.copyOf(salt);
        this.knowledgeIterations = iterations;
        return this;
    }

    /** @param protectedKey the biometry key protected with the host's key, or null @return this */
    public ActivationRecordBuilder biometry(byte[] protectedKey) {
        this.protectedBiometryKey = protectedKey == null ? null : SecretBytes.copyOf(protectedKey);
        return this;
    }

    /** @param encrypted the vault-encrypted device private key @return this */
    public ActivationRecordBuilder encryptedDevicePrivateKey(byte[] encrypted) {
        this.encryptedDevicePrivateKey = SecretBytes.copyOf(encrypted);
        return this;
    }

    /** @param counter the hash counter; copied @return this */
    public ActivationRecordBuilder counter(HashCounter counter) {
        this.ctrData = SecretBytes.takeOwnership(counter.copyBytes(InsecureSecretAccess.get()));
        this.ctrByte = counter.ctrByte();
        return this;
    }

    /**
     * Makes this a protocol 4.0 record: no 3.x public keys, possession/transport keys or vault are set then.
     *
     * @param data the 4.0 data; copied
     * @return this
     */
    public ActivationRecordBuilder v4(V4ActivationData data) {
        this.v4 = data.copy();
        return this;
    }

    /** @param counter the 4.0 hash counter; copied @return this */
    public ActivationRecordBuilder counter(org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter counter) {
        this.ctrData = SecretBytes.takeOwnership(counter.copyBytes(InsecureSecretAccess.get()));
        this.ctrByte = counter.ctrByte();
        return this;
    }

    /** @param state the last server state, or null @return this */
    public ActivationRecordBuilder serverState(ActivationState state) {
        this.serverState = state;
        return this;
    }

    /**
     * @return the record
     * @throws NullPointerException if a required part is missing
     * @throws MalformedDataException if a part has the wrong size
     */
    public ActivationRecord build() {
        return new ActivationRecord(this);
    }

    private static SecretBytes secret(SymmetricKey key) {
        return SecretBytes.takeOwnership(key.copyBytes(InsecureSecretAccess.get()));
    }
}
