package org.opentokens.powerauth.token.port.out;

import java.util.Optional;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;

/**
 * The server answered with an error status. Carries the HTTP status and, when the body was a PowerAuth error
 * object ({@code {"status":"ERROR","responseObject":{"code":…}}}), its code, such as {@code ERR_AUTHENTICATION}
 * or {@code ERR_TEMPORARY_KEY}. The server's free-text message is not kept.
 */
public final class ServerRejectedException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;
    /** Longest error code kept; longer ones are cut. */
    public static final int MAX_CODE_LENGTH = 64;

    private final int httpStatus;
    private final String errorCode;

    /**
     * @param httpStatus the HTTP status of the answer
     * @param errorCode the PowerAuth error code, or {@code null} when the body had none; characters outside
     *     {@code [A-Za-z0-9_.-]} are replaced and long codes cut, since the value comes from outside
     */
    public ServerRejectedException(int httpStatus, String errorCode) {
        super(message(httpStatus, sanitize(errorCode)));
        this.httpStatus = httpStatus;
        this.errorCode = sanitize(errorCode);
    }

    /** @return the HTTP status */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the PowerAuth error code, if the body carried one */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * @param code a PowerAuth error code
     * @return true if this rejection carries exactly that code
     */
    public boolean hasErrorCode(String code) {
        return errorCode != null && errorCode.equals(code);
    }

    private static String message(int httpStatus, String code) {
        return "PowerAuth server rejected the request: HTTP " + httpStatus + (code == null ? "" : ", code " + code);
    }

    private static String sanitize(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        String cut = code.length() > MAX_CODE_LENGTH ? code.substring(0, MAX_CODE_LENGTH) : code;
        return cut.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
