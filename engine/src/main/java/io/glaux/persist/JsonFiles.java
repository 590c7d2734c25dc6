package io.glaux.persist;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Durable JSON state files (workgroups, query history), written with {@link AtomicFiles} so a crash leaves the old
 * or the new content, never a torn file. Leftover temporary files start with a dot and are ignored by readers.
 */
public final class JsonFiles {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public void write(Path file, Object value) {
        write(file, value, true);
    }

    /** As {@link AtomicFiles#write(Path, byte[], boolean)}: {@code force} makes the write survive a power cut. */
    public void write(Path file, Object value, boolean force) {
        try {
            AtomicFiles.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(value), force);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    public <T> T read(Path file, Class<T> type) {
        try {
            return mapper.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The content of every state file in {@code folder} (none when the folder does not exist yet). */
    public <T> java.util.List<T> readAll(Path folder, Class<T> type) {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> stream = java.nio.file.Files.list(folder)) {
            return stream.filter(JsonFiles::isStateFile).sorted().map(file -> read(file, type)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + folder, e);
        }
    }

    /** Whether a file name is a state file rather than a leftover temporary file. */
    public static boolean isStateFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && !name.startsWith(".");
    }
}
