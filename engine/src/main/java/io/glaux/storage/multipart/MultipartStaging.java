package io.glaux.storage.multipart;

import io.glaux.persist.AtomicFiles;
import io.glaux.persist.JsonFiles;
import io.glaux.storage.ObjectMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Multipart uploads staged by Glaux outside every bucket's namespace, one folder per upload:
 *
 * <pre>
 * &lt;folder&gt;/&lt;uploadId&gt;/upload.json             the upload (bucket, key, metadata, checksum algorithm)
 * &lt;folder&gt;/&lt;uploadId&gt;/00001.json              part 1 (ETag, size, checksums, data file)
 * &lt;folder&gt;/&lt;uploadId&gt;/00001-&lt;uuid&gt;.part        part 1's bytes
 * &lt;folder&gt;/&lt;uploadId&gt;/.00001-&lt;uuid&gt;.tmp        a part being received
 * </pre>
 *
 * A part's bytes go to a temporary file and are renamed into place; its JSON record, written atomically afterwards,
 * is what makes it exist, so a part cut off at any point leaves nothing that counts. Uploads survive restarts, as in
 * S3; leftovers of interrupted writes (temporary files, unrecorded data files, folders without an upload record) are
 * removed when the staging area is opened. Completing an upload is the caller's work: it streams {@link #parts} in
 * order into the object store and then {@link #remove}s the upload, so a crash in between leaves the upload ready to
 * be completed again.
 */
public final class MultipartStaging {

    private static final String UPLOAD_FILE = "upload.json";
    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern PART_RECORD = Pattern.compile("\\d{5}\\.json");
    private static final int LOCK_STRIPES = 64;

    private final Path folder;
    private final boolean sync;
    private final JsonFiles files = new JsonFiles();
    private final SecureRandom random = new SecureRandom();
    private final Object[] locks = new Object[LOCK_STRIPES];

    /**
     * Opens (creating it if needed) the staging area in {@code folder} and removes what interrupted writes left.
     *
     * @param sync force parts and records to disk before they count, so they survive a power cut
     */
    public MultipartStaging(Path folder, boolean sync) throws IOException {
        this.folder = folder;
        this.sync = sync;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        Files.createDirectories(folder);
        cleanLeftovers();
    }

    /** Starts an upload of {@code bucket/key}; the object will be written with {@code metadata}. */
    public MultipartUpload create(String bucket, String key, ObjectMetadata metadata, String checksumAlgorithm,
            String checksumType) throws IOException {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String uploadId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        MultipartUpload upload = new MultipartUpload(uploadId, bucket, key, Instant.now(), metadata,
                checksumAlgorithm, checksumType);
        Path dir = folder.resolve(uploadId);
        Files.createDirectory(dir);
        save(dir.resolve(UPLOAD_FILE), upload);
        return upload;
    }

    /** The upload with this id, or empty when there is none (never was, aborted, completed, or a malformed id). */
    public Optional<MultipartUpload> find(String uploadId) {
        if (uploadId == null || !UPLOAD_ID.matcher(uploadId).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(uploadId).resolve(UPLOAD_FILE);
        try {
            return Optional.of(files.read(file, MultipartUpload.class));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException || !Files.exists(file)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The bucket's uploads in progress, by key, then by initiation time. */
    public List<MultipartUpload> uploads(String bucket) throws IOException {
        List<MultipartUpload> uploads = new ArrayList<>();
        for (Path dir : uploadFolders()) {
            find(dir.getFileName().toString()).filter(u -> u.bucket().equals(bucket)).ifPresent(uploads::add);
        }
        uploads.sort(Comparator.comparing(MultipartUpload::key).thenComparing(MultipartUpload::initiated)
                .thenComparing(MultipartUpload::uploadId));
        return uploads;
    }

    /** Starts receiving part {@code partNumber} of the upload; nothing counts until {@link PartWriter#commit}. */
    public PartWriter startPart(MultipartUpload upload, int partNumber) throws IOException {
        if (partNumber < 1 || partNumber > 10_000) {
            throw new IllegalArgumentException("Part number must be an integer between 1 and 10000, inclusive");
        }
        Path dir = folder.resolve(upload.uploadId());
        String dataName = String.format("%05d-%s.part", partNumber, UUID.randomUUID());
        Path temp = dir.resolve("." + dataName + AtomicFiles.TEMP_SUFFIX);
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new StagedPart(upload, partNumber, dir, dataName, temp, channel);
    }

    /** The upload's parts, by part number. */
    public List<UploadedPart> parts(MultipartUpload upload) throws IOException {
        Path dir = folder.resolve(upload.uploadId());
        List<UploadedPart> parts = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path file : stream) {
                if (PART_RECORD.matcher(file.getFileName().toString()).matches()) {
                    parts.add(files.read(file, UploadedPart.class));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        parts.sort(Comparator.comparingInt(UploadedPart::partNumber));
        return parts;
    }

    /** A part's bytes. */
    public InputStream openPart(MultipartUpload upload, UploadedPart part) throws IOException {
        return Files.newInputStream(folder.resolve(upload.uploadId()).resolve(part.file()));
    }

    /**
     * Runs {@code action} while no part of the upload is being committed and no other exclusive action runs on it:
     * completing, aborting.
     */
    public <T> T exclusively(MultipartUpload upload, StagingAction<T> action) throws IOException {
        synchronized (lock(upload.uploadId())) {
            return action.run();
        }
    }

    /** Removes the upload and its parts; false when there was no such upload. */
    public boolean remove(String uploadId) throws IOException {
        if (uploadId == null || !UPLOAD_ID.matcher(uploadId).matches()) {
            return false;
        }
        synchronized (lock(uploadId)) {
            Path dir = folder.resolve(uploadId);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            // Renamed away first, so the upload disappears at once even if deleting its parts is cut off.
            Path doomed = folder.resolve("." + uploadId + "." + UUID.randomUUID() + ".deleting");
            Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(doomed);
            return true;
        }
    }

    /**
     * A new, empty temporary file in the staging area, for a body that must be received whole before it can be
     * written (the caller deletes it; one left behind by a crash is removed when the area is next opened).
     */
    public Path temporaryFile() throws IOException {
        return Files.createTempFile(folder, ".spool-", AtomicFiles.TEMP_SUFFIX);
    }

    /** Removes every upload into {@code bucket} (the bucket was deleted). */
    public void removeBucket(String bucket) throws IOException {
        for (MultipartUpload upload : uploads(bucket)) {
            remove(upload.uploadId());
        }
    }

    /** Something done under an upload's lock. */
    @FunctionalInterface
    public interface StagingAction<T> {
        T run() throws IOException;
    }

    private Object lock(String uploadId) {
        return locks[Math.floorMod(uploadId.hashCode(), LOCK_STRIPES)];
    }

    private void save(Path file, Object value) throws IOException {
        try {
            files.write(file, value, sync);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private List<Path> uploadFolders() throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path dir : stream) {
                if (!dir.getFileName().toString().startsWith(".") && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(dir);
                }
            }
        }
        return dirs;
    }

    private void cleanLeftovers() throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        || !Files.isRegularFile(entry.resolve(UPLOAD_FILE))) {
                    deleteTree(entry);
                } else {
                    cleanUpload(entry);
                }
            }
        }
    }

    /** Removes temporary files and data files no part record names. */
    private void cleanUpload(Path dir) throws IOException {
        Set<String> recorded = new HashSet<>();
        List<Path> data = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    Files.deleteIfExists(file);
                } else if (PART_RECORD.matcher(name).matches()) {
                    recorded.add(files.read(file, UploadedPart.class).file());
                } else if (name.endsWith(".part")) {
                    data.add(file);
                }
            }
        }
        for (Path file : data) {
            if (!recorded.contains(file.getFileName().toString())) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A part's bytes going to a temporary file in the upload's folder. */
    private final class StagedPart extends PartWriter {
        private final MultipartUpload upload;
        private final int partNumber;
        private final Path dir;
        private final String dataName;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream out;
        private long size;
        private boolean done;

        StagedPart(MultipartUpload upload, int partNumber, Path dir, String dataName, Path temp, FileChannel channel) {
            this.upload = upload;
            this.partNumber = partNumber;
            this.dir = dir;
            this.dataName = dataName;
            this.temp = temp;
            this.channel = channel;
            this.out = Channels.newOutputStream(channel);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            size += len;
        }

        @Override
        public UploadedPart commit(String etag, Map<String, String> checksums) throws IOException {
            if (done) {
                throw new IllegalStateException("Part " + partNumber + " is already committed or discarded");
            }
            if (sync) {
                channel.force(true);
            }
            channel.close();
            UploadedPart part = new UploadedPart(partNumber, etag, size, Instant.now(), checksums, dataName);
            Path record = dir.resolve(String.format("%05d.json", partNumber));
            synchronized (lock(upload.uploadId())) {
                if (!Files.isRegularFile(dir.resolve(UPLOAD_FILE))) {
                    close();
                    throw new NoSuchFileException("multipart upload " + upload.uploadId());
                }
                String replaced = Files.isRegularFile(record) ? files.read(record, UploadedPart.class).file() : null;
                Files.move(temp, dir.resolve(dataName), StandardCopyOption.ATOMIC_MOVE);
                done = true;
                save(record, part);
                if (replaced != null && !replaced.equals(dataName)) {
                    Files.deleteIfExists(dir.resolve(replaced));
                }
            }
            return part;
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                channel.close();
                Files.deleteIfExists(temp);
            }
        }
    }
}
