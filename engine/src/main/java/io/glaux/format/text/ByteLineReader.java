package io.glaux.format.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link LineReader} over undecoded bytes, for readers that parse fields straight from UTF-8: the same records
 * (split at {@code \n}, an unescaped {@code \r} before it dropped, escaped newlines kept inside, a last record without
 * a newline, none for empty input) and the same line numbers, each record checked to be well-formed UTF-8 before it
 * is returned, failing at the same byte offset and line as {@link TextInput#open}'s decoder. The record is a range of
 * {@link #buffer()}, valid until the next call. Separators and the escape character must be ASCII, which never occurs
 * inside a multi-byte sequence. Memory is one buffer that grows to the longest record.
 */
public final class ByteLineReader implements Closeable {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final InputStream in;
    private final int escape;
    private byte[] buffer = new byte[BUFFER_BYTES];
    /** Offset in the object of {@code buffer[0]}. */
    private long bufferOffset;
    private int position;
    private int limit;
    private boolean endOfInput;
    private int start;
    private int end;
    private long nextLine = 1;
    private long recordLine;
    /** Records that start at or after this offset in the object are another reader's. */
    private final long stopAt;
    /** Whether the bytes up to the first newline still have to be skipped (they end another reader's record). */
    private boolean skipPartialLine;

    /**
     * @param escape an ASCII escape character, or {@link LineReader#NO_ESCAPE}
     */
    public ByteLineReader(InputStream in, int escape) {
        this(in, escape, 0, false, Long.MAX_VALUE);
    }

    private ByteLineReader(InputStream in, int escape, long streamOffset, boolean skipPartialLine, long stopAt) {
        if (escape != LineReader.NO_ESCAPE && (escape < 0 || escape >= 0x80)) {
            throw new IllegalArgumentException("Not an ASCII escape character: " + escape);
        }
        this.in = in;
        this.escape = escape;
        this.bufferOffset = streamOffset;
        this.skipPartialLine = skipPartialLine;
        this.stopAt = stopAt;
    }

    /**
     * The records of an uncompressed object that start in bytes [{@code from}, {@code to}): one part of an object read
     * in parts, as Hive's line reader splits text. Every record belongs to exactly one part: the part that holds its
     * first byte reads it to its end, past {@code to} if need be. {@code in} holds the object's bytes from
     * {@code from - 1} (from 0 when {@code from} is 0): unless that byte is a newline, the record it is part of is the
     * previous part's and is skipped. Escaped newlines cannot be told from record ends in the middle of an object, so
     * there is no escape character; line numbers count from the part's first record.
     */
    public static ByteLineReader ofRange(InputStream in, long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Not a range: [" + from + ", " + to + ")");
        }
        return from == 0 ? new ByteLineReader(in, LineReader.NO_ESCAPE, 0, false, to)
                : new ByteLineReader(in, LineReader.NO_ESCAPE, from - 1, true, to);
    }

    /** Moves to the next record; false at the end of input (or of the range read). */
    public boolean next() throws IOException {
        if (skipPartialLine) {
            skipPartialLine = false;
            if (!skipToNewline()) {
                return false;
            }
        }
        if (bufferOffset + position >= stopAt) {
            return false;
        }
        recordLine = nextLine;
        int recordStart = position;
        int scan = position;
        boolean escaped = false;
        boolean lastEscaped = false;
        while (true) {
            int newline = -1;
            if (escape == LineReader.NO_ESCAPE) {
                for (int i = skipWithoutNewline(scan); i < limit; i++) {
                    if (buffer[i] == '\n') {
                        nextLine++;
                        newline = i;
                        break;
                    }
                }
            } else {
                for (int i = scan; i < limit; i++) {
                    byte c = buffer[i];
                    if (c == '\n') {
                        nextLine++;
                        if (!escaped) {
                            newline = i;
                            break;
                        }
                    }
                    lastEscaped = escaped;
                    escaped = !escaped && c == escape;
                }
            }
            if (newline >= 0) {
                position = newline + 1;
                return finish(recordStart, newline, lastEscaped);
            }
            if (endOfInput) {
                position = limit;
                return limit > recordStart && finish(recordStart, limit, lastEscaped);
            }
            scan = limit - recordStart;
            recordStart = fill(recordStart);
        }
    }

    /** Moves past the first newline, unchecked (the bytes before it may start in a character); false if none. */
    private boolean skipToNewline() throws IOException {
        while (true) {
            for (int i = skipWithoutNewline(position); i < limit; i++) {
                if (buffer[i] == '\n') {
                    position = i + 1;
                    return true;
                }
            }
            if (endOfInput) {
                position = limit;
                return false;
            }
            position = fill(limit);
        }
    }

    /**
     * Where the search for a newline from {@code from} must go on byte by byte: past every run of eight bytes that
     * holds none (a word with no zero byte once XORed with newlines).
     */
    private int skipWithoutNewline(int from) {
        int i = from;
        while (i + Long.BYTES <= limit) {
            long word = (long) LONGS.get(buffer, i) ^ NEWLINES;
            if (((word - LOW_BITS) & ~word & HIGH_BITS) != 0) {
                break;
            }
            i += Long.BYTES;
        }
        return i;
    }

    /** Checks the record's UTF-8 and sets its bounds, less a final CR unless that CR was escaped. */
    private boolean finish(int recordStart, int recordEnd, boolean lastEscaped) throws IOException {
        int malformed = Utf8Check.firstMalformed(buffer, recordStart, recordEnd);
        if (malformed >= 0) {
            nextLine = recordLine;
            for (int i = recordStart; i < malformed; i++) {
                if (buffer[i] == '\n') {
                    nextLine++;
                }
            }
            throw Utf8Check.malformedAt(bufferOffset + malformed);
        }
        start = recordStart;
        end = recordEnd > recordStart && buffer[recordEnd - 1] == '\r' && !lastEscaped ? recordEnd - 1 : recordEnd;
        return true;
    }

    /**
     * Moves the partial record at {@code recordStart} to the front of the buffer (growing it when the record fills
     * it) and reads more bytes after it; returns where the record now starts (0).
     */
    private int fill(int recordStart) throws IOException {
        int kept = limit - recordStart;
        if (recordStart > 0) {
            System.arraycopy(buffer, recordStart, buffer, 0, kept);
            bufferOffset += recordStart;
        } else if (kept == buffer.length) {
            byte[] grown = new byte[buffer.length * 2];
            System.arraycopy(buffer, 0, grown, 0, kept);
            buffer = grown;
        }
        limit = kept;
        int read;
        do {
            read = in.read(buffer, limit, buffer.length - limit);
        } while (read == 0);
        if (read < 0) {
            endOfInput = true;
        } else {
            limit += read;
        }
        return 0;
    }

    /** The bytes holding the current record. */
    public byte[] buffer() {
        return buffer;
    }

    /** Where the current record starts in {@link #buffer()}. */
    public int start() {
        return start;
    }

    /** Where the current record ends (exclusive) in {@link #buffer()}, without its line terminator. */
    public int end() {
        return end;
    }

    /** The line number (from 1) where the current record starts. */
    public long lineNumber() {
        return recordLine;
    }

    /** The line number that the next record starts on (after an error, the line holding the bad bytes). */
    public long nextLineNumber() {
        return nextLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
