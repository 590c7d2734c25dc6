package io.glaux.quicksight.expression;

import java.util.regex.Pattern;

/**
 * A QuickSight (Joda-style) date format such as {@code MM/dd/yyyy HH:mm:ss}, translated to the MySQL-style format of
 * Glaux's {@code date_parse} and to a regular expression matching the text that format accepts (so rows that do not
 * match give NULL, as QuickSight skips them, rather than failing the query). Supported pattern letters: {@code yyyy yy
 * MMMM MMM MM M dd d HH H kk k hh h mm m ss s SSS S a EEEE EEE E} and quoted literals ({@code 'T'}).
 */
record JodaDateFormat(String mysqlFormat, String regex) {

    private static final String MONTH = "(0?[1-9]|1[0-2])";
    private static final String DAY = "(0?[1-9]|[12][0-9]|3[01])";
    private static final String HOUR24 = "([01]?[0-9]|2[0-3])";
    private static final String HOUR12 = "(0?[1-9]|1[0-2])";
    private static final String SIXTY = "([0-5]?[0-9])";

    /**
     * @throws IllegalArgumentException naming the pattern letters Glaux cannot parse
     */
    static JodaDateFormat translate(String pattern) {
        StringBuilder fmt = new StringBuilder();
        StringBuilder re = new StringBuilder("^");
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int close = pattern.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("quoted text in the format is not closed");
                }
                String literal = close == i + 1 ? "'" : pattern.substring(i + 1, close);
                literal(fmt, re, literal);
                i = close + 1;
                continue;
            }
            if (!Character.isLetter(c)) {
                literal(fmt, re, String.valueOf(c));
                i++;
                continue;
            }
            int run = i;
            while (run < pattern.length() && pattern.charAt(run) == c) {
                run++;
            }
            int n = run - i;
            field(fmt, re, c, n, pattern.substring(i, run));
            i = run;
        }
        if (fmt.length() == 0) {
            throw new IllegalArgumentException("the format is empty");
        }
        re.append('$');
        return new JodaDateFormat(fmt.toString(), re.toString());
    }

    private static void field(StringBuilder fmt, StringBuilder re, char letter, int n, String text) {
        switch (letter) {
            case 'y' -> {
                if (n == 2) {
                    fmt.append("%y");
                    re.append("[0-9]{2}");
                } else if (n == 4) {
                    fmt.append("%Y");
                    re.append("[0-9]{4}");
                } else {
                    unsupported(text);
                }
            }
            case 'M' -> {
                if (n >= 4) {
                    fmt.append("%M");
                    re.append("(?i:january|february|march|april|may|june|july|august|september|october|november"
                            + "|december)");
                } else if (n == 3) {
                    fmt.append("%b");
                    re.append("(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)");
                } else {
                    fmt.append(n == 2 ? "%m" : "%c");
                    re.append(MONTH);
                }
            }
            case 'd' -> one(fmt, re, n, text, n == 2 ? "%d" : "%e", DAY);
            case 'H', 'k' -> one(fmt, re, n, text, n == 2 ? "%H" : "%k", HOUR24);
            case 'h' -> one(fmt, re, n, text, n == 2 ? "%h" : "%l", HOUR12);
            case 'm' -> one(fmt, re, n, text, "%i", SIXTY);
            case 's' -> one(fmt, re, n, text, "%s", SIXTY);
            case 'S' -> {
                if (n > 3) {
                    unsupported(text);
                }
                fmt.append("%f");
                re.append("[0-9]{1,").append(n).append('}');
            }
            case 'a' -> {
                if (n != 1) {
                    unsupported(text);
                }
                fmt.append("%p");
                re.append("(?i:am|pm)");
            }
            case 'E' -> {
                if (n >= 4) {
                    fmt.append("%W");
                    re.append("(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)");
                } else {
                    fmt.append("%a");
                    re.append("(?i:mon|tue|wed|thu|fri|sat|sun)");
                }
            }
            default -> unsupported(text);
        }
    }

    private static void one(StringBuilder fmt, StringBuilder re, int n, String text, String spec, String regex) {
        if (n > 2) {
            unsupported(text);
        }
        fmt.append(spec);
        re.append(regex);
    }

    private static void literal(StringBuilder fmt, StringBuilder re, String text) {
        fmt.append(text.replace("%", "%%"));
        re.append(Pattern.quote(text));
    }

    private static void unsupported(String text) {
        throw new IllegalArgumentException("pattern '" + text + "' is not supported");
    }
}
