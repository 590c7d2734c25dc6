package io.glaux.format.text;

import io.glaux.error.GlauxException;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Opens the character stream the text writers write to, compressed per {@code write_compression} (NONE by
 * default, or GZIP), and names the matching file extension: none for plain text, {@code .gz} for GZIP, which is also
 * how {@link TextInput} recognises compressed objects.
 */
public final class TextOutput {

    public static final String WRITE_COMPRESSION = "write_compression";

    private TextOutput() {
    }

    public static Writer open(OutputStream out, Map<String, String> properties) throws IOException {
        OutputStream stream = gzip(properties) ? new GZIPOutputStream(out, 64 * 1024) : out;
        return new BufferedWriter(new OutputStreamWriter(new BufferedOutputStream(stream, 64 * 1024),
                StandardCharsets.UTF_8), 64 * 1024);
    }

    public static String fileExtension(Map<String, String> properties) {
        return gzip(properties) ? ".gz" : "";
    }

    private static boolean gzip(Map<String, String> properties) {
        String compression = properties.get(WRITE_COMPRESSION);
        if (compression == null) {
            return false;
        }
        return switch (compression.trim().toUpperCase(Locale.ROOT)) {
            case "", "NONE", "UNCOMPRESSED" -> false;
            case "GZIP" -> true;
            default -> throw GlauxException.user("Unsupported write_compression for text formats: " + compression
                    + " (supported: NONE, GZIP)");
        };
    }
}
