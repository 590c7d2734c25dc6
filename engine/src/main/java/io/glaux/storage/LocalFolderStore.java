package io.glaux.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The embedded store: each bucket is a folder under the root and each object a file at {@code root/bucket/key}, so
 * other tools can read the data in place. Folders whose names start with '.' are never buckets; uploads are staged in
 * {@code root/.glaux/staging} and renamed into place atomically. Safe for concurrent use.
 */
public final class LocalFolderStore implements ObjectStore {

    private final Path root;
    private final Path staging;
    /** Serialises folder creation (publishing) against empty-folder removal (deleting) so neither undoes the other. */
    private final Object folderLock = new Object();
    private final boolean syncUploads;

    public LocalFolderStore(Path root) throws IOException {
        this(root, true);
    }

    /**
     * @param syncUploads force each object's bytes to disk before it is published, so it survives a power cut;
     *     without it publishing is still atomic (a rename) and survives a crash of the process
     */
    public LocalFolderStore(Path root, boolean syncUploads) throws IOException {
        this.syncUploads = syncUploads;
        Files.createDirectories(root);
        this.root = root.toRealPath();
        this.staging = this.root.resolve(".glaux").resolve("staging");
        Files.createDirectories(staging);
        if (!staging.toRealPath().startsWith(this.root)) {
            throw new IOException("The staging folder " + staging + " leads outside the store root");
        }
    }

    /** The real path of the root folder. */
    public Path root() {
        return root;
    }

