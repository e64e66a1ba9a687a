package org.opentokens.powerauth.token.domain.server;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;

/**
 * Reads an {@code X-PowerAuth-Encryption} header value as a PowerAuth endpoint does, requiring the scope the
 * endpoint uses. Server-side work, so it lives in the domain's test-jar; the plain
 * {@link EncryptionHeader#parse(String)} stays in the client, which reads its own header back when it resumes an
 * encryptor.
 */
public final class EncryptionHeaderParser {
    private EncryptionHeaderParser() {
    }

    /**
     * Parses a header value whose fields may come in any order, separated by commas and/or spaces.
     *
     * @param value the header value
     * @param expectedScope the scope the endpoint uses
     * @return the header
     * @throws MalformedDataException if the value is not a well-formed PowerAuth encryption header, a field is
     *     missing, repeated or invalid, or the activation ID is missing (activation scope) or present (application)
     */
    public static EncryptionHeader parse(String value, EciesScope expectedScope) {
        Objects.requireNonNull(expectedScope, "expectedScope");
        EncryptionHeader header = EncryptionHeader.parse(value);
        if (header.scope() != expectedScope) {
            throw new MalformedDataException(expectedScope == EciesScope.ACTIVATION
                    ? "activation_id is required for activation scope"
                    : "activation_id is not allowed for application scope");
        }
        return header;
    }
}
