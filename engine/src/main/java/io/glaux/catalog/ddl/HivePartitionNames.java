package io.glaux.catalog.ddl;

import io.glaux.catalog.Column;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Partition names and folder names the way Hive writes them: {@code k1=v1/k2=v2}, with the characters that cannot
 * stand in a path segment written as {@code %XX} (upper-case hex of the UTF-8 bytes), and an empty value as
 * {@code __HIVE_DEFAULT_PARTITION__}.
 */
public final class HivePartitionNames {

    public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";
    private static final String SPECIAL = "\"#%'*/:=?\\{[]^";

    private HivePartitionNames() {
    }

    public static String name(List<Column> keys, List<String> values) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                name.append('/');
            }
            name.append(escape(keys.get(i).name())).append('=').append(escape(values.get(i)));
        }
        return name.toString();
    }

    public static String escape(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_PARTITION;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == '\u007F' || SPECIAL.indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Reverses {@link #escape}; a '%' not followed by two hex digits stands for itself. */
    static String unescape(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length
                    && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }
}
