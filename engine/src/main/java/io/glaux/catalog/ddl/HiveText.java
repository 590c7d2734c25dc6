package io.glaux.catalog.ddl;

/** Small text helpers shared by the renderers of SHOW CREATE TABLE and DESCRIBE. */
final class HiveText {

    /** Hive pads the fields of DESCRIBE-like output to this width. */
    static final int ALIGNMENT = 20;

    private HiveText() {
    }

    static String pad(String value) {
        String text = value == null ? "" : value;
        return text.length() >= ALIGNMENT ? text : text + " ".repeat(ALIGNMENT - text.length());
    }

    /** A value between single quotes, with quotes, backslashes and control characters escaped as Hive shows them. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < ' ' || c == '\u007F') {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }
}
