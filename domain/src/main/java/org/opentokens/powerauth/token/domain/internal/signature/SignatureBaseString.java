package org.opentokens.powerauth.token.domain.internal.signature;

import java.util.Locale;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;

/**
 * The data a PowerAuth signature covers:
 * {@code METHOD & B64(utf8(uriId)) & B64(nonce) & B64(body) & APP_SECRET}, as UTF-8 bytes.
 *
 * <p>{@code uriId} is the logical resource ID (for example {@code /pa/token/create}), not the URL path.
 * {@code APP_SECRET} is the application secret's Base64 text as given, not its decoded bytes
 * ({@code "offline"} for offline signatures).
 */
public final class SignatureBaseString {
    /** Length of the signature nonce in bytes. */
    public static final int NONCE_LENGTH = 16;

    private SignatureBaseString() {
    }

    /**
     * Base string for a request with a body (POST and friends).
     *
     * @param method the HTTP method; upper-cased
     * @param uriId the resource ID
     * @param nonce16 the 16-byte signature nonce also sent as {@code pa_nonce}
     * @param body the exact body bytes sent, or null for no body (its field is then empty)
     * @param appSecretBase64 the application secret as Base64 text
     * @return the UTF-8 bytes to sign
     * @throws MalformedDataException if the nonce is not 16 bytes or the method is empty
     */
    public static byte[] forBody(String method, String uriId, byte[] nonce16, byte[] body, String appSecretBase64) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uriId, "uriId");
        Objects.requireNonNull(nonce16, "nonce16");
        Objects.requireNonNull(appSecretBase64, "appSecretBase64");
        if (method.isEmpty()) {
            throw new MalformedDataException("HTTP method must not be empty");
        }
        if (nonce16.length != NONCE_LENGTH) {
            throw new MalformedDataException("signature nonce must be 16 bytes, got " + nonce16.length);
        }
        String text = method.toUpperCase(Locale.ROOT)
                + '&' + B64.encode(Bytes.utf8(uriId))
                + '&' + B64.encode(nonce16)
                + '&' + (body == null ? "" : B64.encode(body))
                + '&' + appSecretBase64;
        return Bytes.utf8(text);
    }

    /**
     * Base string for a request whose query parameters are signed in place of a body (GET). The query is
     * canonicalized with {@link QueryCanonicalizer#canonicalize}; an empty result counts as no body.
     *
     * @param method the HTTP method, normally {@code GET}; upper-cased
     * @param uriId the resource ID
     * @param nonce16 the 16-byte signature nonce
     * @param rawQuery the raw query string without {@code '?'}, or null
     * @param appSecretBase64 the application secret as Base64 text
     * @return the UTF-8 bytes to sign
     * @throws MalformedDataException if the nonce is not 16 bytes, the method is empty or the query has a bad
     *     percent escape
     */
    public static byte[] forQuery(String method, String uriId, byte[] nonce16, String rawQuery,
            String appSecretBase64) {
        String canonical = QueryCanonicalizer.canonicalize(rawQuery);
        byte[] body = canonical.isEmpty() ? null : Bytes.utf8(canonical);
        return forBody(method, uriId, nonce16, body, appSecretBase64);
    }
}
