package org.opentokens.powerauth.token.domain.internal.keystore;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException.Reason;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;

/**
 * Verifies the ES256 JWT returned by {@code /pa/v3/keystore/create}.
 *
 * <p>The signature is raw {@code R || S} (64 bytes) by {@code KEY_SERVER_MASTER_PRIVATE} for application scope or
 * {@code KEY_SERVER_PRIVATE} for activation scope. The header's {@code alg} and {@code typ} are checked later, in
 * {@link TemporaryKey#validate}, once the caller has parsed the JSON.
 */
public final class TemporaryKeyResponseJwt {
    private static final int SIGNATURE_LENGTH = 64;

    private TemporaryKeyResponseJwt() {
    }

    /**
     * @param jwt the compact JWT
     * @param serverKey the server public key that must have signed it
     * @return the decoded header and payload
     * @throws TemporaryKeyException with {@code MALFORMED} for a bad shape, encoding or signature length, and with
     *     {@code SIGNATURE_INVALID} if the signature does not verify
     */
    public static SignedJwt verifyEs256(String jwt, EcPublicKey serverKey) {
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(serverKey, "serverKey");
        int first = jwt.indexOf('.');
        int second = first < 0 ? -1 : jwt.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || second == first + 1 || second == jwt.length() - 1
                || jwt.indexOf('.', second + 1) >= 0) {
            throw new TemporaryKeyException(Reason.MALFORMED, "JWT must have three non-empty parts");
        }
        byte[] header = Base64Url.decode(jwt.substring(0, first), "header");
        byte[] payload = Base64Url.decode(jwt.substring(first + 1, second), "payload");
        byte[] signature = Base64Url.decode(jwt.substring(second + 1), "signature");
        if (signature.length != SIGNATURE_LENGTH) {
            throw new TemporaryKeyException(Reason.MALFORMED, "ES256 signature must be 64 bytes");
        }
        byte[] signingInput = jwt.substring(0, second).getBytes(StandardCharsets.US_ASCII);
        try {
            P256.verifyRaw(serverKey, signingInput, signature);
        } catch (CryptoFailureException | MalformedDataException e) {
            throw new TemporaryKeyException(Reason.SIGNATURE_INVALID, "temporary key JWT signature is invalid", e);
        }
        return new SignedJwt(utf8(header, "header"), utf8(payload, "payload"));
    }

    private static String utf8(byte[] data, String part) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TemporaryKeyException(Reason.MALFORMED, "JWT " + part + " is not UTF-8", e);
        }
    }
}
