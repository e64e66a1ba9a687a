package org.opentokens.powerauth.token.domain.internal.keystore;

import java.util.Base64;
import org.opentokens.powerauth.token.domain.error.TemporaryKeyException;

/** Base64url without padding, as JWTs use it; decoding is strict and fails with a typed error. */
final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Base64Url() {
    }

    static String encode(byte[] data) {
        return ENCODER.encodeToString(data);
    }

    static byte[] decode(String text, String part) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new TemporaryKeyException(TemporaryKeyException.Reason.MALFORMED,
                        "JWT " + part + " is not unpadded base64url");
            }
        }
        try {
            byte[] out = Base64.getUrlDecoder().decode(text);
            if (!encode(out).equals(text)) {
                throw new TemporaryKeyException(TemporaryKeyException.Reason.MALFORMED,
                        "JWT " + part + " is not canonical base64url");
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw new TemporaryKeyException(TemporaryKeyException.Reason.MALFORMED,
                    "JWT " + part + " is not valid base64url", e);
        }
    }
}
