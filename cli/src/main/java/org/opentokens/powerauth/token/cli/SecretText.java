package org.opentokens.powerauth.token.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Turns what the user gave as a password or passphrase into the characters the library derives keys from, the same
 * on every machine: bytes (environment, standard input) are read as UTF-8 whatever the locale says, and the text is
 * normalized to Unicode NFC, so "ä" typed as one code point or as "a" plus a combining diaeresis is one secret.
 * Input that is not valid UTF-8, or text that a decoder already damaged (U+FFFD, an unpaired surrogate), is refused
 * with {@link ExitCodes#USAGE} rather than turned into a different secret.
 */
final class SecretText {
    private SecretText() {
    }

    /**
     * @param raw the bytes; not changed (the caller wipes them)
     * @param length how many of them to read
     * @param what what they are, for the message ("the passphrase on standard input")
     * @return the NFC characters, which the caller wipes
     * @throws CliException ({@link ExitCodes#USAGE}) if the bytes are not UTF-8
     */
    static char[] fromUtf8(byte[] raw, int length, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars;
        try {
            chars = decoder.decode(ByteBuffer.wrap(raw, 0, length));
        } catch (CharacterCodingException e) {
            throw notText(what);
        }
        char[] decoded = new char[chars.remaining()];
        chars.get(decoded);
        Arrays.fill(chars.array(), '\0');
        return normalized(decoded, what);
    }

    /**
     * @param chars text a decoder made (the terminal's), which this method takes over
     * @param what what it is, for the message
     * @return the NFC characters ({@code chars} itself when already NFC), which the caller wipes
     * @throws CliException ({@link ExitCodes#USAGE}) if the text carries U+FFFD or an unpaired surrogate
     */
    static char[] normalized(char[] chars, String what) {
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < chars.length
                    && Character.isLowSurrogate(chars[i + 1]);
            if (c == '\uFFFD' || Character.isSurrogate(c) && !pairedHigh) {
                Arrays.fill(chars, '\0');
                throw notText(what);
            }
            if (pairedHigh) {
                i++;
            }
        }
        if (Normalizer.isNormalized(CharBuffer.wrap(chars), Normalizer.Form.NFC)) {
            return chars;
        }
        // Normalizer works on Strings; this copy stays in the heap until collected (see README, "Limits").
        char[] nfc = Normalizer.normalize(CharBuffer.wrap(chars), Normalizer.Form.NFC).toCharArray();
        Arrays.fill(chars, '\0');
        return nfc;
    }

    private static CliException notText(String what) {
        return new CliException(ExitCodes.USAGE, what + " is not valid UTF-8 text. Secrets are read as UTF-8 whatever "
                + "the locale says; give it in UTF-8 (for example from a terminal with a UTF-8 locale).");
    }
}
