package org.opentokens.powerauth.token.domain.error;

import java.util.Objects;

/**
 * The operation exists only for another protocol version than the activation's (or the instance's) own: for
 * example a 3.x signature, password check, vault unlock or recovery code on a protocol 4.0 activation. Thrown
 * before anything is sent or stored, so no counter moves and no failed attempt is counted.
 */
public final class FeatureNotSupportedException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    private final String feature;
    private final String protocolVersion;

    /**
     * @param feature what was asked for, e.g. {@code "vault unlock"}
     * @param protocolVersion the protocol version that lacks it, e.g. {@code "4.0"}
     */
    public FeatureNotSupportedException(String feature, String protocolVersion) {
        super(Objects.requireNonNull(feature, "feature") + " is not supported for a protocol "
                + Objects.requireNonNull(protocolVersion, "protocolVersion") + " activation");
        this.feature = feature;
        this.protocolVersion = protocolVersion;
    }

    /**
     * @param feature what was asked for
     * @return the exception for a protocol 4.0 activation
     */
    public static FeatureNotSupportedException forV4(String feature) {
        return new FeatureNotSupportedException(feature, "4.0");
    }

    /** @return what was asked for */
    public String feature() {
        return feature;
    }

    /** @return the protocol version that lacks it */
    public String protocolVersion() {
        return protocolVersion;
    }
}
