package io.glaux.format.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits characters into records at {@code \n}, dropping an unescaped {@code \r} just before it. A final record
 * without a newline is still a record; an empty input has none. With an escape character, the character after an escape
 * (a newline included) belongs to the record and is kept escaped for the field parser. Memory is one buffer plus the
 * longest record.
 */
public final class LineReader implements Closeable {

    /** No escape character. */
    public static final int NO_ESCAPE = -1;

    private final Reader in;
    private final int escape;
    private final char[] buffer = new char[32 * 1024];
    private final StringBuilder record = new StringBuilder(256);
    private int position;
    private int limit;
    private long nextLine = 1;
    private long recordLine;

    public LineReader(Reader in, int escape) {
        this.in = in;
        this.escape = escape;
    }

    /** The next record without its line terminator, or null at the end of input. */
    public String next() throws IOException {
        record.setLength(0);
        recordLine = nextLine;
        boolean escaped = false;
        boolean lastEscaped = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                return any ? finish(lastEscaped) : null;
            }
            any = true;
            int start = position;
            while (position < limit) {
                char c = buffer[position++];
                if (c == '\n') {
                    nextLine++;
                    if (!escaped) {
                        record.append(buffer, start, position - 1 - start);
                        return finish(lastEscaped);
                    }
                }
                lastEscaped = escaped;
                escaped = !escaped && c == escape;
            }
            record.append(buffer, start, position - start);
        }
    }

    /** The line number (from 1) where the record last returned by {@link #next()} starts. */
    public long lineNumber() {
        return recordLine;
    }

    /** The line number that the next record starts on. */
    public long nextLineNumber() {
        return nextLine;
    }

    /** The record, less a final CR unless that CR was escaped. */
    private String finish(boolean lastEscaped) {
        int length = record.length();
        if (length > 0 && record.charAt(length - 1) == '\r' && !lastEscaped) {
            record.setLength(length - 1);
        }
        return record.toString();
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
