package org.opentokens.powerauth.token.port.in;

import java.util.Objects;

/**
 * The recovery code and PUK the server hands out at activation, when recovery codes are enabled for the
 * application: with them the user can later activate another device ({@link PowerAuthActivation#recoveryBuilder})
 * after this one is lost. They are shown once: the client never stores them; a host that needs them later stores
 * them itself. Redacted {@code toString}.
 */
public final class PowerAuthRecoveryData {
    private final String recoveryCode;
    private final String puk;

    /**
     * @param recoveryCode the recovery code, {@code XXXXX-XXXXX-XXXXX-XXXXX}
     * @param puk the 10-digit PUK
     */
    public PowerAuthRecoveryData(String recoveryCode, String puk) {
        this.recoveryCode = Objects.requireNonNull(recoveryCode, "recoveryCode");
        this.puk = Objects.requireNonNull(puk, "puk");
    }

    /** @return the recovery code */
    public String recoveryCode() {
        return recoveryCode;
    }

    /** @return the PUK */
    public String puk() {
        return puk;
    }

    @Override
    public String toString() {
        return "PowerAuthRecoveryData[redacted]";
    }
}
