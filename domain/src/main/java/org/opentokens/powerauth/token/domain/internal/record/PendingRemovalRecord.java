package org.opentokens.powerauth.token.domain.internal.record;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * A tombstone: a token removed locally whose removal on the server is still owed, because the server could not
 * be reached. It holds no secret, only what the removal request needs and what the host may be shown.
 *
 * @param tokenName the local name the token had
 * @param tokenId the server's token id
 * @param activationId the activation the token belongs to; a tombstone of another activation is moot
 * @param queuedAtMs when the local removal happened, client clock, Unix milliseconds
 */
public record PendingRemovalRecord(String tokenName, TokenId tokenId, String activationId, long queuedAtMs) {
    /** The record's magic, as text: a record holds no array field, not even a static one. */
    private static final String MAGIC = "PART";
    private static final int FORMAT_VERSION = 1;

    /** Checks the fields. */
    public PendingRemovalRecord {
        Objects.requireNonNull(tokenName, "tokenName");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(activationId, "activationId");
    }

    /** @return the stored form */
    public SecretBytes encode() {
        return SecretBytes.takeOwnership(new RecordWriter(MAGIC.getBytes(StandardCharsets.US_ASCII), FORMAT_VERSION).string(tokenName)
                .string(tokenId.value()).string(activationId).i64(queuedAtMs).toByteArray());
    }

    /**
     * @param encoded what {@link #encode()} produced
     * @return the record
     * @throws MalformedDataException if the bytes are not a pending-removal record of a known format
     */
    public static PendingRemovalRecord decode(SecretBytes encoded) {
        byte[] data = encoded.copyBytes(InsecureSecretAccess.get());
        try {
            RecordReader in = new RecordReader(data, MAGIC.getBytes(StandardCharsets.US_ASCII), "pending removal");
            if (in.u8() != FORMAT_VERSION) {
                throw new MalformedDataException("pending removal record has an unsupported format version");
            }
            String name = in.string("name");
            String id = in.string("token id");
            String activation = in.string("activation id");
            long queued = in.i64();
            in.end();
            if (!TokenId.isValid(id)) {
                throw new MalformedDataException("pending removal record has an invalid token id");
            }
            return new PendingRemovalRecord(name, TokenId.of(id), activation, queued);
        } finally {
            java.util.Arrays.fill(data, (byte) 0);
        }
    }
}
