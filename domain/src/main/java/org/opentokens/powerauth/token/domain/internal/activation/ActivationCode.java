package org.opentokens.powerauth.token.domain.internal.activation;

import java.util.Objects;
import java.util.Optional;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException.Reason;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;

/**
 * A validated PowerAuth activation code, {@code XXXXX-XXXXX-XXXXX-XXXXX}: 20 upper-case Base32 characters encoding 10
 * random bytes and their CRC-16/ARC, with the 4 padding bits zero, so any single-character change is rejected. A QR
 * code may add {@code #SIGNATURE} (DER ECDSA-SHA256 by the master server key; {@link #parseWithSignature}). The code
 * is a short-lived credential: {@link #toString()} masks all but the last group. Equality is by {@link #code()}.
 */
public final class ActivationCode {
    /** Length of a code with its three dashes. */
    public static final int LENGTH = 23;
    private static final int BYTES = 12;
    private static final int RANDOM_BYTES = 10;
    private static final char SIGNATURE_SEPARATOR = '#';

    private final String code;
    private final String signature;

    private ActivationCode(String code, String signature) {
        this.code = code;
        this.signature = signature;
    }

    /**
     * Parses a bare activation code. A trailing {@code #} with an empty signature is tolerated (as the mobile
     * SDK does); a non-empty signature is refused, because this method cannot verify it.
     *
     * @param text the code as typed or scanned
     * @return the code
     * @throws InvalidActivationCodeException {@code FORMAT} for a bad shape or a signature part,
     *     {@code CHECKSUM} for a CRC mismatch
     */
    public static ActivationCode parse(String text) {
        Objects.requireNonNull(text, "text");
        int hash = text.indexOf(SIGNATURE_SEPARATOR);
        if (hash >= 0 && hash != text.length() - 1) {
            throw new InvalidActivationCodeException(Reason.FORMAT,
                    "activation code carries a signature; verify it with parseWithSignature");
        }
        String code = hash >= 0 ? text.substring(0, hash) : text;
        validate(code);
        return new ActivationCode(code, null);
    }

    /**
     * Parses {@code CODE#SIGNATURE} from an activation QR code and verifies the signature.
     *
     * @param qrPayload the scanned payload
     * @param masterServerPublicKey the master server public key embedded in the application
     * @return the code, with its signature
     * @throws InvalidActivationCodeException {@code FORMAT} or {@code CHECKSUM} for a bad code, {@code SIGNATURE}
     *     when the signature is absent, empty, not Base64 DER, or does not verify
     */
    public static ActivationCode parseWithSignature(String qrPayload, EcPublicKey masterServerPublicKey) {
        Objects.requireNonNull(qrPayload, "qrPayload");
        Objects.requireNonNull(masterServerPublicKey, "masterServerPublicKey");
        int hash = qrPayload.indexOf(SIGNATURE_SEPARATOR);
        String code = hash >= 0 ? qrPayload.substring(0, hash) : qrPayload;
        validate(code);
        String signature = hash >= 0 ? qrPayload.substring(hash + 1) : "";
        if (signature.isEmpty()) {
            throw new InvalidActivationCodeException(Reason.SIGNATURE, "activation code signature is missing");
        }
        try {
            byte[] der = B64.decode(signature, "activation code signature");
            P256.verifyDer(masterServerPublicKey, Bytes.utf8(code), der);
        } catch (PowerAuthClientException e) {
            throw new InvalidActivationCodeException(Reason.SIGNATURE, "activation code signature is not valid", e);
        }
        return new ActivationCode(code, signature);
    }

    /**
     * @param text a candidate code without signature
     * @return true when {@link #parse} would accept it
     */
    public static boolean isValid(String text) {
        if (text == null || text.indexOf(SIGNATURE_SEPARATOR) >= 0) {
            return false;
        }
        try {
            validate(text);
            return true;
        } catch (InvalidActivationCodeException e) {
            return false;
        }
    }

    /** @return the code, {@code XXXXX-XXXXX-XXXXX-XXXXX}, as sent in the activation request */
    public String code() {
        return code;
    }

    /** @return the verified Base64 signature when parsed by {@link #parseWithSignature}, otherwise empty */
    public Optional<String> signature() {
        return Optional.ofNullable(signature);
    }

    private static void validate(String code) {
        if (code.length() != LENGTH) {
            throw new InvalidActivationCodeException(Reason.FORMAT, "activation code must be 23 characters");
        }
        long[] bits = new long[2];
        int bitCount = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (i % 6 == 5) {
                if (c != '-') {
                    throw new InvalidActivationCodeException(Reason.FORMAT,
                            "activation code must be four groups of five characters separated by dashes");
                }
                continue;
            }
            int value = base32Value(c);
            if (value < 0) {
                throw new InvalidActivationCodeException(Reason.FORMAT,
                        "activation code may contain only A-Z and 2-7");
            }
            // 100 bits in total: the first 60 go to bits[0], the remaining 40 to bits[1].
            int word = bitCount < 60 ? 0 : 1;
            bits[word] = (bits[word] << 5) | value;
            bitCount += 5;
        }
        if ((bits[1] & 0xF) != 0) {
            throw new InvalidActivationCodeException(Reason.FORMAT, "activation code is not canonically encoded");
        }
        byte[] raw = new byte[BYTES];
        long high = bits[0];
        long low = bits[1] >>> 4;
        for (int i = 0; i < 7; i++) {
            raw[i] = (byte) (high >>> (52 - 8 * i));
        }
        raw[7] = (byte) (((high & 0xF) << 4) | (low >>> 32));
        for (int i = 8; i < BYTES; i++) {
            raw[i] = (byte) (low >>> (8 * (BYTES - 1 - i)));
        }
        int expected = Crc16.arc(raw, 0, RANDOM_BYTES);
        int actual = ((raw[10] & 0xFF) << 8) | (raw[11] & 0xFF);
        if (expected != actual) {
            throw new InvalidActivationCodeException(Reason.CHECKSUM, "activation code checksum does not match");
        }
    }

    private static int base32Value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationCode other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** @return the code with all but the last group masked, for example {@code *****-*****-*****-MUTOA} */
    @Override
    public String toString() {
        return "ActivationCode[*****-*****-*****-" + code.substring(18) + "]";
    }
}
