package io.glaux.connectors.jdbc;

import java.util.Locale;

/**
 * The database's character set, as far as comparing strings goes. Glaux orders strings as Java's {@code
 * String.compareTo} does (UTF-16 code units); PostgreSQL with {@code COLLATE "C"} orders them by the bytes of the
 * server encoding. The two agree:
 * <ul>
 * <li>in UTF8, except where a character U+E000..U+FFFF meets a supplementary character (U+10000 and up) at the same
 * position: UTF-16 puts the surrogate first, UTF-8 the BMP character. A bound made only of characters below U+D800
 * compares the same either way; otherwise {@link PostgresQueryBuilder} compares through a rewrite that puts U+10FFFF
 * before each U+E000..U+FFFF character, which restores UTF-16's order (for text without U+10FFFF itself, a
 * permanent noncharacter);</li>
 * <li>in LATIN1, always (byte = code point);</li>
 * <li>in SQL_ASCII (the client's UTF-8 bytes stored as they are), for bounds below U+D800;</li>
 * <li>in any other encoding, for ASCII bounds only (every other character is encoded with bytes above ASCII's).</li>
 * </ul>
 * A string value a server encoding cannot hold is not sent at all (the database would refuse it): the connector
 * filters by it itself.
 */
enum ServerEncoding {
    UTF8, SQL_ASCII, LATIN1, OTHER;

    static ServerEncoding of(String name) {
        return switch (name == null ? "" : name.toUpperCase(Locale.ROOT)) {
            case "UTF8", "UTF-8", "UNICODE" -> UTF8;
            case "SQL_ASCII" -> SQL_ASCII;
            case "LATIN1", "ISO88591" -> LATIN1;
            default -> OTHER;
        };
    }

    /** Whether the value can be sent and compared for equality as it is. */
    boolean canCompareEqual(String value) {
        return switch (this) {
            case UTF8, SQL_ASCII -> true;
            case LATIN1 -> below(value, 0x100);
            case OTHER -> below(value, 0x80);
        };
    }

    /** Whether {@code e COLLATE "C" <op> value} orders as Java does, for any value of e. */
    boolean canCompareOrder(String value) {
        return switch (this) {
            case UTF8, SQL_ASCII -> below(value, 0xD800);
            case LATIN1 -> below(value, 0x100);
            case OTHER -> below(value, 0x80);
        };
    }

    /** Whether ordering by a string column can be done by the database in Java's order. */
    boolean canOrder() {
        return this == UTF8 || this == LATIN1;
    }

    private static boolean below(String value, int limit) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= limit) {
                return false;
            }
        }
        return true;
    }
}
