package org.opentokens.powerauth.testkit;

import java.security.KeyPair;
import java.security.PublicKey;
import javax.crypto.SecretKey;

/**
 * One activation's server-side state, which the emulator mutates; {@link EmulatorActivation} is the snapshot tests
 * read. Every read and write goes through {@code synchronized (this)}: callers that need several steps to be atomic
 * (verify a signature, then advance the counter) hold the monitor.
 */
final class ServerActivationRecord {

    private final String activationId;
    private final ApplicationRecord application;
    private final String activationCode;
    private final KeyPair serverKeyPair;

    private EmulatorActivationState state = EmulatorActivationState.CREATED;
    private int failedAttempts;
    private long counter;
    private byte[] ctrData;
    private String devicePublicKeyBase64;
    private PublicKey devicePublicKey;
    private SecretKey masterSecret;
    private SecretKey transportKey;
    private String protocolVersion;
    private String lastSignatureType;
    private V4ActivationKeys v4;
    private boolean confirmationPending;
    private boolean biometryEnabled;
    private EmulatorActivationOptions options = EmulatorActivationOptions.defaults();

    ServerActivationRecord(String activationId, ApplicationRecord application, String activationCode,
            KeyPair serverKeyPair) {
        this.activationId = activationId;
        this.application = application;
        this.activationCode = activationCode;
        this.serverKeyPair = serverKeyPair;
    }

    String activationId() {
        return activationId;
    }

    ApplicationRecord application() {
        return application;
    }

    String activationCode() {
        return activationCode;
    }

    KeyPair serverKeyPair() {
        return serverKeyPair;
    }

    synchronized EmulatorActivationState state() {
        return state;
    }

    synchronized void state(EmulatorActivationState newState) {
        this.state = newState;
    }

    synchronized int failedAttempts() {
        return failedAttempts;
    }

    synchronized long counter() {
        return counter;
    }

    synchronized byte[] ctrData() {
        return ctrData == null ? null : ctrData.clone();
    }

    synchronized SecretKey masterSecret() {
        return masterSecret;
    }

    synchronized PublicKey devicePublicKey() {
        return devicePublicKey;
    }

    synchronized SecretKey transportKey() {
        return transportKey;
    }

    synchronized EmulatorActivationOptions options() {
        return options;
    }

    synchronized void options(EmulatorActivationOptions newOptions) {
        this.options = newOptions;
    }

    /** Stores the result of the key exchange. */
    synchronized void keyExchange(PublicKey devicePublic, String devicePublicBase64, byte[] initialCtrData,
            String version, EmulatorActivationState newState) {
        this.devicePublicKeyBase64 = devicePublicBase64;
        this.devicePublicKey = devicePublic;
        this.masterSecret = WultraCrypto.masterSecret(serverKeyPair.getPrivate(), devicePublic);
        this.transportKey = WultraCrypto.transportKey(masterSecret);
        this.ctrData = initialCtrData.clone();
        this.counter = 0;
        this.failedAttempts = 0;
        this.protocolVersion = version;
        this.state = newState;
    }

    /** Stores the result of a 4.0 key exchange: the activation waits for the client's confirm. */
    synchronized void keyExchangeV4(V4ActivationKeys keys, byte[] initialCtrData, EmulatorActivationState newState) {
        this.v4 = keys;
        this.devicePublicKeyBase64 = keys.deviceEcBase64();
        this.ctrData = initialCtrData.clone();
        this.counter = 0;
        this.failedAttempts = 0;
        this.protocolVersion = V4Crypto.VERSION;
        this.confirmationPending = true;
        this.biometryEnabled = false;
        this.state = newState;
    }

    /** @return the 4.0 keys, or null for a 3.x activation or before key exchange */
    synchronized V4ActivationKeys v4() {
        return v4;
    }

    /** @return whether the key exchange was 4.0 */
    synchronized boolean isV4() {
        return v4 != null;
    }

    /** The client confirmed a 4.0 activation ({@code /pa/v4/activation/confirm}). */
    synchronized void confirm(boolean enableBiometry) {
        this.confirmationPending = false;
        this.biometryEnabled = this.biometryEnabled || enableBiometry;
    }

    /** Status-blob flags of a 4.0 activation: bit 0 confirmation pending, bit 3 biometry enabled. */
    synchronized byte statusFlags() {
        return (byte) ((confirmationPending ? 1 : 0) | (biometryEnabled ? 8 : 0));
    }

    /** A signature matched {@code steps - 1} values ahead: adopt the successor of the matched value. */
    synchronized void acceptSignature(byte[] nextCtrData, int steps, String signatureType, boolean resetsAttempts) {
        this.ctrData = nextCtrData.clone();
        this.counter += steps;
        this.lastSignatureType = signatureType;
        if (resetsAttempts) {
            this.failedAttempts = 0;
        }
    }

    /** Counts a failed attempt and blocks at the maximum. */
    synchronized void failAttempt(int maxFailedAttempts) {
        failedAttempts++;
        if (failedAttempts >= maxFailedAttempts && state == EmulatorActivationState.ACTIVE) {
            state = EmulatorActivationState.BLOCKED;
        }
    }

    /** ACTIVE with no failed attempts: commit and unblock. */
    synchronized void activate() {
        state = EmulatorActivationState.ACTIVE;
        failedAttempts = 0;
    }

    synchronized EmulatorActivation snapshot(int maxFailedAttempts) {
        return new EmulatorActivation(activationId, application.applicationId(), state, failedAttempts,
                maxFailedAttempts, counter, ctrData == null ? null : WultraCrypto.b64(ctrData),
                devicePublicKeyBase64, lastSignatureType, protocolVersion);
    }

    @Override
    public String toString() {
        return "ServerActivationRecord[" + activationId + "]";
    }
}
