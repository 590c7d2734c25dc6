package io.glaux.results;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Athena's result CSV: every non-null field double-quoted with inner quotes doubled, NULL as an empty unquoted field
 * (so an empty string is {@code ""}), fields separated by commas, rows ended by a newline. Reading is the exact
 * inverse, which is why it is not left to a general CSV library: they blur NULL and the empty string.
 */
public final class AthenaCsv {

    private AthenaCsv() {
    }

    /** Writes one row; {@code null} elements are NULLs. */
    public static void writeRow(Writer out, String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String field = fields[i];
            if (field != null) {
                out.write('"');
                out.write(field.replace("\"", "\"\""));
                out.write('"');
            }
        }
        out.write('\n');
    }

    /** Reads rows of an Athena result CSV one at a time. */
    public static final class RowReader {
        private final Reader in;
        private int pending = -2;

        public RowReader(Reader in) {
            this.in = in;
        }

        /** The next row (null elements for NULL fields), or null at the end of input. */
        public List<String> next() throws IOException {
            int c = read();
            if (c < 0) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            while (true) {
                if (c == '"') {
                    StringBuilder field = new StringBuilder();
                    while (true) {
                        int d = read();
                        if (d < 0) {
                            throw new IOException("Unterminated quoted field in result CSV");
                        }
                        if (d == '"') {
                            int e = read();
                            if (e == '"') {
                                field.append('"');
                                continue;
                            }
                            pending = e;
                            break;
                        }
                        field.append((char) d);
                    }
                    fields.add(field.toString());
                    c = read();
                } else {
                    fields.add(null);
                }
                if (c == ',') {
                    c = read();
                    continue;
                }
                if (c == '\n' || c < 0) {
                    return fields;
                }
                throw new IOException("Malformed result CSV: unexpected '" + (char) c + "'");
            }
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return in.read();
        }
    }
}
