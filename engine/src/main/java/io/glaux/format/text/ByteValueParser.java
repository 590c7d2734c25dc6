package io.glaux.format.text;

/**
 * Fast paths of {@link TextValueParser} over UTF-8 bytes, for readers that decode fields without making a String of
 * each. Each method accepts only a plain, common spelling and returns a sentinel for anything else (other spellings,
 * bad text, values out of range, and the sentinel value itself); the caller then hands the text to
 * {@link TextValueParser}, which decides. So a fast path never accepts or rejects differently from the parser it
 * stands in for: where it answers, {@link TextValueParser} gives the same value.
 */
public final class ByteValueParser {

    /** Returned by the long-valued parsers when the text is not in their fast path. */
    public static final long NOT_PARSED = Long.MIN_VALUE;

    /** Returned by {@link #parseDate} when the text is not in its fast path. */
    public static final int NOT_PARSED_DATE = Integer.MIN_VALUE;

    /** The widest unscaled decimal the fast path builds: 18 digits always fit a long. */
    private static final int MAX_DECIMAL_DIGITS = 18;

    /** Integers up to 2^53 are exact doubles; 15 digits stay below it. */
    private static final int MAX_EXACT_DOUBLE_DIGITS = 15;

    /** Integers below 2^24 are exact floats; 7 digits stay below it. */
    private static final int MAX_EXACT_FLOAT_DIGITS = 7;

    /** Powers of ten that are exact doubles. */
    private static final double[] EXACT_POWERS_OF_TEN = new double[23];

    /** Powers of ten that are exact floats (5^10 < 2^24). */
    private static final float[] EXACT_FLOAT_POWERS_OF_TEN = new float[11];

    static {
        double power = 1;
        for (int i = 0; i < EXACT_POWERS_OF_TEN.length; i++) {
            EXACT_POWERS_OF_TEN[i] = power;
            if (i < EXACT_FLOAT_POWERS_OF_TEN.length) {
                EXACT_FLOAT_POWERS_OF_TEN[i] = (float) power;
            }
            power *= 10;
        }
    }

    private ByteValueParser() {
    }

