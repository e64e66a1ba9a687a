package org.opentokens.powerauth.token.cli;

/**
 * Makes text safe to print on a terminal: every control, format, separator or malformed character (as
 * {@code NameRules} refuses in names) is shown as {@code \}{@code u} and its hex code, so a name from an old store,
 * an argument echoed in an error or a server's message can neither fake an output line nor drive the terminal.
 * Line feeds are kept only where the CLI itself puts them.
 */
final class Printable {
    private Printable() {
    }

    /** @return {@code text} with every unusual character escaped, line feeds included */
    static String escape(String text) {
        return escape(text, false);
    }

    /** @return {@code text} with every unusual character escaped except line feeds, for the CLI's own lines */
    static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    /** @return true for a character that is printed escaped */
    static boolean isUnusual(int codePoint) {
        if (codePoint == 0xFFFD || (codePoint & 0xFFFE) == 0xFFFE || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }

    private static String escape(String text, boolean keepLines) {
        if (text.codePoints().noneMatch(c -> isUnusual(c) && !(keepLines && c == '\n'))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (keepLines && c == '\n' || !isUnusual(c)) {
                out.appendCodePoint(c);
            } else if (c <= 0xFFFF) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.append(String.format("\\u{%X}", c));
            }
        });
        return out.toString();
    }
}
