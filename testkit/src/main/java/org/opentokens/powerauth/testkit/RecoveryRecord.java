package org.opentokens.powerauth.testkit;

/**
 * A recovery code with its PUK: handed out at an activation's key exchange (active at once, as the server's are
 * once the activation is), or sent by post (to be confirmed by the activation first). Used once.
 */
final class RecoveryRecord {
    private final String recoveryCode;
    private final String puk;
    private final ServerActivationRecord activation;
    private boolean confirmed;
    private boolean used;

    RecoveryRecord(String recoveryCode, String puk, ServerActivationRecord activation, boolean confirmed) {
        this.confirmed = confirmed;
        this.recoveryCode = recoveryCode;
        this.puk = puk;
        this.activation = activation;
    }

    String recoveryCode() {
        return recoveryCode;
    }

    String puk() {
        return puk;
    }

    ServerActivationRecord activation() {
        return activation;
    }

    synchronized boolean confirmed() {
        return confirmed;
    }

    /** @return whether it was confirmed before this call */
    synchronized boolean confirm() {
        boolean before = confirmed;
        confirmed = true;
        return before;
    }

    /** @return true the first time only */
    synchronized boolean use() {
        boolean first = !used;
        used = true;
        return first;
    }

    @Override
    public String toString() {
        return "RecoveryRecord[" + activation.activationId() + "]";
    }
}
