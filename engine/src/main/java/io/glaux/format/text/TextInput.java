package io.glaux.format.text;

import io.glaux.format.ObjectSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.zip.GZIPInputStream;

/**
 * Opens an object's bytes as characters (or bytes) for the text readers: streamed from offset 0 in 64 KiB reads,
 * decompressed when the name ends in {@code .gz} (as Athena picks the codec by extension), and decoded as UTF-8 that
 * rejects malformed bytes with an error naming the byte offset rather than replacing them.
 */
public final class TextInput {

    private static final int BUFFER_BYTES = 64 * 1024;

    private TextInput() {
    }

    public static Reader open(ObjectSource source) throws IOException {
        return new StrictUtf8Reader(openBytes(source), BUFFER_BYTES);
    }

    /**
     * The object's bytes, decompressed as {@link #open} reads them but not decoded; {@link ByteLineReader} checks the
     * UTF-8 itself.
     */
    public static InputStream openBytes(ObjectSource source) throws IOException {
        InputStream in = source.open(0, -1);
        return isCompressed(source) ? new GZIPInputStream(in, BUFFER_BYTES) : in;
    }

    /** Whether the object's bytes are gzip-compressed (its name ends in {@code .gz}), so only read from its start. */
    public static boolean isCompressed(ObjectSource source) {
        return source.name().endsWith(".gz");
    }
}
