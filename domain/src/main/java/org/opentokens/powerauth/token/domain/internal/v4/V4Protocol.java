package org.opentokens.powerauth.token.domain.internal.v4;

/** Constants of protocol version 4.0 shared by its packages. */
public final class V4Protocol {
    /** The version string on the wire ({@code version="4.0"}, {@code pa_version="4.0"}). */
    public static final String VERSION = "4.0";

    private V4Protocol() {
    }
}
