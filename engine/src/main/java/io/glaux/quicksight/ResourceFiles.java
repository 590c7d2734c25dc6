package io.glaux.quicksight;

import io.glaux.persist.JsonFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The QuickSight resources of one kind, kept in memory and each in its own JSON file (crash-safe replacement), named
 * by a hash of its id so any id QuickSight accepts is a valid file name. Loaded at start.
 *
 * @param <T> the resource's record type
 */
public final class ResourceFiles<T> {

    private final Path folder;
    private final Class<T> type;
    private final Function<T, String> id;
    private final boolean syncWrites;
    private final JsonFiles files = new JsonFiles();
    private final ConcurrentMap<String, T> resources = new ConcurrentHashMap<>();

    public ResourceFiles(Path folder, Class<T> type, Function<T, String> id, boolean syncWrites) {
        this.folder = folder;
        this.type = type;
        this.id = id;
        this.syncWrites = syncWrites;
        for (T resource : files.readAll(folder, type)) {
            resources.put(id.apply(resource), resource);
        }
    }

    public Optional<T> find(String resourceId) {
        return Optional.ofNullable(resources.get(resourceId));
    }

    /** Every resource, by id. */
    public List<T> list() {
        return resources.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    /** Writes the resource's file, then makes it visible. */
    public synchronized void save(T resource) {
        files.write(file(id.apply(resource)), resource, syncWrites);
        resources.put(id.apply(resource), resource);
    }

    /** Saves the resource and returns it. */
    public synchronized T saved(T resource) {
        save(resource);
        return resource;
    }

    public synchronized void delete(String resourceId) {
        try {
            Files.deleteIfExists(file(resourceId));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not delete " + file(resourceId), e);
        }
        resources.remove(resourceId);
    }

    private Path file(String resourceId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(resourceId.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(hash) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
