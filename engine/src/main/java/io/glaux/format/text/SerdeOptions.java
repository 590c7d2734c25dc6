package io.glaux.format.text;

import io.glaux.error.GlauxException;

import java.util.Locale;
import java.util.Map;

/** Reads SerDe parameters and table properties the way the Hive SerDes interpret them. */
public final class SerdeOptions {

    public static final String SKIP_HEADER_LINE_COUNT = "skip.header.line.count";

    private final Map<String, String> parameters;

    public SerdeOptions(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    public String get(String key) {
        return parameters.get(key);
    }

    public String get(String key, String defaultValue) {
        return parameters.getOrDefault(key, defaultValue);
    }

    /** true/false, case-insensitive; anything else is the default. */
    public boolean flag(String key, boolean defaultValue) {
        String value = parameters.get(key);
        if (value == null) {
            return defaultValue;
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return lower.equals("true") ? true : lower.equals("false") ? false : defaultValue;
    }

    /** {@code skip.header.line.count}: a non-negative integer, 0 when absent. */
    public int skipHeaderLines() {
        String value = parameters.get(SKIP_HEADER_LINE_COUNT);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int lines = Integer.parseInt(value.trim());
            if (lines >= 0) {
                return lines;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw GlauxException.user("Invalid value for " + SKIP_HEADER_LINE_COUNT + " property: " + value);
    }

    /**
     * A delimiter as LazySimpleSerDe reads it: a number is a character code ({@code "1"} is \u0001,
     * {@code "9"} a tab), an escape sequence ({@code \t}, {@code \001}, {@code \u0001}) is decoded, otherwise the
     * first character.
     */
    public char hiveDelimiter(String key, char defaultValue) {
        String value = parameters.get(key);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return (char) (Byte.parseByte(value) & 0xff);
            } catch (NumberFormatException e) {
                return value.charAt(0);
            }
        }
        return character(value);
    }

    /** A single character as OpenCSVSerde reads it: the first character, after decoding an escape sequence. */
    public char character(String key, char defaultValue) {
        String value = parameters.get(key);
        return value == null || value.isEmpty() ? defaultValue : character(value);
    }

    private static char character(String value) {
        if (value.length() < 2 || value.charAt(0) != '\\') {
            return value.charAt(0);
        }
        char next = value.charAt(1);
        switch (next) {
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'u':
                try {
                    return (char) Integer.parseInt(value.substring(2, Math.min(6, value.length())), 16);
                } catch (NumberFormatException e) {
                    return '\\';
                }
            default:
                if (next >= '0' && next <= '7') {
                    int end = 1;
                    while (end < value.length() && end < 4 && value.charAt(end) >= '0' && value.charAt(end) <= '7') {
                        end++;
                    }
                    return (char) Integer.parseInt(value.substring(1, end), 8);
                }
                return '\\';
        }
    }
}
