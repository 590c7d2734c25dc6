package io.glaux.catalog.ddl;

/**
 * Backslash escapes in Hive string literals: {@code \n \t \r \b \0 \Z \\ \' \"}, three-digit octal codes such as
 * {@code \001}, {@code \\uXXXX}; {@code \%} and {@code \_} keep their backslash (they matter to LIKE); any other
 * escaped character stands for itself.
 */
final class HiveEscapes {

    private HiveEscapes() {
    }

    /**
     * Decodes the escape that starts with the backslash at {@code pos}, appends its meaning to {@code out} and returns
     * the position after it.
     */
    static int unescape(String s, int pos, StringBuilder out) {
        char next = s.charAt(pos + 1);
        if (isOctal3(s, pos + 1)) {
            out.append((char) Integer.parseInt(s.substring(pos + 1, pos + 4), 8));
            return pos + 4;
        }
        if (next == 'u' && pos + 6 <= s.length() && isHex(s.substring(pos + 2, pos + 6))) {
            out.append((char) Integer.parseInt(s.substring(pos + 2, pos + 6), 16));
            return pos + 6;
        }
        switch (next) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case '0' -> out.append('\0');
            case 'Z' -> out.append('\u001A');
            case '%', '_' -> out.append('\\').append(next);
            default -> out.append(next);
        }
        return pos + 2;
    }

    private static boolean isOctal3(String s, int at) {
        if (at + 3 > s.length()) {
            return false;
        }
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        char c = s.charAt(at + 2);
        return a >= '0' && a <= '3' && b >= '0' && b <= '7' && c >= '0' && c <= '7';
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
