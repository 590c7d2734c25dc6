package io.glaux.connectors.lambda;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A function's log on disk, as CloudWatch Logs would hold it: its processes' stdout and stderr line by line, and
 * Lambda's START, END and REPORT lines around each invocation. Past a few megabytes the file is rotated to
 * {@code <name>.log.1}, so a chatty function does not fill the disk.
 */
final class FunctionLog {

    private static final long ROTATE_BYTES = 8L * 1024 * 1024;

    private final Path file;

    FunctionLog(Path file) {
        this.file = file;
    }

    synchronized void append(String line) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) > ROTATE_BYTES) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // A log that cannot be written never fails an invocation.
        }
    }

    /** The last {@code bytes} bytes of the log (all of it when shorter). */
    synchronized String tail(int bytes) {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = Math.max(0, length - bytes);
            byte[] content = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(content);
            return new String(content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
