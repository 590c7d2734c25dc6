package io.glaux.storage;

import io.glaux.persist.AtomicFiles;
import io.glaux.persist.DeferredSync;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded store: each bucket is a folder under the root and each object a file at {@code root/bucket/key}, so
 * other tools can read the data in place; keys a folder cannot hold are kept aside ({@link LocalLayout}). Uploads
 * are staged in a private area outside every bucket ({@link StagingArea}, cleaned at start) and renamed into place
 * atomically, their metadata recorded just before ({@link ObjectRecords}). Safe for concurrent use.
 */
public final class LocalFolderStore implements ObjectStore {

    private static final int PUBLISH_ATTEMPTS = 3;

    private final Path root;
    private final LocalLayout layout;
    private final ObjectRecords records;
    private final StagingArea staging;
    /** Serialises folder creation (publishing) against empty-folder removal (deleting) so neither undoes the other. */
    private final Object folderLock;
    private final boolean syncUploads;
    /** Where a view made by {@link #deferringSync} leaves what it wrote to be forced later; null in the store itself. */
    private final DeferredSync deferred;

    public LocalFolderStore(Path root) throws IOException {
        this(root, true);
    }

    /**
     * @param syncUploads force each object's bytes to disk before it is published, so it survives a power cut;
     *     without it publishing is still atomic (a rename) and survives a crash of the process
     */
    public LocalFolderStore(Path root, boolean syncUploads) throws IOException {
        this.syncUploads = syncUploads;
        this.deferred = null;
        this.folderLock = new Object();
        Files.createDirectories(root);
        this.root = root.toRealPath();
        this.layout = new LocalLayout(this.root);
        Files.createDirectories(layout.storeDir());
        if (!layout.storeDir().toRealPath().startsWith(this.root)) {
            throw new IOException("The store's own folder leads outside the data folder");
        }
        ObjectRecords.deleteTree(this.root.resolve(".glaux").resolve("staging")); // an earlier layout's staging
        this.records = new ObjectRecords(layout);
        this.staging = new StagingArea(layout.stagingRoot());
    }

    /** A view of {@code store} sharing its folders, records, staging area and lock, with its forcing deferred. */
    private LocalFolderStore(LocalFolderStore store, DeferredSync deferred) {
        this.root = store.root;
        this.layout = store.layout;
        this.records = store.records;
        this.staging = store.staging;
        this.folderLock = store.folderLock;
        this.syncUploads = false;
        this.deferred = deferred;
    }

