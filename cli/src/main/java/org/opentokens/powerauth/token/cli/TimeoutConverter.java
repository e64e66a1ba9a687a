package org.opentokens.powerauth.token.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --timeout}: a whole number with a unit, {@code ms}, {@code s} (the default) or {@code m}. */
final class TimeoutConverter implements ITypeConverter<Duration> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m)?");
    private static final Duration MAX = Duration.ofHours(1);

    @Override
    public Duration convert(String value) {
        Matcher m = FORMAT.matcher(value.trim());
        if (!m.matches()) {
            throw new TypeConversionException("'" + Printable.escape(value)
                    + "' is not a time; write for example 10s, 500ms or 2m");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration timeout = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (timeout.isZero() || timeout.compareTo(MAX) > 0) {
            throw new TypeConversionException("the timeout must be more than 0 and at most 1 hour");
        }
        return timeout;
    }
}
