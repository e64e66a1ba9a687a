package org.opentokens.powerauth.token.domain.crypto;

import java.util.Base64;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** Standard Base64 (with padding) as PowerAuth uses it, with typed errors that never echo the input. */
public final class B64 {
    private B64() {
    }

    /**
     * @param data bytes
     * @return standard Base64 with padding
     */
    public static String encode(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /**
     * Decodes standard Base64 of any length.
     *
     * @param text the Base64 text
     * @param field the field name used in the error message
     * @return the bytes
     * @throws MalformedDataException if the text is null or not valid Base64
     */
    public static byte[] decode(String text, String field) {
        if (text == null) {
            throw new MalformedDataException(field + " is missing");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedDataException(field + " is not valid Base64");
        }
    }

    /**
     * Decodes standard Base64 and checks the decoded length.
     *
     * @param text the Base64 text
     * @param field the field name used in the error message
     * @param expectedLength the required decoded length
     * @return the bytes
     * @throws MalformedDataException if the text is not Base64 or decodes to another length
     */
    public static byte[] decode(String text, String field, int expectedLength) {
        byte[] out = decode(text, field);
        if (out.length != expectedLength) {
            int actual = out.length;
            Bytes.wipe(out);
            throw new MalformedDataException(field + " must decode to " + expectedLength + " bytes, got " + actual);
        }
        return out;
    }
}