    @Override
    public List<String> listBuckets() throws IOException {
        List<String> buckets = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(root)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (!name.startsWith(".") && isBucketName(name) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    buckets.add(name);
                }
            }
        }
        buckets.sort(null);
        return buckets;
    }

    @Override
    public boolean bucketExists(String bucket) {
        return Files.isDirectory(bucketDir(bucket), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void createBucket(String bucket) throws IOException {
        Path dir = bucketDir(bucket);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(location(bucket, ""), null,
                        "the bucket's place is taken by a file or symbolic link");
            }
        }
    }

    @Override
    public ObjectListing list(String bucket, String prefix, String continuationToken, int maxKeys) throws IOException {
        ListingPages.checkMaxKeys(maxKeys);
        ObjectKeys.validatePrefix(prefix);
        String startAfter = ListingPages.startAfter(continuationToken);
        Path dir = existingBucketDir(bucket);
        List<ObjectInfo> objects = FolderWalk.collect(dir, bucket, prefix == null ? "" : prefix, startAfter,
                maxKeys + 1);
        if (objects.size() <= maxKeys) {
            return new ObjectListing(objects, Optional.empty());
        }
        List<ObjectInfo> page = objects.subList(0, maxKeys);
        return new ObjectListing(page, Optional.of(ListingPages.tokenAfter(page.get(maxKeys - 1).key())));
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) throws IOException {
        Path file = objectPath(bucket, key);
        if (!bucketExists(bucket)) {
            return Optional.empty();
        }
        Optional<Path> real = realFile(bucket, key, file);
        if (real.isEmpty()) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(real.get(), BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        return Optional.of(new ObjectInfo(bucket, key, attributes.size(), attributes.lastModifiedTime().toInstant()));
    }

    @Override
    public InputStream get(String bucket, String key, long offset, long length) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        Path file = objectPath(bucket, key);
        existingBucketDir(bucket);
        Path real = realFile(bucket, key, file)
                .orElseThrow(() -> new NoSuchFileException(location(bucket, key), null, "no such object"));
        FileChannel channel;
        try {
            channel = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(location(bucket, key), null, "no such object (deleted meanwhile)");
        }
        try {
            long size = channel.size();
            long start = Math.min(offset, size);
            long end = length < 0 ? size : Math.min(size, start + length);
            return new FileRangeInputStream(channel, start, end);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public ObjectUpload startUpload(String bucket, String key) throws IOException {
        Path target = objectPath(bucket, key);
        Path bucketDir = existingBucketDir(bucket);
        // Refuse early, before any bytes are staged, when the key leads through a link out of the bucket.
        checkExistingPartInside(bucket, key, target.getParent());
        Path stagingFile = staging.resolve(UUID.randomUUID() + ".part");
        return new StagedUpload(stagingFile, syncUploads, (staged, size) -> publish(bucket, key, bucketDir, target, staged));
    }

    @Override
    public void delete(String bucket, String key) throws IOException {
        Path file = objectPath(bucket, key);
        Path bucketDir = existingBucketDir(bucket);
        synchronized (folderLock) {
            Path parent = file.getParent();
            if (!Files.isDirectory(parent)) {
                return;
            }
            checkInside(bucket, key, parent.toRealPath());
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                return; // a folder holds other keys; there is no object with this key
            }
            if (Files.deleteIfExists(file)) {
                removeEmptyFolders(parent, bucketDir);
            }
        }
    }

    private void publish(String bucket, String key, Path bucketDir, Path target, Path staged) throws IOException {
        synchronized (folderLock) {
            for (int attempt = 1; ; attempt++) {
                if (!Files.isDirectory(bucketDir, LinkOption.NOFOLLOW_LINKS)) {
                    throw new NoSuchFileException(location(bucket, ""), null, "no such bucket");
                }
                createParentFolders(bucket, key, target.getParent());
                try {
                    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return;
                } catch (NoSuchFileException e) {
                    // Another store on the same root (the lock is per instance) removed the emptied parent folder
                    // between creating it and the rename: create it again.
                    if (attempt == 3 || !Files.exists(staged)) {
                        throw e;
                    }
                } catch (FileSystemException e) {
                    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                        throw new FileSystemException(location(bucket, key), null,
                                "other keys start with this key + '/', and a folder cannot be both a file and a folder");
                    }
                    throw e;
                }
            }
        }
    }

    private void createParentFolders(String bucket, String key, Path parent) throws IOException {
        checkExistingPartInside(bucket, key, parent);
        try {
            Files.createDirectories(parent);
        } catch (FileSystemException e) {
            throw new FileSystemException(location(bucket, key), null,
                    "a shorter key on its path is an object, and a folder cannot be both a file and a folder");
        }
        checkInside(bucket, key, parent.toRealPath());
    }

    /** Removes the folders left empty by a delete, up to (not including) the bucket folder. */
    private static void removeEmptyFolders(Path folder, Path bucketDir) throws IOException {
        for (Path dir = folder; dir != null && !dir.equals(bucketDir) && dir.startsWith(bucketDir); dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
        }
    }

    /** The real path of the object's file, or empty when there is no such file; refuses links out of the bucket. */
    private Optional<Path> realFile(String bucket, String key, Path file) throws IOException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            return Optional.empty(); // e.g. a shorter key on the path is a file ("not a directory")
        }
        checkInside(bucket, key, real);
        return Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? Optional.of(real) : Optional.empty();
    }

    private void checkInside(String bucket, String key, Path realPath) throws AccessDeniedException {
        if (!realPath.startsWith(root.resolve(bucket))) {
            throw new AccessDeniedException(location(bucket, key), null,
                    "refused: a symbolic link leads outside the bucket folder");
        }
    }

    /** Checks the part of {@code path} that exists already, so that creating the rest cannot leave the bucket. */
    private void checkExistingPartInside(String bucket, String key, Path path) throws IOException {
        Path bucketDir = root.resolve(bucket);
        Path existing = path;
        while (true) {
            while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
                if (!existing.startsWith(bucketDir)) {
                    throw new NoSuchFileException(location(bucket, ""), null, "no such bucket");
                }
            }
            try {
                checkInside(bucket, key, existing.toRealPath());
                return;
            } catch (NoSuchFileException e) {
                if (Files.isSymbolicLink(existing)) {
                    throw new AccessDeniedException(location(bucket, key), null,
                            "refused: a symbolic link on the path leads nowhere");
                }
                // Removed by a concurrent delete since it was seen: look further up.
            }
        }
    }

    private Path bucketDir(String bucket) {
        ObjectKeys.validateBucket(bucket);
        return root.resolve(bucket);
    }

    private Path existingBucketDir(String bucket) throws NoSuchFileException {
        Path dir = bucketDir(bucket);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(location(bucket, ""), null, "no such bucket");
        }
        return dir;
    }

    /** The file for a key, validated so that, as a path, it stays under the bucket folder. */
    private Path objectPath(String bucket, String key) {
        Path dir = bucketDir(bucket);
        LocalKeys.validate(key);
        Path file = dir.resolve(key).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            throw new InvalidKeyException("Object key '" + key + "' does not name a file inside the bucket");
        }
        return file;
    }

    private static boolean isBucketName(String name) {
        try {
            ObjectKeys.validateBucket(name);
            return true;
        } catch (InvalidKeyException e) {
            return false;
        }
    }

    private static String location(String bucket, String key) {
        return new S3Location(bucket, key).toString();
    }
}
