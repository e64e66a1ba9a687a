package org.opentokens.powerauth.token.cli;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The little JSON the CLI prints: maps, collections, strings, numbers, booleans and null. Control, format,
 * separator and malformed characters in strings are written as {@code \}{@code uXXXX} escapes, so the output is
 * valid JSON, loses nothing, and prints safely on a terminal.
 */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                string(out, String.valueOf(entry.getKey()));
                out.append(':');
                append(out, entry.getValue());
                if (entries.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            Iterator<?> it = items.iterator();
            while (it.hasNext()) {
                append(out, it.next());
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int units = Character.charCount(c);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Printable.isUnusual(c)) {
                        for (int u = i; u < i + units; u++) {
                            out.append(String.format("\\u%04x", (int) text.charAt(u)));
                        }
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
            i += units;
        }
        out.append('"');
    }
}
