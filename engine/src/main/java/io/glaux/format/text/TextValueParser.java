package io.glaux.format.text;

import io.glaux.catalog.AthenaType;
import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;

/**
 * Parses the text of one primitive value (as Hive text SerDes and JSON strings carry it) into the representation of
 * {@link io.glaux.format.Values}. Every failure is a {@link TextValueException}; callers decide between NULL and an
 * error. No method trims or otherwise forgives surrounding spaces.
 */
public final class TextValueParser {

    private TextValueParser() {
    }

    /** Parses {@code text} as a primitive {@code type}; array, map and struct types are the caller's business. */
    public static Object parse(String text, AthenaType type) {
        return switch (type.kind()) {
            case BOOLEAN -> parseBoolean(text);
            case TINYINT -> (byte) parseInteger(text, Byte.MIN_VALUE, Byte.MAX_VALUE, "tinyint");
            case SMALLINT -> (short) parseInteger(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INT -> (int) parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
            case BIGINT -> parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case FLOAT -> (float) parseDouble(text, "float");
            case DOUBLE -> parseDouble(text, "double");
            case DECIMAL -> parseDecimal(text, (AthenaType.Decimal) type);
            case CHAR -> ((AthenaType.Char) type).hold(text);
            case VARCHAR -> truncate(text, ((AthenaType.Varchar) type).length());
            case STRING -> text;
            case DATE -> parseDate(text);
            case TIMESTAMP -> TimestampText.parseMillis(text);
            case BINARY -> parseBinary(text);
            case ARRAY, MAP, STRUCT -> throw new TextValueException("Type " + type.ddl() + " is not primitive");
        };
    }

    public static boolean parseBoolean(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw invalid(text, "boolean");
    }

    /** An optionally signed run of decimal digits within [min, max]. */
    public static long parseInteger(String text, long min, long max, String typeName) {
        int length = text.length();
        int start = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (start == length) {
            throw invalid(text, typeName);
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(text, typeName);
            }
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw outOfRange(text, typeName);
        }
        if (value < min || value > max) {
            throw outOfRange(text, typeName);
        }
        return value;
    }

    /** Decimal or scientific notation, NaN, Infinity, -Infinity; no hexadecimal, type suffixes or spaces. */
    public static double parseDouble(String text, String typeName) {
        if (text.isEmpty() || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1))) {
            throw invalid(text, typeName);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'x' || c == 'X' || c == 'p' || c == 'P') {
                throw invalid(text, typeName);
            }
        }
        char last = text.charAt(text.length() - 1);
        if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
            throw invalid(text, typeName);
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw invalid(text, typeName);
        }
    }

    /** Rounds HALF_UP to the type's scale; a value needing more than its precision fails. */
    public static BigDecimal parseDecimal(String text, AthenaType.Decimal type) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw invalid(text, type.ddl());
        }
        return fitDecimal(value, type);
    }

    /** Rounds HALF_UP to the type's scale; a value needing more than its precision fails. */
    public static BigDecimal fitDecimal(BigDecimal value, AthenaType.Decimal type) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() > type.precision()) {
            throw new TextValueException("Value " + value.toPlainString() + " exceeds " + type.ddl());
        }
        return scaled;
    }

    /** {@code yyyy-MM-dd} (month and day may have one digit), as days since 1970-01-01. */
    public static int parseDate(String text) {
        int firstDash = text.indexOf('-', 1);
        int secondDash = firstDash < 0 ? -1 : text.indexOf('-', firstDash + 1);
        if (secondDash < 0) {
            throw invalid(text, "date");
        }
        int year = (int) digits(text, 0, firstDash, 4, 4, "date");
        int month = (int) digits(text, firstDash + 1, secondDash, 1, 2, "date");
        int day = (int) digits(text, secondDash + 1, text.length(), 1, 2, "date");
        try {
            return (int) LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw invalid(text, "date");
        }
    }

    /** The digits in [start, end) as a number, requiring between minDigits and maxDigits of them. */
    static long digits(String text, int start, int end, int minDigits, int maxDigits, String typeName) {
        int count = end - start;
        if (count < minDigits || count > maxDigits) {
            throw invalid(text, typeName);
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(text, typeName);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Base64 (standard or MIME alphabet); text that is not base64 is taken as its UTF-8 bytes, as Hive does. */
    public static ByteString parseBinary(String text) {
        try {
            return new ByteString(Base64.getMimeDecoder().decode(strictBase64(text)));
        } catch (IllegalArgumentException e) {
            return new ByteString(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String strictBase64(String text) {
        int significant = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/' || c == '=';
            if (alphabet) {
                significant++;
            } else if (c != '\r' && c != '\n') {
                throw new IllegalArgumentException("not base64");
            }
        }
        if (significant % 4 != 0) {
            throw new IllegalArgumentException("not base64");
        }
        return text;
    }

    /** At most {@code length} code points, as Athena reads char(n) and varchar(n) values that are too long. */
    public static String truncate(String text, int length) {
        if (text.length() <= length || text.codePointCount(0, text.length()) <= length) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, length));
    }

    static TextValueException invalid(String text, String typeName) {
        return new TextValueException("Cannot parse '" + abbreviate(text) + "' as "
                + typeName.toLowerCase(Locale.ROOT));
    }

    private static TextValueException outOfRange(String text, String typeName) {
        return new TextValueException("Value '" + abbreviate(text) + "' is out of range for " + typeName);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
