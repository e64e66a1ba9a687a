package org.opentokens.powerauth.token.domain.internal.signature;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.ProtocolVersion;

/** How signature components are rendered as text. */
public enum SignatureFormat {
    /** Base64 of the last 16 bytes of each component, concatenated (online signatures, 3.1 and later). */
    BASE64,
    /** Decimal digits per component, joined by {@code '-'} (online signatures in 3.0, and offline signatures). */
    DECIMAL;

    /**
     * @param version the protocol version of the request
     * @return the online signature format for that version: DECIMAL for 3.0, BASE64 otherwise
     */
    public static SignatureFormat forVersion(ProtocolVersion version) {
        Objects.requireNonNull(version, "version");
        return version.usesBase64Signature() ? BASE64 : DECIMAL;
    }
}
