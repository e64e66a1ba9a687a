package org.opentokens.powerauth.token.port.in;

import org.opentokens.powerauth.token.application.internal.V4Settings;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/**
 * The protocol a client instance creates new activations with: one of the 3.x versions ({@link ProtocolVersion})
 * or 4.0, which also needs an algorithm and the 4.0 master keys ({@link V4Settings}). A stored activation keeps
 * the protocol it was created with.
 */
public enum ClientProtocolVersion {
    /** Protocol 3.0. */
    V3_0(ProtocolVersion.V3_0),
    /** Protocol 3.1. */
    V3_1(ProtocolVersion.V3_1),
    /** Protocol 3.2. */
    V3_2(ProtocolVersion.V3_2),
    /** Protocol 3.3, the 3.x default. */
    V3_3(ProtocolVersion.V3_3),
    /** Protocol 4.0 (PowerAuth Server 2.x, {@code /pa/v4}). */
    V4_0(null);

    private final ProtocolVersion v3;

    ClientProtocolVersion(ProtocolVersion v3) {
        this.v3 = v3;
    }

    /** @return true for 4.0 */
    public boolean isV4() {
        return v3 == null;
    }

    /** @return the 3.x version, or {@link ProtocolVersion#DEFAULT} for 4.0 (what 3.x activations of it would use) */
    public ProtocolVersion v3() {
        return v3 == null ? ProtocolVersion.DEFAULT : v3;
    }

    /** @return the wire value, for example {@code "4.0"} */
    public String wireValue() {
        return v3 == null ? "4.0" : v3.wireValue();
    }

    /**
     * @param value {@code "3.0"} to {@code "3.3"} or {@code "4.0"}
     * @return the version
     * @throws MalformedDataException for anything else
     */
    public static ClientProtocolVersion fromWireValue(String value) {
        if (value != null) {
            for (ClientProtocolVersion v : values()) {
                if (v.wireValue().equals(value)) {
                    return v;
                }
            }
        }
        throw new MalformedDataException("unsupported protocol version: expected one of 3.0, 3.1, 3.2, 3.3, 4.0");
    }

    /**
     * @param version a 3.x version
     * @return the same version as a client protocol version
     */
    public static ClientProtocolVersion of(ProtocolVersion version) {
        return valueOf(version.name());
    }

    @Override
    public String toString() {
        return wireValue();
    }
}
