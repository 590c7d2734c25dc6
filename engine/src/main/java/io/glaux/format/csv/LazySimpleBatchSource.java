package io.glaux.format.csv;

import io.glaux.catalog.Column;
import io.glaux.format.BatchSource;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ObjectSource;
import io.glaux.format.SourceReadException;
import io.glaux.format.text.BadData;
import io.glaux.format.text.ByteLineReader;
import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a LazySimpleSerDe object as {@link ColumnBatch}es, decoded from the UTF-8 bytes without a String per
 * record or field: the same records, fields, NULLs and values as {@link LazySimpleRowSource} (one record per line,
 * fields split on the ASCII field delimiter skipping escaped ones, missing trailing fields NULL, extra ones ignored,
 * the NULL text compared before unescaping). Only the projected fields are decoded; the bytes of the others are only
 * scanned for the delimiter. A batch is read a chunk of records at a time, in two steps: the chunk's projected fields
 * are copied (unescaped) into one staging buffer, then each column is parsed in one loop over the chunk's rows
 * ({@link ChunkedBatch}, {@link BatchColumn#decode}), which keeps the parsing of a column in code that sees one type.
 */
final class LazySimpleBatchSource implements BatchSource {

    private final ObjectSource source;
    private final ByteLineReader lines;
    private final int maxRows;
    private final byte fieldSeparator;
    private final boolean escaping;
    private final byte escape;
    private final boolean escapeCrlf;
    private final byte[] nullText;
    private final BatchColumn[] columns;
    private final ChunkedBatch batch;
    /** Rows staged at a time. */
    private final int chunkRows;
    private final int[] projection;
    private final int fieldsNeeded;
    /** The lowest projected field (where a record's copied span starts); {@link #fieldsNeeded} when none is. */
    private final int firstProjected;
    private final int[] fieldStarts;
    private final int[] fieldEnds;
    /** The projected fields of the chunk's records, one after another. */
    private byte[] text = new byte[64 * 1024];
    private int textLength;
    /** Per projected column and row of the chunk: where its text is in {@link #text}, or -1 for NULL. */
    private final int[][] starts;
    private final int[][] ends;
    private int headerLinesLeft;
    private boolean finished;

    /**
     * @param dialect with an ASCII field delimiter and escape character ({@link #reads})
     */
    LazySimpleBatchSource(ObjectSource source, ByteLineReader lines, LazySimpleDialect dialect, List<Column> columns,
                          int[] projection, int headerLines, BufferAllocator allocator, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("A batch holds at least one row: " + maxRows);
        }
        this.source = source;
        this.lines = lines;
        this.maxRows = maxRows;
        this.fieldSeparator = (byte) dialect.separator(0);
        this.escaping = dialect.escaping();
        this.escape = (byte) dialect.escape();
        this.escapeCrlf = dialect.escapeCrlf();
        this.nullText = dialect.nullFormat().getBytes(StandardCharsets.UTF_8);
        this.projection = projection.clone();
        this.columns = Arrays.stream(projection).mapToObj(field -> BatchColumn.of(columns.get(field),
                        LazySimpleValueDecoder::decodePrimitive))
                .toArray(BatchColumn[]::new);
        this.fieldsNeeded = Arrays.stream(projection).max().orElse(-1) + 1;
        this.firstProjected = Arrays.stream(projection).min().orElse(fieldsNeeded);
        this.fieldStarts = new int[fieldsNeeded];
        this.fieldEnds = new int[fieldsNeeded];
        this.batch = new ChunkedBatch(this.columns, allocator, maxRows);
        this.headerLinesLeft = headerLines;
        this.chunkRows = Math.min(maxRows, ChunkedBatch.CHUNK_ROWS);
        this.starts = new int[this.columns.length][chunkRows];
        this.ends = new int[this.columns.length][chunkRows];
    }

    /**
     * Whether the dialect can be read from bytes: an ASCII field delimiter and escape character (they then never
     * occur inside a multi-byte character), and a NULL text that is well-formed (one that is not could never match).
     */
    static boolean reads(LazySimpleDialect dialect) {
        return dialect.separator(0) < 0x80 && dialect.escape() < 0x80
                && dialect.nullFormat().codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE);
    }

    @Override
    public ColumnBatch next() throws IOException {
        if (finished) {
            return null;
        }
        try {
            while (!finished && batch.rows() < maxRows) {
                int limit = Math.min(chunkRows, maxRows - batch.rows());
                int rows = 0;
                textLength = 0;
                while (rows < limit && nextRecord()) {
                    stage(rows++);
                }
                finished = rows < limit;
                if (rows > 0) {
                    batch.decode(text, starts, ends, rows, null);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            batch.abandon();
            throw e;
        }
        int rows = batch.rows();
        return rows == 0 ? null : new ColumnBatch(rows, batch.finish(), null);
    }

    /** Moves to the next record after the header lines; false at the end. */
    private boolean nextRecord() throws IOException {
        try {
            while (lines.next()) {
                if (headerLinesLeft == 0) {
                    return true;
                }
                headerLinesLeft--;
            }
            return false;
        } catch (InterruptedIOException | SourceReadException e) {
            throw e; // cancelled, or the store failed: not the data's fault
        } catch (IOException e) {
            throw BadData.at("CSV", source.name(), lines.nextLineNumber(), BadData.describe(e), e);
        }
    }

    /**
     * Copies the current record's projected fields into {@link #text} (unescaped) and notes where each is, or that
     * it is NULL (missing, or the NULL text). Where no field needs unescaping, the span from the first projected
     * field to the last field read is copied at once and each field's bounds are moved by where it landed.
     */
    private void stage(int row) {
        byte[] bytes = lines.buffer();
        int found = split(bytes, lines.start(), lines.end());
        int spanStart = firstProjected < found ? fieldStarts[firstProjected] : 0;
        int spanEnd = firstProjected < found ? fieldEnds[found - 1] : 0;
        boolean plain = !escaping || !contains(bytes, spanStart, spanEnd, escape);
        int shift = 0;
        if (plain) {
            reserve(spanEnd - spanStart);
            System.arraycopy(bytes, spanStart, text, textLength, spanEnd - spanStart);
            shift = textLength - spanStart;
            textLength += spanEnd - spanStart;
        }
        for (int i = 0; i < columns.length; i++) {
            int field = projection[i];
            int start = field < found ? fieldStarts[field] : 0;
            int end = field < found ? fieldEnds[field] : 0;
            if (field >= found || isNullText(bytes, start, end)) {
                starts[i][row] = -1;
            } else if (plain) {
                starts[i][row] = start + shift;
                ends[i][row] = end + shift;
            } else {
                reserve(end - start);
                starts[i][row] = textLength;
                if (contains(bytes, start, end, escape)) {
                    textLength = unescape(bytes, start, end, textLength);
                } else {
                    System.arraycopy(bytes, start, text, textLength, end - start);
                    textLength += end - start;
                }
                ends[i][row] = textLength;
            }
        }
    }

    /** Room in {@link #text} for {@code length} more bytes. */
    private void reserve(int length) {
        if (text.length - textLength < length) {
            text = Arrays.copyOf(text, (int) Math.min(Integer.MAX_VALUE - 8,
                    Math.max(2L * text.length, (long) textLength + length)));
        }
    }

    /** Records the bounds of the first {@link #fieldsNeeded} fields; returns how many the record has of them. */
    private int split(byte[] bytes, int start, int end) {
        int from = start;
        for (int field = 0; field < fieldsNeeded; field++) {
            int to = find(bytes, from, end);
            fieldStarts[field] = from;
            fieldEnds[field] = to;
            if (to == end) {
                return field + 1;
            }
            from = to + 1;
        }
        return fieldsNeeded;
    }

    /** The index of the first unescaped field delimiter in [from, end), or {@code end}. */
    private int find(byte[] bytes, int from, int end) {
        if (!escaping) {
            for (int i = from; i < end; i++) {
                if (bytes[i] == fieldSeparator) {
                    return i;
                }
            }
            return end;
        }
        for (int i = from; i < end; i++) {
            byte c = bytes[i];
            if (c == fieldSeparator) {
                return i;
            }
            if (escaping && c == escape) {
                i++;
            }
        }
        return end;
    }

    private boolean isNullText(byte[] bytes, int start, int end) {
        return end - start == nullText.length && Arrays.equals(bytes, start, end, nullText, 0, nullText.length);
    }

    private static boolean contains(byte[] bytes, int start, int end, byte b) {
        for (int i = start; i < end; i++) {
            if (bytes[i] == b) {
                return true;
            }
        }
        return false;
    }

    /**
     * Copies the field into {@link #text} at {@code at} without its escape characters, keeping what they escape
     * ({@code r} and {@code n} become CR and LF with escape.crlf); returns where it ends.
     */
    private int unescape(byte[] bytes, int start, int end, int at) {
        int length = at;
        for (int i = start; i < end; i++) {
            byte c = bytes[i];
            if (c == escape && i + 1 < end) {
                byte next = bytes[++i];
                if (escapeCrlf && next == 'r') {
                    next = '\r';
                } else if (escapeCrlf && next == 'n') {
                    next = '\n';
                }
                text[length++] = next;
            } else {
                text[length++] = c;
            }
        }
        return length;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