    /**
     * An optional sign and 1 to 18 significant digits (leading zeros are free), as
     * {@link TextValueParser#parseInteger}; the caller checks the column's range.
     */
    public static long parseLong(byte[] bytes, int start, int end) {
        boolean negative = false;
        int i = start;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        if (i == end) {
            return NOT_PARSED;
        }
        long value = 0;
        int significant = 0;
        for (; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return NOT_PARSED;
            }
            if (value != 0 || digit != 0) {
                if (++significant > MAX_DECIMAL_DIGITS) {
                    return NOT_PARSED;
                }
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /**
     * The unscaled value at {@code scale} of plain decimal text (optional sign, digits, optional point and digits,
     * at least one digit) with at most {@code scale} fraction digits and at most 18 digits once scaled, as
     * {@link TextValueParser#parseDecimal} reads it; the caller checks the precision. Exponents and fractions that
     * need rounding are left to the parser.
     */
    public static long parseUnscaledDecimal(byte[] bytes, int start, int end, int scale) {
        PlainDigits number = PlainDigits.scan(bytes, start, end, MAX_DECIMAL_DIGITS);
        int shift = number == null ? -1 : scale - number.fractionDigits();
        if (shift < 0 || number.significant() + shift > MAX_DECIMAL_DIGITS) {
            return NOT_PARSED;
        }
        long value = number.value();
        for (int s = 0; s < shift; s++) {
            value *= 10;
        }
        return number.negative() ? -value : value;
    }

    /**
     * Plain decimal text (optional sign, digits, optional point and digits) with at most 15 significant digits and 22
     * fraction digits, as {@link TextValueParser#parseDouble} reads it: such a value is an exact integer divided by an
     * exact power of ten, so one division rounds it correctly. {@link Double#NaN} for anything else.
     */
    public static double parseDouble(byte[] bytes, int start, int end) {
        PlainDigits number = PlainDigits.scan(bytes, start, end, MAX_EXACT_DOUBLE_DIGITS);
        if (number == null || number.fractionDigits() >= EXACT_POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double result = number.value() / EXACT_POWERS_OF_TEN[number.fractionDigits()];
        return number.negative() ? -result : result;
    }

    /**
     * Plain decimal text with at most 7 significant digits and 10 fraction digits as a float, {@link Float#NaN} for
     * anything else. Such a value is an exact float integer divided by an exact float power of ten, so one float
     * division rounds it correctly, as {@link Float#parseFloat} does; and as the quotient of two floats it is also what
     * rounding the correctly rounded double quotient to float gives (a double carries more than twice a float's
     * precision plus two bits, so that double rounding is innocuous), which is how {@link TextValueParser} reads a
     * float. Both readings of a float column agree wherever this answers.
     */
    public static float parseFloat(byte[] bytes, int start, int end) {
        PlainDigits number = PlainDigits.scan(bytes, start, end, MAX_EXACT_FLOAT_DIGITS);
        if (number == null || number.fractionDigits() >= EXACT_FLOAT_POWERS_OF_TEN.length) {
            return Float.NaN;
        }
        float result = number.value() / EXACT_FLOAT_POWERS_OF_TEN[number.fractionDigits()];
        return number.negative() ? -result : result;
    }

    /**
     * Plain decimal text read as its digits: an optional sign, digits, an optional point and digits, at least one
     * digit in all.
     *
     * @param value          all the digits as one integer (the point ignored)
     * @param significant    how many digits count from the first non-zero one
     * @param fractionDigits how many digits follow the point (0 without one)
     */
    private record PlainDigits(boolean negative, long value, int significant, int fractionDigits) {

        /** The digits of the text, or null when it is not plain decimal text or has more significant digits. */
        static PlainDigits scan(byte[] bytes, int start, int end, int maxSignificant) {
            boolean negative = false;
            int i = start;
            if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
                negative = bytes[i] == '-';
                i++;
            }
            long value = 0;
            int significant = 0;
            int digits = 0;
            int fractionDigits = -1;
            for (; i < end; i++) {
                byte c = bytes[i];
                if (c == '.' && fractionDigits < 0) {
                    fractionDigits = 0;
                    continue;
                }
                int digit = c - '0';
                if (digit < 0 || digit > 9) {
                    return null;
                }
                digits++;
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
                if (value != 0 || digit != 0) {
                    significant++;
                }
                value = value * 10 + digit;
                if (significant > maxSignificant) {
                    return null;
                }
            }
            return digits == 0 ? null : new PlainDigits(negative, value, significant, Math.max(fractionDigits, 0));
        }
    }

    /** {@code yyyy-MM-dd} with two-digit month and day, as days since 1970-01-01, when it is a real date. */
    public static int parseDate(byte[] bytes, int start, int end) {
        if (end - start != 10 || bytes[start + 4] != '-' || bytes[start + 7] != '-') {
            return NOT_PARSED_DATE;
        }
        int y1 = bytes[start] - '0';
        int y2 = bytes[start + 1] - '0';
        int y3 = bytes[start + 2] - '0';
        int y4 = bytes[start + 3] - '0';
        int m1 = bytes[start + 5] - '0';
        int m2 = bytes[start + 6] - '0';
        int d1 = bytes[start + 8] - '0';
        int d2 = bytes[start + 9] - '0';
        if (notDigits(y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2, y1 + 6 | y2 + 6 | y3 + 6 | y4 + 6 | m1 + 6 | m2 + 6
                | d1 + 6 | d2 + 6)) {
            return NOT_PARSED_DATE;
        }
        int year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
        int month = m1 * 10 + m2;
        int day = d1 * 10 + d2;
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return NOT_PARSED_DATE;
        }
        return (int) epochDay(year, month, day);
    }

    /**
     * Whether any of several byte-minus-'0' values is not a digit, given their OR and the OR of each plus 6: a digit
     * is 0 to 9, and 9 + 6 still fits four bits, while 10 + 6 and anything negative or larger do not.
     */
    private static boolean notDigits(int or, int orPlusSix) {
        return ((or | orPlusSix) & ~15) != 0;
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss} with an optional fraction of 1 to 9 digits (rounded HALF_UP to milliseconds), as
     * {@link TimestampText#parseMillis} reads it, in milliseconds since 1970-01-01T00:00.
     */
    public static long parseTimestamp(byte[] bytes, int start, int end) {
        int length = end - start;
        if (length < 19 || length == 20 || length > 29 || bytes[start + 10] != ' ' || bytes[start + 13] != ':'
                || bytes[start + 16] != ':' || (length > 19 && bytes[start + 19] != '.')) {
            return NOT_PARSED;
        }
        int days = parseDate(bytes, start, start + 10);
        int hour = digits(bytes, start + 11, 2);
        int minute = digits(bytes, start + 14, 2);
        int second = digits(bytes, start + 17, 2);
        if (days == NOT_PARSED_DATE || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return NOT_PARSED;
        }
        long millis = 0;
        if (length > 19) {
            int fractionStart = start + 20;
            int fractionDigits = end - fractionStart;
            if (!allDigits(bytes, fractionStart, end)) {
                return NOT_PARSED;
            }
            millis = digits(bytes, fractionStart, Math.min(3, fractionDigits));
            for (int i = fractionDigits; i < 3; i++) {
                millis *= 10;
            }
            if (fractionDigits > 3 && bytes[fractionStart + 3] >= '5') {
                millis++;
            }
        }
        return days * 86_400_000L + (hour * 3600L + minute * 60L + second) * 1000 + millis;
    }

    private static boolean allDigits(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** The {@code count} ASCII digits at {@code start} as a number, or -1. */
    private static int digits(byte[] bytes, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
