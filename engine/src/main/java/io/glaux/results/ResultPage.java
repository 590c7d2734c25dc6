package io.glaux.results;

import io.glaux.iam.Principal;
import io.glaux.storage.S3Location;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a result object's rows, read from a byte offset, with the offset where the next page starts (-1 at the
 * end). GetQueryResults pages with it: a NextToken only needs the offset, so later pages don't re-read earlier ones.
 * CSV rows follow Athena's quoting (NULL is an empty unquoted field); text results are one value per line.
 */
public record ResultPage(List<List<String>> rows, long nextOffset) {

    public ResultPage {
        rows = List.copyOf(rows);
    }

    /** Up to {@code maxRows} rows of {@code object} from {@code offset}, read as {@code caller} (null: Glaux). */
    public static ResultPage read(ResultObjects results, S3Location object, long offset, int maxRows,
                                  Principal caller) throws IOException {
        boolean csv = object.key().endsWith(".csv");
        List<List<String>> rows = new ArrayList<>();
        long position = offset;
        try (InputStream in = new BufferedInputStream(results.open(object, offset, caller), 65536)) {
            RowScanner scanner = new RowScanner(in, csv);
            while (rows.size() < maxRows) {
                List<String> row = scanner.next();
                if (row == null) {
                    return new ResultPage(rows, -1);
                }
                rows.add(row);
                position = offset + scanner.consumed;
            }
            return new ResultPage(rows, scanner.atEnd() ? -1 : position);
        }
    }

    /** Reads rows byte by byte, counting the bytes consumed so a page can end at an exact offset. */
    private static final class RowScanner {
        private final InputStream in;
        private final boolean csv;
        private long consumed;
        private int peeked = -2;

        RowScanner(InputStream in, boolean csv) {
            this.in = in;
            this.csv = csv;
        }

        boolean atEnd() throws IOException {
            if (peeked == -2) {
                peeked = in.read();
            }
            return peeked < 0;
        }

        private int read() throws IOException {
            int b;
            if (peeked != -2) {
                b = peeked;
                peeked = -2;
            } else {
                b = in.read();
            }
            if (b >= 0) {
                consumed++;
            }
            return b;
        }

        List<String> next() throws IOException {
            int b = read();
            if (b < 0) {
                return null;
            }
            List<String> row = new ArrayList<>();
            ByteArrayOutputStream field = new ByteArrayOutputStream();
            if (!csv) {
                while (b >= 0 && b != '\n') {
                    field.write(b);
                    b = read();
                }
                row.add(field.toString(StandardCharsets.UTF_8));
                return row;
            }
            while (true) {
                // b is the first byte of a field
                if (b == '"') {
                    field.reset();
                    while (true) {
                        int c = read();
                        if (c < 0) {
                            throw new IOException("Unterminated quoted field in result CSV");
                        }
                        if (c == '"') {
                            int d = read();
                            if (d == '"') {
                                field.write('"');
                                continue;
                            }
                            row.add(field.toString(StandardCharsets.UTF_8));
                            b = d;
                            break;
                        }
                        field.write(c);
                    }
                } else {
                    row.add(null);
                }
                // b is what follows the field
                if (b == ',') {
                    b = read();
                    continue;
                }
                if (b == '\n' || b < 0) {
                    return row;
                }
                throw new IOException("Malformed result CSV: unexpected byte " + b);
            }
        }
    }
}
