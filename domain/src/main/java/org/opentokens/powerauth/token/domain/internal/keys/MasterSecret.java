package org.opentokens.powerauth.token.domain.internal.keys;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPrivateKey;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;

/**
 * {@code KEY_MASTER_SECRET}: the 16-byte secret shared by the device and the server after activation,
 * {@code reduce(ECDH_X(devicePrivate, serverPublic))}.
 */
public final class MasterSecret {
    private MasterSecret() {
    }

    /**
     * Computes the master secret on the device side.
     *
     * @param devicePrivate the device private key
     * @param serverPublic the server public key received during activation
     * @return the master secret; destroy it once the activation keys are derived
     * @throws org.opentokens.powerauth.token.domain.error.InvalidPublicKeyException if ECDH yields the point at infinity
     */
    public static SymmetricKey compute(EcPrivateKey devicePrivate, EcPublicKey serverPublic) {
        Objects.requireNonNull(devicePrivate, "devicePrivate");
        Objects.requireNonNull(serverPublic, "serverPublic");
        byte[] shared = P256.sharedSecret(devicePrivate, serverPublic);
        byte[] reduced = null;
        try {
            reduced = Bytes.reduce(shared);
            return SymmetricKey.of(reduced);
        } finally {
            Bytes.wipe(shared);
            Bytes.wipe(reduced);
        }
    }
}
