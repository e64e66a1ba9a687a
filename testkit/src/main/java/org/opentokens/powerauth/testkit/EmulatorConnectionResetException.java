package org.opentokens.powerauth.testkit;

/** Thrown by the in-process {@code handle} where an injected reset fault makes HTTP drop the connection. */
public class EmulatorConnectionResetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param path the request path the fault fired on
     */
    public EmulatorConnectionResetException(String path) {
        super("Injected connection reset on " + path);
    }
}
