package org.opentokens.powerauth.token.domain;

import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/**
 * PowerAuth protocol versions 3.0 to 3.3 and the behaviour that differs between them.
 *
 * <p>{@link #V3_3} is the default and the only version current mobile SDKs send.
 */
public enum ProtocolVersion {
    /** Hash counter, DECIMAL online signatures, ECIES with a zero IV. */
    V3_0("3.0"),
    /** BASE64 online signatures, ECIES request nonce, status blob with counter resync data. */
    V3_1("3.1"),
    /** ECIES timestamps, separate response nonce, associated data; token digest binds the version. */
    V3_2("3.2"),
    /** ECIES to temporary keys from the keystore endpoint. */
    V3_3("3.3");

    /** The version used when none is configured. */
    public static final ProtocolVersion DEFAULT = V3_3;

    private final String wireValue;

    ProtocolVersion(String wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the string sent on the wire, for example {@code "3.3"} */
    public String wireValue() {
        return wireValue;
    }

    /**
     * Parses a wire value.
     *
     * @param value a version string such as {@code "3.2"}
     * @return the version
     * @throws MalformedDataException if the value is null or not one of 3.0, 3.1, 3.2, 3.3
     */
    public static ProtocolVersion fromWireValue(String value) {
        if (value != null) {
            for (ProtocolVersion v : values()) {
                if (v.wireValue.equals(value)) {
                    return v;
                }
            }
        }
        throw new MalformedDataException("unsupported protocol version: expected one of 3.0, 3.1, 3.2, 3.3");
    }

    /** @return true when online signatures use the BASE64 format (3.1 and later); 3.0 uses DECIMAL */
    public boolean usesBase64Signature() {
        return this != V3_0;
    }

    /** @return true when ECIES requests carry a nonce that derives the IV (3.1 and later) */
    public boolean usesEciesNonce() {
        return this != V3_0;
    }

    /** @return true when ECIES messages carry timestamps, response nonces and associated data (3.2 and later) */
    public boolean usesEciesTimestamp() {
        return this == V3_2 || this == V3_3;
    }

    /** @return true when ECIES encrypts to temporary keys (3.3) */
    public boolean usesTemporaryKeys() {
        return this == V3_3;
    }

    /** @return true when the token digest includes {@code "&" + version} (3.2 and later) */
    public boolean bindsVersionInTokenDigest() {
        return usesEciesTimestamp();
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
