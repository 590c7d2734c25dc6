package io.glaux.format.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * Gives Jackson CSV OpenCSV's escape rule: an escape character keeps a following quote or escape character literal
 * and is otherwise dropped ({@code \t} reads as {@code t}, not a tab; {@code \,} as a separator). Jackson would turn
 * {@code \t}, {@code \n}, {@code \r} and {@code \0} into control characters, so this filter removes every escape
 * except those before a quote or an escape, the two cases on which both agree.
 */
final class OpenCsvEscapeFilter extends Reader {

    private final Reader in;
    private final char escape;
    private final char quote;
    private final char[] chunk = new char[16 * 1024];
    private int position;
    private int limit;
    /** A character to pass through unexamined next (the one after a kept escape), or -1. */
    private int literal = -1;

    OpenCsvEscapeFilter(Reader in, char escape, char quote) {
        this.in = in;
        this.escape = escape;
        this.quote = quote;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int written = 0;
        while (written < length) {
            if (literal >= 0) {
                buffer[offset + written++] = (char) literal;
                literal = -1;
                continue;
            }
            if (written > 0 && position == limit) {
                break;
            }
            int c = nextRaw();
            if (c == escape) {
                int next = nextRaw();
                if (next == quote || next == escape) {
                    literal = next;
                } else {
                    c = next;
                }
            }
            if (c < 0) {
                break;
            }
            buffer[offset + written++] = (char) c;
        }
        return written == 0 && length > 0 ? -1 : written;
    }

    private int nextRaw() throws IOException {
        if (position == limit) {
            int read;
            do {
                read = in.read(chunk, 0, chunk.length);
            } while (read == 0);
            if (read < 0) {
                return -1;
            }
            position = 0;
            limit = read;
        }
        return chunk[position++];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
