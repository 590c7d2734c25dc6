package io.glaux.format.csv;

import io.glaux.catalog.Column;
import io.glaux.format.BatchSource;
import io.glaux.format.ColumnBatch;
import io.glaux.format.text.Utf8Check;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a CSV whose non-null fields are all double-quoted (inner quotes doubled, separators and newlines kept
 * inside the quotes), NULL an empty unquoted field, fields separated by commas and rows ended by {@code \n}: Athena's
 * result objects ({@code io.glaux.results.AthenaCsv}). They come as {@link ColumnBatch}es parsed straight from the
 * UTF-8 bytes, with exactly what reading the object as characters ({@code AthenaCsv.RowReader} over a UTF-8
 * {@link java.io.InputStreamReader}) and each field with the row reader's {@link FieldParser} gives:
 * <ul>
 *   <li>the same values, through {@link BatchColumn} (fast paths where every reader agrees, else the parser);</li>
 *   <li>malformed UTF-8 read as U+FFFD, as the character reader replaces it (such a row's fields are staged from
 *       their decoded text);</li>
 *   <li>a row whose field count is not the column count, or with a field the parser cannot read, left out of the
 *       batches and counted in {@link #skippedRows()} (the row reader's unreadable rows);</li>
 *   <li>text that is not such a CSV (a character after a closing quote or in an unquoted field, a quote left open)
 *       failing with the row reader's {@link IOException}.</li>
 * </ul>
 * A batch is read a chunk of rows at a time, as {@link LazySimpleBatchSource} does, in two steps: the chunk's fields
 * are copied (unquoted) into one staging buffer, then each column is parsed in one loop over the chunk's rows
 * ({@link ChunkedBatch}).
 */
public final class QuotedCsvBatchSource implements BatchSource {

    private static final int INPUT_BYTES = 64 * 1024;
    /** Eight bytes at a time, to find the closing quote of a field quickly. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** What {@link #readRowInBuffer} returns for a row it leaves to {@link #readRowAcrossBuffers}. */
    private static final int ROW_NOT_IN_BUFFER = -2;

    private final InputStream in;
    private final BufferAllocator allocator;
    private final int maxRows;
    private final BatchColumn[] columns;
    private final ChunkedBatch batch;
    /** Rows staged at a time. */
    private final int chunkRows;
    private final byte[] input = new byte[INPUT_BYTES];
    private int position;
    private int limit;
    private boolean endOfInput;
    /** The fields of the chunk's rows, one after another, unquoted. */
    private byte[] text = new byte[256 * 1024];
    private int textLength;
    /** Per column and row of the chunk: where its text is in {@link #text}, or -1 for NULL. */
    private final int[][] starts;
    private final int[][] ends;
    /** Per row of the batch: whether a field of it did not read. */
    private boolean[] unreadable;
    /** The OR of the bytes of the current row's quoted fields: its sign bit says whether any is not ASCII. */
    private int nonAscii;
    private boolean skipHeader;
    private boolean finished;
    private long skipped;

    /**
     * @param in         the object's bytes, closed with this source
     * @param columns    the object's columns, in order (each with a columnar layout)
     * @param header     whether the first row is a header, skipped (whatever its fields)
     * @param rowPath    the row reader's reading of a field's text, for text outside the fast paths
     */
    public QuotedCsvBatchSource(InputStream in, List<Column> columns, boolean header, FieldParser rowPath,
                                BufferAllocator allocator, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("A batch holds at least one row: " + maxRows);
        }
        this.in = in;
        this.allocator = allocator;
        this.maxRows = maxRows;
        this.columns = columns.stream().map(column -> BatchColumn.of(column, rowPath)).toArray(BatchColumn[]::new);
        this.batch = new ChunkedBatch(this.columns, allocator, maxRows);
        this.skipHeader = header;
        this.chunkRows = Math.min(maxRows, ChunkedBatch.CHUNK_ROWS);
        this.starts = new int[this.columns.length][chunkRows];
        this.ends = new int[this.columns.length][chunkRows];
        this.unreadable = new boolean[chunkRows];
    }

    /** Whether every column can be read in columns. */
    public static boolean reads(List<Column> columns) {
        return columns.stream().allMatch(column -> BatchColumn.decodes(column.type()));
    }

    /** Rows left out so far: a field count other than the column count, or a field that does not read. */
    public long skippedRows() {
        return skipped;
    }

    @Override
    public ColumnBatch next() throws IOException {
        while (!finished) {
            if (skipHeader) {
                skipHeader = false;
                if (readRow(0) < 0) {
                    finished = true;
                    return null;
                }
            }
            try {
                while (!finished && batch.rows() < maxRows) {
                    readChunk(Math.min(chunkRows, maxRows - batch.rows()));
                }
            } catch (IOException | RuntimeException | Error e) {
                batch.abandon();
                throw e;
            }
            if (batch.rows() > 0) {
                ColumnBatch read = keepReadable(batch.rows(), batch.finish());
                if (read != null) {
                    return read;
                }
            }
        }
        return null;
    }

    /** Stages up to {@code limit} rows (fewer at the end of the input) and decodes them into the batch. */
    private void readChunk(int limit) throws IOException {
        int rows = 0;
        textLength = 0;
        while (rows < limit) {
            int rowStart = textLength;
            int fields = readRow(rows);
            if (fields < 0) {
                finished = true;
                break;
            }
            if (fields != columns.length) {
                skipped++;
                textLength = rowStart;
                continue;
            }
            if (nonAscii < 0) {
                replaceMalformed(rows, rowStart);
            }
            rows++;
        }
        if (rows > 0) {
            int base = batch.rows();
            if (unreadable.length < base + rows) {
                unreadable = Arrays.copyOf(unreadable, Math.max(base + rows, 2 * unreadable.length));
            }
            Arrays.fill(unreadable, base, base + rows, false);
            batch.decode(text, starts, ends, rows, unreadable);
        }
    }

    /**
     * Reads the next row, staging its first fields as row {@code row}; returns how many fields it has, or -1 at the
     * end of the input.
     */
    private int readRow(int row) throws IOException {
        int fields = readRowInBuffer(row);
        return fields != ROW_NOT_IN_BUFFER ? fields : readRowAcrossBuffers(row);
    }

    /**
     * {@link #readRow} for a row whose bytes, its newline included, are all in the input buffer: one loop over the
     * buffer in local variables, quoted fields copied eight bytes at a time. Returns {@link #ROW_NOT_IN_BUFFER},
     * having consumed and staged nothing, for a row that goes on past the buffer (or ends the input without a
     * newline) and for text that is not a result CSV, which {@link #readRowAcrossBuffers} then reads.
     */
    private int readRowInBuffer(int row) {
        byte[] bytes = input;
        int i = position;
        int end = limit;
        // The row's text is no longer than its bytes in the buffer, and a word is stored whole only where eight of
        // those bytes are left.
        reserve(end - i);
        byte[] out = text;
        int to = textLength;
        /* The OR of what copyToQuote returned for the row: negative when a field is not all ASCII. */
        long copies = 0;
        int field = 0;
        while (i < end) {
            byte c = bytes[i];
            if (c == '"') {
                int start = to;
                i++;
                while (true) {
                    long copied = copyToQuote(bytes, i, end, out, to);
                    copies |= copied;
                    i += (int) copied;
                    to += (int) copied;
                    // At the closing quote, or one of a doubled pair; what follows it must be in the buffer too.
                    if (i + 1 >= end) {
                        return ROW_NOT_IN_BUFFER;
                    }
                    if (bytes[i + 1] != '"') {
                        i++;
                        break;
                    }
                    out[to++] = '"';
                    i += 2;
                }
                if (field < columns.length) {
                    starts[field][row] = start;
                    ends[field][row] = to;
                }
                c = bytes[i];
            } else if (field < columns.length) {
                starts[field][row] = -1;
            }
            field++;
            if (c == '\n') {
                position = i + 1;
                textLength = to;
                nonAscii = copies < 0 ? -1 : 0;
                return field;
            }
            if (c != ',') {
                return ROW_NOT_IN_BUFFER;
            }
            i++;
        }
        return ROW_NOT_IN_BUFFER;
    }

    /** {@link #readRow} byte by byte, reading more input as it goes. */
    private int readRowAcrossBuffers(int row) throws IOException {
        int c = read();
        if (c < 0) {
            return -1;
        }
        nonAscii = 0;
        int field = 0;
        while (true) {
            if (c == '"') {
                int start = textLength;
                copyQuoted();
                if (field < columns.length) {
                    starts[field][row] = start;
                    ends[field][row] = textLength;
                }
                c = read();
            } else if (field < columns.length) {
                starts[field][row] = -1;
            }
            field++;
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\n' || c < 0) {
                return field;
            }
            throw new IOException("Malformed result CSV: unexpected '" + unexpected(c) + "'");
        }
    }

    /**
     * Copies a quoted field's text (after its opening quote) into {@link #text}, consuming its closing quote, reading
     * more input as needed. The bytes are copied as they are scanned ({@link #copyToQuote}), which for the short
     * fields of most rows costs less than finding the quote first and copying after.
     */
    private void copyQuoted() throws IOException {
        while (true) {
            reserve(limit - position);
            long copied = copyToQuote(input, position, limit, text, textLength);
            nonAscii |= copied < 0 ? -1 : 0;
            textLength += (int) copied;
            position += (int) copied;
            if (position == limit) {
                if (!fill()) {
                    throw new IOException("Unterminated quoted field in result CSV");
                }
                continue;
            }
            position++;
            if (position == limit && !fill()) {
                return;
            }
            if (input[position] != '"') {
                return;
            }
            append(input, position, 1);
            position++;
        }
    }

    /**
     * Copies {@code bytes[from, end)} up to the first quote to {@code out} at {@code to}, eight bytes at a time, the
     * quote found in the last eight by its bit (byte by byte only in the last seven bytes before {@code end}); each
     * eight are stored whole, so {@code out} must have room from {@code to} for every byte up to {@code end}.
     * Returns how many bytes were copied (the quote is at {@code from} plus that, or there is none before
     * {@code end}), negative when any of them is not ASCII (the low 32 bits are the count).
     */
    private static long copyToQuote(byte[] bytes, int from, int end, byte[] out, int to) {
        int i = from;
        long words = 0;
        while (i + Long.BYTES <= end) {
            long word = (long) LONGS.get(bytes, i);
            long quotes = word ^ QUOTES;
            long found = (quotes - LOW_BITS) & ~quotes & HIGH_BITS;
            LONGS.set(out, to + i - from, word);
            if (found != 0) {
                // The lowest marked byte is the first quote (a mark above it may be false).
                int before = Long.numberOfTrailingZeros(found) >>> 3;
                words |= word & ((1L << (before << 3)) - 1);
                i += before;
                return (i - from) | ((words & HIGH_BITS) != 0 ? Long.MIN_VALUE : 0);
            }
            words |= word;
            i += Long.BYTES;
        }
        while (i < end && bytes[i] != '"') {
            words |= bytes[i] & 0xff;
            out[to + i - from] = bytes[i];
            i++;
        }
        return (i - from) | ((words & HIGH_BITS) != 0 ? Long.MIN_VALUE : 0);
    }

    /** Room in {@link #text} for {@code length} more bytes. */
    private void reserve(int length) {
        if (text.length - textLength < length) {
            text = Arrays.copyOf(text, (int) Math.min(Integer.MAX_VALUE - 8,
                    Math.max(2L * text.length, (long) textLength + length)));
        }
    }

    private void append(byte[] bytes, int from, int length) {
        reserve(length);
        System.arraycopy(bytes, from, text, textLength, length);
        textLength += length;
    }

    /** The next byte (0..255), or -1 at the end of the input. */
    private int read() throws IOException {
        if (position < limit) {
            return input[position++] & 0xff;
        }
        return fill() ? input[position++] & 0xff : -1;
    }

    /** Reads more input once everything before {@link #limit} is consumed; false at the end of the input. */
    private boolean fill() throws IOException {
        while (!endOfInput) {
            int read = in.read(input, 0, input.length);
            if (read < 0) {
                endOfInput = true;
            } else if (read > 0) {
                position = 0;
                limit = read;
                return true;
            }
        }
        return false;
    }

    /** The character the row reader would name for an unexpected byte (a non-ASCII one starts a sequence). */
    private String unexpected(int c) throws IOException {
        if (c < 0x80) {
            return String.valueOf((char) c);
        }
        byte[] sequence = new byte[c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2];
        sequence[0] = (byte) c;
        int length = 1;
        for (int next; length < sequence.length && (next = read()) >= 0; length++) {
            sequence[length] = (byte) next;
        }
        return new String(sequence, 0, length, StandardCharsets.UTF_8).substring(0, 1);
    }

    /**
     * Restages row {@code row} (its text from {@code rowStart}) when a field holds malformed UTF-8: each field as the
     * UTF-8 of its decoded text, where the decoder put U+FFFD for each malformed sequence. A field is decoded alone;
     * it is bounded by quotes (ASCII) on both sides, where the character reader's decoder ends a malformed sequence.
     */
    private void replaceMalformed(int row, int rowStart) {
        boolean malformed = false;
        for (int i = 0; i < columns.length && !malformed; i++) {
            malformed = starts[i][row] >= 0 && Utf8Check.firstMalformed(text, starts[i][row], ends[i][row]) >= 0;
        }
        if (!malformed) {
            return;
        }
        byte[][] decoded = new byte[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            if (starts[i][row] >= 0) {
                decoded[i] = new String(text, starts[i][row], ends[i][row] - starts[i][row], StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        textLength = rowStart;
        for (int i = 0; i < columns.length; i++) {
            if (decoded[i] != null) {
                starts[i][row] = textLength;
                append(decoded[i], 0, decoded[i].length);
                ends[i][row] = textLength;
            }
        }
    }

    /** The batch's decoded rows without the unreadable ones; null when none is left. */
    private ColumnBatch keepReadable(int rows, List<FieldVector> decoded) {
        List<FieldVector> vectors = decoded;
        try {
            int kept = 0;
            for (int row = 0; row < rows; row++) {
                kept += unreadable[row] ? 0 : 1;
            }
            skipped += rows - kept;
            if (kept < rows) {
                List<FieldVector> read = vectors;
                vectors = new ArrayList<>(columns.length);
                try {
                    for (int i = 0; i < read.size() && kept > 0; i++) {
                        vectors.add(keep(read.get(i), rows, kept));
                    }
                } finally {
                    read.forEach(FieldVector::close);
                }
                if (kept == 0) {
                    return null;
                }
            }
            return new ColumnBatch(kept, vectors, null);
        } catch (RuntimeException | Error e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    /** A copy of the vector's readable rows. */
    private FieldVector keep(FieldVector vector, int rows, int kept) {
        FieldVector copy = vector.getField().createVector(allocator);
        try {
            copy.setInitialCapacity(kept);
            copy.allocateNew();
            int to = 0;
            for (int row = 0; row < rows; row++) {
                if (!unreadable[row]) {
                    copy.copyFromSafe(row, to++, vector);
                }
            }
            copy.setValueCount(kept);
            return copy;
        } catch (RuntimeException | Error e) {
            copy.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
