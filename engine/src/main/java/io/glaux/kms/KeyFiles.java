package io.glaux.kms;

import io.glaux.persist.AtomicFiles;
import io.glaux.persist.JsonFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where one account and region's keys live on disk: {@code keys/<id>.json} holds a key's metadata, policy and tags,
 * {@code material/<id>.key} its 32 bytes of AES key material (owner-readable only where the file system allows).
 * Both are written atomically, the material first, so a key is never saved without its material. The material is
 * read only to encrypt or decrypt and is never logged.
 */
final class KeyFiles {

    private final Path keys;
    private final Path material;
    private final JsonFiles json = new JsonFiles();
    private final boolean sync;

    KeyFiles(Path folder, boolean sync) {
        this.keys = folder.resolve("keys");
        this.material = folder.resolve("material");
        this.sync = sync;
    }

    /** Every saved key, oldest first. */
    List<KmsKey> readAll() {
        List<KmsKey> all = new ArrayList<>(json.readAll(keys, KmsKey.class));
        all.sort(Comparator.comparing(KmsKey::creationDate).thenComparing(KmsKey::keyId));
        return all;
    }

    void saveNew(KmsKey key, byte[] keyMaterial) {
        try {
            AtomicFiles.write(materialFile(key.keyId()), keyMaterial, sync);
            restrict(materialFile(key.keyId()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the material of key " + key.arn(), e);
        }
        save(key);
    }

    void save(KmsKey key) {
        json.write(keys.resolve(key.keyId() + ".json"), key, sync);
    }

    byte[] material(String keyId) {
        try {
            return Files.readAllBytes(materialFile(keyId));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the material of key " + keyId, e);
        }
    }

    /** Removes a key for good: its metadata first, so a crash leaves at worst unreferenced material. */
    void delete(String keyId) {
        try {
            Files.deleteIfExists(keys.resolve(keyId + ".json"));
            Files.deleteIfExists(materialFile(keyId));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete key " + keyId, e);
        }
    }

    private Path materialFile(String keyId) {
        return material.resolve(keyId + ".key");
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions protect the material.
        }
    }
}
