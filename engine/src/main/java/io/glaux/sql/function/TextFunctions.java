package io.glaux.sql.function;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.glaux.sql.function.Arg.STRING;

/**
 * Trino's string functions that work character by character: case mapping (code point by code point, locale-free,
 * so that ß stays ß and İ becomes i as in Trino), translate, Unicode normalization, edit distances, soundex and the
 * Luhn check. Strings are read as Unicode code points.
 */
public final class TextFunctions {
    /** Trino's bound on the work of levenshtein_distance: the product of the two lengths. */
    private static final long MAX_LEVENSHTEIN_CELLS = 1_000_000;

    private TextFunctions() {
    }

    /** Declares the functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> t = TextFunctions.class;
        r.define(GlauxFunction.strict("upper", false, Signature.of(t, "upper", ReturnTypes.ARG0, STRING)));
        r.define(GlauxFunction.strict("lower", false, Signature.of(t, "lower", ReturnTypes.ARG0, STRING)));
        GlauxFunction translate = GlauxFunction.strict("translate", false,
                Signature.of(t, "translate", Returns.VARCHAR, STRING, STRING, STRING));
        r.define(translate);
        // The parser reads translate(s, from, to) as Oracle's TRANSLATE3; only that operator is rebound.
        r.bind("translate3", (call, operands, pos) -> call.getOperator() == SqlLibraryOperators.TRANSLATE3
                ? translate.createCall(pos, operands) : call);
        GlauxFunction normalize = GlauxFunction.strict("normalize", false,
                Signature.of(t, "normalize", Returns.VARCHAR, STRING),
                Signature.of(t, "normalize", Returns.VARCHAR, STRING, STRING));
        r.add(normalize);
        r.bind("normalize", (call, operands, pos) -> normalize.createCall(pos, normalFormAsText(operands)));
        r.define(GlauxFunction.strict("levenshtein_distance", false,
                Signature.of(t, "levenshteinDistance", Returns.BIGINT, STRING, STRING)));
        r.define(GlauxFunction.strict("hamming_distance", false,
                Signature.of(t, "hammingDistance", Returns.BIGINT, STRING, STRING)));
        r.define(GlauxFunction.strict("soundex", false, Signature.of(t, "soundex", Returns.VARCHAR, STRING)));
        r.define(GlauxFunction.strict("luhn_check", false, Signature.of(t, "luhnCheck", Returns.BOOLEAN, STRING)));
    }

    /** normalize(s, NFKC): the form is a keyword in Trino, which the parser reads as a column name. */
    private static List<SqlNode> normalFormAsText(List<SqlNode> operands) {
        List<SqlNode> result = new ArrayList<>(operands);
        if (result.size() == 2 && result.get(1) instanceof SqlIdentifier && ((SqlIdentifier) result.get(1)).isSimple()) {
            SqlIdentifier form = (SqlIdentifier) result.get(1);
            result.set(1, SqlLiteral.createCharString(form.getSimple().toUpperCase(Locale.ROOT),
                    form.getParserPosition()));
        }
        return result;
    }

    public static String upper(String s) {
        return mapCodePoints(s, true);
    }

    public static String lower(String s) {
        return mapCodePoints(s, false);
    }

    private static String mapCodePoints(String s, boolean upper) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(upper ? Character.toUpperCase(cp)
                : Character.toLowerCase(cp)));
        return b.toString();
    }

    /**
     * translate(s, from, to): each code point of s found in from is replaced by the code point at the same position
     * in to, or removed if to is shorter; the first occurrence in from counts.
     */
    public static String translate(String s, String from, String to) {
        int[] source = from.codePoints().toArray();
        int[] target = to.codePoints().toArray();
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int index = indexOf(source, cp);
            if (index < 0) {
                b.appendCodePoint(cp);
            } else if (index < target.length) {
                b.appendCodePoint(target[index]);
            }
        });
        return b.toString();
    }

    private static int indexOf(int[] codePoints, int codePoint) {
        for (int i = 0; i < codePoints.length; i++) {
            if (codePoints[i] == codePoint) {
                return i;
            }
        }
        return -1;
    }

    /** normalize(s): NFC. */
    public static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** normalize(s, form) with form one of NFC, NFD, NFKC, NFKD. */
    public static String normalize(String s, String form) {
        Normalizer.Form f;
        try {
            f = Normalizer.Form.valueOf(form.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FunctionErrors.invalidArgument("Normalization form must be one of [NFD, NFC, NFKD, NFKC]");
        }
        return Normalizer.normalize(s, f);
    }

    /** The least number of code point insertions, deletions and substitutions that turn one string into the other. */
    public static long levenshteinDistance(String left, String right) {
        int[] a = left.codePoints().toArray();
        int[] b = right.codePoints().toArray();
        if (a.length == 0 || b.length == 0) {
            return Math.max(a.length, b.length);
        }
        if ((long) a.length * b.length > MAX_LEVENSHTEIN_CELLS) {
            throw FunctionErrors.invalidArgument("The combined inputs for Levenshtein distance are too large");
        }
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /** The number of positions at which two strings of the same length (in code points) differ. */
    public static long hammingDistance(String left, String right) {
        int[] a = left.codePoints().toArray();
        int[] b = right.codePoints().toArray();
        if (a.length != b.length) {
            throw FunctionErrors.invalidArgument(
                    "The input strings to hamming_distance function must have the same length");
        }
        long distance = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                distance++;
            }
        }
        return distance;
    }

    /**
     * American soundex: the first letter and three digits for the following consonant sounds; letters of the same
     * code count once when adjacent or separated only by H or W; characters other than ASCII letters are ignored.
     * A string without letters gives ''.
     */
    public static String soundex(String s) {
        StringBuilder b = new StringBuilder(4);
        char lastCode = 0;
        for (int i = 0; i < s.length() && b.length() < 4; i++) {
            char c = Character.toUpperCase(s.charAt(i));
            if (c < 'A' || c > 'Z') {
                continue;
            }
            char code = soundexCode(c);
            if (b.length() == 0) {
                b.append(c);
            } else if (code != '0' && code != lastCode) {
                b.append(code);
            }
            if (c != 'H' && c != 'W') {
                lastCode = code;
            }
        }
        if (b.length() == 0) {
            return "";
        }
        while (b.length() < 4) {
            b.append('0');
        }
        return b.toString();
    }

    /** The soundex digit of an upper-case ASCII letter; '0' for vowels, H, W and Y. */
    private static char soundexCode(char c) {
        return "01230120022455012623010202".charAt(c - 'A');
    }

    /** Whether a string of digits passes the Luhn (modulus 10) check; false for anything else. */
    public static boolean luhnCheck(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
