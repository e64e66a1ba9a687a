package org.opentokens.powerauth.token.domain.error;

import java.util.Objects;
import java.util.Optional;

/**
 * The server answered with an error status. Carries the HTTP status and, when the body was a PowerAuth error
 * object ({@code {"status":"ERROR","responseObject":{"code":…}}}), its code, such as {@code ERR_AUTHENTICATION}
 * or {@code ERR_TEMPORARY_KEY}. The server's free-text message is not kept.
 *
 * <p>It may also carry a {@link #hint()}: what the user can check or do, in a sentence made by this library (never
 * from the server's answer), such as "check the server base URL" for a 404 or how many password attempts remain
 * after a 401 on a password-signed call. The message ends with the hint. See {@link RejectionHints}.
 */
public final class ServerRejectedException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;
    /** Longest error code kept; longer ones are cut. */
    public static final int MAX_CODE_LENGTH = 64;

    private final int httpStatus;
    private final String errorCode;
    private final String hint;

    /**
     * @param httpStatus the HTTP status of the answer
     * @param errorCode the PowerAuth error code, or {@code null} when the body had none; characters outside
     *     {@code [A-Za-z0-9_.-]} are replaced and long codes cut, since the value comes from outside
     */
    public ServerRejectedException(int httpStatus, String errorCode) {
        this(httpStatus, errorCode, null);
    }

    /**
     * @param httpStatus the HTTP status of the answer
     * @param errorCode the PowerAuth error code, or {@code null}; sanitized as above
     * @param hint what the user can check or do, or {@code null}; written by this library, never server text
     */
    public ServerRejectedException(int httpStatus, String errorCode, String hint) {
        this(httpStatus, sanitize(errorCode), blankToNull(hint), null);
    }

    private ServerRejectedException(int httpStatus, String sanitizedCode, String hint, Throwable cause) {
        super(message(httpStatus, sanitizedCode, hint), cause);
        this.httpStatus = httpStatus;
        this.errorCode = sanitizedCode;
        this.hint = hint;
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

    /** @return what the user can check or do about this rejection, if the library could tell */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /**
     * @param newHint the hint, written by this library
     * @return a rejection with the same status and code and this hint, caused by this one
     */
    public ServerRejectedException withHint(String newHint) {
        Objects.requireNonNull(newHint, "newHint");
        return new ServerRejectedException(httpStatus, errorCode, blankToNull(newHint), this);
    }

    private static String message(int httpStatus, String code, String hint) {
        return "PowerAuth server rejected the request: HTTP " + httpStatus + (code == null ? "" : ", code " + code)
                + (hint == null ? "" : ". " + hint);
    }

    private static String blankToNull(String hint) {
        return hint == null || hint.isBlank() ? null : hint.strip();
    }

    private static String sanitize(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        String cut = code.length() > MAX_CODE_LENGTH ? code.substring(0, MAX_CODE_LENGTH) : code;
        return cut.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
