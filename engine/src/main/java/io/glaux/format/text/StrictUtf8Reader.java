package io.glaux.format.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and fails on malformed bytes, but only once every character before them has been delivered, so a
 * reader counting lines names the line that holds the bad bytes (a plain InputStreamReader fails a whole buffer
 * early). The error gives the byte offset.
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes;
    /** Offset in the object of {@code bytes.array()[0]}. */
    private long bufferOffset;
    private boolean endOfInput;
    private IOException pendingError;

    StrictUtf8Reader(InputStream in, int bufferBytes) {
        this.in = in;
        this.bytes = ByteBuffer.allocate(bufferBytes);
        this.bytes.flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            if (pendingError != null) {
                throw pendingError;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                pendingError = Utf8Check.malformedAt(bufferOffset + bytes.position());
            } else if (result.isUnderflow()) {
                if (out.position() > offset) {
                    break;
                }
                if (endOfInput) {
                    return -1;
                }
                fill();
            }
        }
        return out.position() - offset;
    }

    private void fill() throws IOException {
        bufferOffset += bytes.position();
        bytes.compact();
        int read;
        do {
            read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        } while (read == 0);
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