    /** The real path of the root folder. */
    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return "the embedded store";
    }

    @Override
    public List<BucketInfo> buckets() throws IOException {
        List<BucketInfo> buckets = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(root)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (ObjectKeys.isValidBucket(name) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    buckets.add(new BucketInfo(name, created(name, child)));
                }
            }
        }
        buckets.sort((a, b) -> a.name().compareTo(b.name()));
        return buckets;
    }

    @Override
    public boolean bucketExists(String bucket) {
        return Files.isDirectory(layout.bucketDir(bucket), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean createBucket(String bucket) throws IOException {
        Path dir = layout.bucketDir(bucket);
        synchronized (folderLock) {
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(location(bucket, ""), null,
                            "the bucket's place is taken by a file or symbolic link");
                }
                return false;
            }
            Path record = layout.bucketRecord(bucket);
            AtomicFiles.write(record, Long.toString(Instant.now().toEpochMilli()).getBytes(StandardCharsets.US_ASCII),
                    syncUploads);
            if (deferred != null) {
                deferred.folder(root);
                deferred.file(record);
                deferred.folder(record.getParent());
            }
            return true;
        }
    }

    @Override
    public void deleteBucket(String bucket) throws IOException {
        Path dir = existingBucketDir(bucket);
        synchronized (folderLock) {
            if (holdsFiles(dir) || holdsFiles(layout.asideDir(bucket))) {
                throw new BucketNotEmptyException(bucket);
            }
            ObjectRecords.deleteTree(dir);
            ObjectRecords.deleteTree(layout.asideDir(bucket));
            records.dropBucket(bucket);
            Files.deleteIfExists(layout.bucketRecord(bucket));
        }
    }

    @Override
    public ObjectListing list(String bucket, ListRequest request) throws IOException {
        Path dir = existingBucketDir(bucket);
        KeySource keys = KeySource.merge(new FolderWalk(dir, bucket, request.prefix(), request.startAfter()),
                AsideKeys.of(layout, records, bucket, request.prefix(), request.startAfter()));
        ObjectListing page = ListingRollup.page(keys, request);
        if (!request.etags()) {
            return page;
        }
        List<ObjectInfo> described = new ArrayList<>(page.objects().size());
        for (ObjectInfo object : page.objects()) {
            described.add(object.etag() != null ? object
                    : stat(bucket, object.key()).map(StoredObject::info).orElse(object));
        }
        return new ObjectListing(described, page.commonPrefixes(), page.nextStartAfter());
    }

    @Override
    public Optional<StoredObject> stat(String bucket, String key) throws IOException {
        ObjectKeys.validate(key);
        if (!bucketExists(bucket)) {
            return Optional.empty();
        }
        Optional<Located> located = locate(bucket, key);
        if (located.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(describe(bucket, key, located.get().attributes()));
    }

    @Override
    public ObjectRead read(String bucket, String key, long offset, long length) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        ObjectKeys.validate(key);
        existingBucketDir(bucket);
        for (int attempt = 1; ; attempt++) {
            Located located = locate(bucket, key).orElseThrow(() -> new NoSuchObjectException(bucket, key));
            FileChannel channel;
            try {
                channel = FileChannel.open(located.file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue; // deleted or replaced meanwhile: look again
            }
            try {
                // The channel reads the generation that was in place both before and after it was opened.
                BasicFileAttributes after = Files.readAttributes(located.file(), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!ObjectRecords.generation(after).equals(ObjectRecords.generation(located.attributes()))
                        && attempt < PUBLISH_ATTEMPTS) {
                    channel.close();
                    continue;
                }
                long size = after.size();
                long start = Math.min(offset, size);
                long end = length < 0 ? size : Math.min(size, start + length);
                return new ObjectRead(describe(bucket, key, after), new FileRangeInputStream(channel, start, end));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    @Override
    public ObjectUpload startUpload(String bucket, String key, ObjectMetadata metadata) throws IOException {
        return startUpload(bucket, key, metadata, true);
    }

    /** Without the digest, the ETag is the one a file of this generation has (as files other tools put here have). */
    @Override
    public ObjectUpload startUploadWithoutDigest(String bucket, String key, ObjectMetadata metadata)
            throws IOException {
        return startUpload(bucket, key, metadata, false);
    }

    private ObjectUpload startUpload(String bucket, String key, ObjectMetadata metadata, boolean digest)
            throws IOException {
        ObjectKeys.validate(key);
        Path bucketDir = existingBucketDir(bucket);
        Path plain = layout.plainFile(bucket, key);
        if (plain != null) {
            // Refuse early, before any bytes are staged, when the key leads through a link out of the bucket.
            checkExistingPartInside(bucket, key, plain.getParent());
        }
        return new StagedUpload(staging.newFile(), syncUploads, digest,
                (staged, size, md5, etag) -> publish(bucket, key, metadata, bucketDir, staged, size,
                        etag == null ? md5 : etag));
    }

    @Override
    public void delete(String bucket, String key) throws IOException {
        ObjectKeys.validate(key);
        Path bucketDir = existingBucketDir(bucket);
        synchronized (folderLock) {
            if (Files.deleteIfExists(layout.asideFile(bucket, key))) {
                records.dropExcept(bucket, key, null);
                return;
            }
            Path file = layout.plainFile(bucket, key);
            if (file == null) {
                return;
            }
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
                records.dropExcept(bucket, key, null);
            }
        }
    }

    @Override
    public ObjectStore deferringSync(DeferredSync pending) {
        return new LocalFolderStore(this, Objects.requireNonNull(pending, "pending"));
    }

    @Override
    public void close() throws IOException {
        if (deferred == null) {
            staging.close();
        }
    }

    /** Where an object's file is, and its attributes when it was found. */
    private record Located(Path file, BasicFileAttributes attributes) {
    }

    private Optional<Located> locate(String bucket, String key) throws IOException {
        Path plain = layout.plainFile(bucket, key);
        if (plain != null) {
            Optional<Path> real = realFile(bucket, key, plain);
            if (real.isPresent()) {
                try {
                    return Optional.of(new Located(real.get(), Files.readAttributes(real.get(),
                            BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
                } catch (NoSuchFileException e) {
                    // Deleted meanwhile; it may have moved aside.
                }
            }
        }
        Path aside = layout.asideFile(bucket, key);
        try {
            BasicFileAttributes attributes = Files.readAttributes(aside, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? Optional.of(new Located(aside, attributes)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private StoredObject describe(String bucket, String key, BasicFileAttributes attributes) throws IOException {
        Instant modified = attributes.lastModifiedTime().toInstant();
        Optional<ObjectRecords.Entry> entry = records.read(bucket, key, attributes);
        if (entry.isPresent()) {
            return new StoredObject(new ObjectInfo(bucket, key, attributes.size(), modified, entry.get().etag()),
                    entry.get().metadata());
        }
        // A file another tool put there: an ETag that changes whenever the file does, and no metadata.
        return new StoredObject(new ObjectInfo(bucket, key, attributes.size(), modified,
                md5(ObjectRecords.generation(attributes))), ObjectMetadata.EMPTY);
    }

    /** @param etag the object's ETag, or null for the one of the generation published (an upload not digested) */
    private ObjectInfo publish(String bucket, String key, ObjectMetadata metadata, Path bucketDir, Path staged,
            long size, String etag) throws IOException {
        synchronized (folderLock) {
            if (!Files.isDirectory(bucketDir, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchBucketException(bucket);
            }
            Files.setLastModifiedTime(staged, FileTime.from(Instant.now()));
            BasicFileAttributes attributes = Files.readAttributes(staged, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            String generation = ObjectRecords.generation(attributes);
            String tag = etag != null ? etag : md5(generation);
            Path record = records.write(bucket, new ObjectRecords.Entry(key, size,
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), tag, metadata), generation, syncUploads);
            Path aside = layout.asideFile(bucket, key);
            Path plain = layout.plainFile(bucket, key);
            Path placed = null;
            if (plain != null && !Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                placed = placePlain(bucket, key, plain, staged);
            }
            if (placed == null) {
                Files.createDirectories(aside.getParent());
                Files.move(staged, aside, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                placed = aside;
            }
            if (syncUploads) {
                AtomicFiles.syncFolder(placed.getParent());
            }
            if (deferred != null) {
                deferred.file(placed);
                deferred.folder(placed.getParent());
                deferred.file(record);
                deferred.folder(record.getParent());
            }
            records.dropExcept(bucket, key, generation);
            return new ObjectInfo(bucket, key, size, attributes.lastModifiedTime().toInstant(), tag);
        }
    }

    /** Renames the staged file to the key's own path; null when a folder cannot hold it there (another key's). */
    private Path placePlain(String bucket, String key, Path plain, Path staged) throws IOException {
        for (int attempt = 1; ; attempt++) {
            checkExistingPartInside(bucket, key, plain.getParent());
            try {
                Files.createDirectories(plain.getParent());
            } catch (AccessDeniedException e) {
                throw e;
            } catch (FileSystemException e) {
                return null; // a shorter key on the path is an object
            }
            checkInside(bucket, key, plain.getParent().toRealPath());
            if (Files.isDirectory(plain, LinkOption.NOFOLLOW_LINKS)) {
                return null; // the key is also the folder of longer keys
            }
            try {
                Files.move(staged, plain, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return plain;
            } catch (NoSuchFileException e) {
                // Another store on the same root (the lock is per instance) removed the emptied parent folder
                // between creating it and the rename: create it again.
                if (attempt == PUBLISH_ATTEMPTS || !Files.exists(staged)) {
                    throw e;
                }
            } catch (DirectoryNotEmptyException e) {
                return null;
            }
        }
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
                    throw new NoSuchBucketException(bucket);
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
            } catch (AccessDeniedException e) {
                throw e;
            } catch (FileSystemException e) {
                return; // a shorter key on the path is a file: the object will be kept aside
            }
        }
    }

    private Path existingBucketDir(String bucket) throws NoSuchBucketException {
        Path dir = layout.bucketDir(bucket);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchBucketException(bucket);
        }
        return dir;
    }

    private Instant created(String bucket, Path dir) throws IOException {
        try {
            String millis = Files.readString(layout.bucketRecord(bucket), StandardCharsets.US_ASCII).trim();
            return Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NoSuchFileException | NumberFormatException e) {
            // A folder made by another tool, or before creation times were kept.
            return Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).creationTime()
                    .toInstant();
        }
    }

    /** Whether a folder tree holds anything but folders. */
    private static boolean holdsFiles(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.anyMatch(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS));
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }

    private static String location(String bucket, String key) {
        return new S3Location(bucket, key).toString();
    }
}
