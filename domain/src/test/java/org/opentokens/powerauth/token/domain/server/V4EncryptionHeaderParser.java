package org.opentokens.powerauth.token.domain.server;

import java.util.Map;
import java.util.Set;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.v4.V4Protocol;
import org.opentokens.powerauth.token.domain.internal.v4.aead.V4EncryptionHeader;

/**
 * Reads a protocol 4.0 {@code X-PowerAuth-Encryption} header value as a PowerAuth endpoint does. Server-side work, so
 * it lives in the domain's test-jar: the client builds this header and never reads it back.
 *
 * <p>Fields may come in any order ({@link PowerAuthHeaderFields} gives the grammar); the version must be {@code 4.0},
 * and the values are checked by {@link V4EncryptionHeader}'s constructor.
 */
public final class V4EncryptionHeaderParser {
    private static final String HEADER_NAME = V4EncryptionHeader.HEADER_NAME;
    private static final Set<String> KEYS = Set.of("version", "application_key", "activation_id");

    private V4EncryptionHeaderParser() {
    }

    /**
     * @param value the header value
     * @return the header
     * @throws MalformedDataException if the value is malformed or its version is not 4.0
     */
    public static V4EncryptionHeader parse(String value) {
        Map<String, String> fields = PowerAuthHeaderFields.parse(value, KEYS,
                message -> new MalformedDataException(HEADER_NAME + ": " + message));
        if (!V4Protocol.VERSION.equals(fields.get("version"))) {
            throw new MalformedDataException(HEADER_NAME + ": version must be 4.0");
        }
        return new V4EncryptionHeader(fields.get("application_key"), fields.get("activation_id"));
    }
}
