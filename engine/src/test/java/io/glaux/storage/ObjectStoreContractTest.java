package io.glaux.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The behaviour every {@link ObjectStore} shares; each implementation's test extends this class. */
abstract class ObjectStoreContractTest {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    protected ObjectStore store;
    protected String bucket;

    /** A store to test; closed after each test. */
    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void openStoreWithAFreshBucket() throws Exception {
        store = newStore();
        bucket = "contract-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
        store.createBucket(bucket);
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
    }

    @Test
    void putThenGetReturnsTheSameBytes() throws IOException {
        store.put(bucket, "tables/orders/data.csv", bytes("id,total\n1,9.50\n"));

        assertThat(string(store.getAll(bucket, "tables/orders/data.csv"))).isEqualTo("id,total\n1,9.50\n");
    }

    @Test
    void anEmptyObjectRoundTrips() throws IOException {
        store.put(bucket, "empty", new byte[0]);

        assertThat(store.getAll(bucket, "empty")).isEmpty();
        assertThat(store.head(bucket, "empty")).get().extracting(ObjectInfo::size).isEqualTo(0L);
    }

    @Test
    void rangedGetReadsTheMiddleOfAnObject() throws IOException {
        store.put(bucket, "digits", bytes("0123456789"));

        assertThat(read(store.get(bucket, "digits", 3, 4))).isEqualTo("3456");
    }

    @Test
    void rangedGetWithoutLengthReadsToTheEnd() throws IOException {
        store.put(bucket, "digits", bytes("0123456789"));

        assertThat(read(store.get(bucket, "digits", 6, -1))).isEqualTo("6789");
    }

    @Test
    void rangedGetPastTheEndReturnsWhatIsLeft() throws IOException {
        store.put(bucket, "digits", bytes("0123456789"));

        assertThat(read(store.get(bucket, "digits", 8, 100))).isEqualTo("89");
        assertThat(read(store.get(bucket, "digits", 10, 5))).isEmpty();
        assertThat(read(store.get(bucket, "digits", 50, -1))).isEmpty();
    }

    @Test
    void headTellsSizeAndTime() throws IOException {
        Instant before = Instant.now().minus(Duration.ofMinutes(1));
        store.put(bucket, "a/b.bin", new byte[1234]);

        ObjectInfo info = store.head(bucket, "a/b.bin").orElseThrow();

        assertThat(info.bucket()).isEqualTo(bucket);
        assertThat(info.key()).isEqualTo("a/b.bin");
        assertThat(info.size()).isEqualTo(1234);
        assertThat(info.lastModified()).isBetween(before, Instant.now().plus(Duration.ofMinutes(1)));
    }

    @Test
    void headOfAMissingObjectIsEmpty() throws IOException {
        store.put(bucket, "a/present", bytes("x"));

        assertThat(store.head(bucket, "a/absent")).isEmpty();
        assertThat(store.head(bucket, "a")).isEmpty();
        assertThat(store.head(bucket, "a/present/below")).isEmpty();
    }

    @Test
    void listingKeepsOnlyKeysWithThePrefix() throws IOException {
        for (String key : List.of("a/1", "a/2", "ab", "b/1", "a/sub/3")) {
            store.put(bucket, key, bytes(key));
        }

        assertThat(keys(store.listAll(bucket, "a/"))).containsExactly("a/1", "a/2", "a/sub/3");
        assertThat(keys(store.listAll(bucket, "a"))).containsExactly("a/1", "a/2", "a/sub/3", "ab");
        assertThat(keys(store.listAll(bucket, "a/s"))).containsExactly("a/sub/3");
        assertThat(keys(store.listAll(bucket, "c"))).isEmpty();
        assertThat(keys(store.listAll(bucket, ""))).hasSize(5);
        assertThat(keys(store.listAll(bucket, null))).hasSize(5);
    }

    @Test
    void listingReportsSizes() throws IOException {
        store.put(bucket, "five", new byte[5]);
        store.put(bucket, "seven", new byte[7]);

        assertThat(store.listAll(bucket, "")).extracting(ObjectInfo::key, ObjectInfo::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("five", 5L),
                        org.assertj.core.groups.Tuple.tuple("seven", 7L));
    }

    @Test
    void listingIsInS3KeyOrderAcrossFolders() throws IOException {
        // '-' (0x2D) < '/' (0x2F) < '0' (0x30), and non-ASCII after ASCII: a folder's keys sort as "name/".
        List<String> inS3Order = List.of("a-b", "a/b", "a/c/d", "a/c0", "a0", "z", "\u00e9t\u00e9/x");
        List<String> shuffled = new ArrayList<>(inS3Order);
        java.util.Collections.shuffle(shuffled, new Random(7));
        for (String key : shuffled) {
            store.put(bucket, key, bytes(key));
        }

        assertThat(keys(store.listAll(bucket, ""))).containsExactlyElementsOf(inS3Order);
        assertThat(keys(pages(bucket, "", 1))).containsExactlyElementsOf(inS3Order);
    }

    @Test
    void paginationVisitsEveryKeyOnceInOrder() throws Exception {
        List<String> expected = IntStream.range(0, 1250)
                .mapToObj(i -> String.format("dt=2024-01-%02d/part-%04d.csv", i % 25 + 1, i))
                .sorted()
                .collect(Collectors.toList());
        runConcurrently(4, expected.size(), i -> store.put(bucket, expected.get(i), bytes(expected.get(i))));

        List<ObjectListing> pages = new ArrayList<>();
        String token = null;
        do {
            ObjectListing page = store.list(bucket, "dt=", token, 500);
            pages.add(page);
            token = page.nextContinuationToken().orElse(null);
        } while (token != null && pages.size() < 10);

        assertThat(pages).extracting(p -> p.objects().size()).containsExactly(500, 500, 250);
        List<String> listed = pages.stream().flatMap(p -> p.objects().stream()).map(ObjectInfo::key).toList();
        assertThat(listed).containsExactlyElementsOf(expected);
    }

    @Test
    void aPageThatEndsExactlyAtTheLastKeyHasNoToken() throws IOException {
        for (String key : List.of("k1", "k2", "k3")) {
            store.put(bucket, key, bytes(key));
        }

        ObjectListing page = store.list(bucket, "", null, 3);

        assertThat(keys(page.objects())).containsExactly("k1", "k2", "k3");
        assertThat(page.nextContinuationToken()).isEmpty();
    }

    @Test
    void pageSizeMustBeBetweenOneAndAThousand() {
        assertThatThrownBy(() -> store.list(bucket, "", null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list(bucket, "", null, 1001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMalformedContinuationTokenIsRejected() {
        assertThatThrownBy(() -> store.list(bucket, "", "not*base64!", 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buffersWrittenThroughAnUploadsChannelAreTheObjectsBytesInOrderWithTheirMd5() throws IOException {
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ObjectInfo info;
        try (ObjectUpload upload = store.startUpload(bucket, "spice/mixed.arrow")) {
            upload.write(randomBytes(random, 10, expected));
            WritableByteChannel channel = upload.keptOpenChannel();
            int[] sizes = {3, 200_000, 70_001, 65_535, 65_536, 1, 300_000, 8};
            for (int i = 0; i < sizes.length; i++) {
                byte[] part = randomBytes(random, sizes[i], expected);
                ByteBuffer buffer = switch (i % 3) {
                    case 0 -> ByteBuffer.allocateDirect(part.length).put(part).flip();
                    // A heap buffer whose array starts before its bytes.
                    case 1 -> ByteBuffer.wrap(withPrefix(part, 5), 5, part.length).slice();
                    default -> ByteBuffer.wrap(withPrefix(part, 3)).position(3);
                };
                assertThat(channel.write(buffer)).isEqualTo(part.length);
                assertThat(buffer.hasRemaining()).isFalse();
            }
            channel.close();
            assertThat(channel.isOpen()).isFalse();
            // Closing the channel leaves the upload open.
            upload.write(randomBytes(random, 5, expected));
            info = upload.commit();
        }

        assertThat(store.getAll(bucket, "spice/mixed.arrow")).isEqualTo(expected.toByteArray());
        assertThat(info.size()).isEqualTo(expected.size());
        assertThat(info.etag()).isEqualTo(md5Hex(expected.toByteArray()));
    }

    private static byte[] randomBytes(Random random, int size, ByteArrayOutputStream expected) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        expected.writeBytes(bytes);
        return bytes;
    }

    private static byte[] withPrefix(byte[] bytes, int prefix) {
        byte[] array = new byte[prefix + bytes.length];
        System.arraycopy(bytes, 0, array, prefix, bytes.length);
        return array;
    }

    @Test
    void overwritingReplacesTheWholeObject() throws IOException {
        store.put(bucket, "config.json", bytes("{\"version\": 1, \"long\": \"padding\"}"));
        store.put(bucket, "config.json", bytes("{\"v\": 2}"));

        assertThat(string(store.getAll(bucket, "config.json"))).isEqualTo("{\"v\": 2}");
        assertThat(store.head(bucket, "config.json")).get().extracting(ObjectInfo::size).isEqualTo(8L);
        assertThat(keys(store.listAll(bucket, ""))).containsExactly("config.json");
    }

    @Test
    void deleteRemovesTheObject() throws IOException {
        store.put(bucket, "a/b/c.txt", bytes("c"));
        store.put(bucket, "a/d.txt", bytes("d"));

        store.delete(bucket, "a/b/c.txt");

        assertThat(store.head(bucket, "a/b/c.txt")).isEmpty();
        assertThatThrownBy(() -> store.getAll(bucket, "a/b/c.txt")).isInstanceOf(NoSuchFileException.class);
        assertThat(keys(store.listAll(bucket, ""))).containsExactly("a/d.txt");
    }

    @Test
    void deletingAMissingObjectIsFine() throws IOException {
        store.delete(bucket, "never/written");
        store.put(bucket, "once", bytes("1"));
        store.delete(bucket, "once");
        store.delete(bucket, "once");

        assertThat(store.listAll(bucket, "")).isEmpty();
    }

    @Test
    void nothingIsVisibleUntilCommit() throws IOException {
        try (ObjectUpload upload = store.startUpload(bucket, "staged.bin")) {
            upload.write(bytes("first half, "));
            assertThat(store.head(bucket, "staged.bin")).isEmpty();
            assertThat(store.listAll(bucket, "")).isEmpty();
            upload.write(bytes("second half"));
            upload.commit();
        }

        assertThat(string(store.getAll(bucket, "staged.bin"))).isEqualTo("first half, second half");
    }

    @Test
    void anUploadClosedWithoutCommitLeavesNothing() throws IOException {
        try (ObjectUpload upload = store.startUpload(bucket, "abandoned/part-0.csv")) {
            upload.write(new byte[100_000]);
        }

        assertThat(store.head(bucket, "abandoned/part-0.csv")).isEmpty();
        assertThat(store.listAll(bucket, "")).isEmpty();
        assertThatThrownBy(() -> store.getAll(bucket, "abandoned/part-0.csv"))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void anAbandonedOverwriteKeepsTheOldContent() throws IOException {
        store.put(bucket, "report.csv", bytes("old"));

        try (ObjectUpload upload = store.startUpload(bucket, "report.csv")) {
            upload.write(bytes("new but never committed"));
        }

        assertThat(string(store.getAll(bucket, "report.csv"))).isEqualTo("old");
    }

    @Test
    void anUploadTakesNoWritesAfterCommitAndClosesQuietly() throws IOException {
        ObjectUpload upload = store.startUpload(bucket, "done");
        upload.write(bytes("x"));
        upload.commit();

        assertThatThrownBy(() -> upload.write(1)).isInstanceOf(IOException.class);
        assertThatThrownBy(upload::commit).isInstanceOf(IOException.class);
        upload.close();
        assertThat(string(store.getAll(bucket, "done"))).isEqualTo("x");
    }

    @Test
    void keysWithSpacesUnicodeAndUrlCharactersRoundTrip() throws IOException {
        List<String> keys = List.of(
                "dt=2024-01-01/part-0.parquet",
                "with space/file name.csv",
                "plus/a+b+c.txt",
                "percent/100%25 done %.txt",
                "equals/k=v=w",
                "query/what?a=1&b=2",
                "hash/#1;semi,comma",
                "unicode/\u00fcn\u00efc\u00f8d\u00e9/\u65e5\u672c\u8a9e.csv",
                "emoji/\ud83d\ude00.txt",
                "tilde~and'quote\"s");
        for (String key : keys) {
            store.put(bucket, key, bytes("content of " + key));
        }

        for (String key : keys) {
            assertThat(string(store.getAll(bucket, key))).as(key).isEqualTo("content of " + key);
            assertThat(store.head(bucket, key)).as(key).isPresent();
        }
        assertThat(keys(store.listAll(bucket, ""))).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(keys(store.listAll(bucket, "dt=2024-01-01/"))).containsExactly("dt=2024-01-01/part-0.parquet");
        assertThat(keys(store.listAll(bucket, "percent/100%"))).containsExactly("percent/100%25 done %.txt");
        assertThat(keys(store.listAll(bucket, "plus/a+"))).containsExactly("plus/a+b+c.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\ud800unpaired"})
    void keysThatAreNotS3KeysAreRejectedByEveryMethod(String key) {
        assertRejected(() -> store.put(bucket, key, bytes("x")));
        assertRejected(() -> store.startUpload(bucket, key));
        assertRejected(() -> store.get(bucket, key, 0, -1));
        assertRejected(() -> store.head(bucket, key));
        assertRejected(() -> store.delete(bucket, key));
        if (!key.isEmpty()) { // the empty prefix means the whole bucket
            assertRejected(() -> store.list(bucket, key, null, 10));
        }
    }

    @Test
    void aKeyOfMoreThan1024BytesOfUtf8IsTooLong() {
        String key = "\u00e9".repeat(513); // 513 characters, 1026 bytes
        assertThatThrownBy(() -> store.put(bucket, key, bytes("x"))).isInstanceOf(KeyTooLongException.class);
        assertThatThrownBy(() -> store.head(bucket, key)).isInstanceOf(KeyTooLongException.class);
        assertThatThrownBy(() -> store.put(bucket, "k".repeat(1025), bytes("x")))
                .isInstanceOf(KeyTooLongException.class);
    }

    /** Keys of the shapes S3 allows that a plain folder cannot hold as files; every store must keep these. */
    protected List<String> unusualKeys() {
        return List.of(
                "s".repeat(1000),
                "long/" + "x".repeat(600) + "/" + "y".repeat(300),
                "\u00e9".repeat(512),
                "../x",
                "a/../../escape",
                "a/./b",
                "/leading-slash",
                "a//b",
                "folder/",
                "back\\slash",
                "a",
                "a/b",
                "a/b/c");
    }

    /** Whether the store can hold a key and longer keys under it as a folder ({@code a} and {@code a/b}). */
    protected boolean holdsAKeyAndItsFolder() {
        return true;
    }

    @Test
    void keysOfEveryShapeS3AllowsRoundTrip() throws IOException {
        List<String> keys = unusualKeys();
        for (String key : keys) {
            store.put(bucket, key, bytes("content of " + key));
        }

        for (String key : keys) {
            assertThat(string(store.getAll(bucket, key))).as(key).isEqualTo("content of " + key);
            assertThat(store.head(bucket, key)).as(key).map(ObjectInfo::size)
                    .contains((long) bytes("content of " + key).length);
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(KeyOrder.UTF8);
        assertThat(keys(store.listAll(bucket, ""))).containsExactlyElementsOf(sorted);
        assertThat(keys(pages(bucket, "", 2))).containsExactlyElementsOf(sorted);
        assertThat(keys(store.listAll(bucket, "a/"))).containsExactlyElementsOf(
                sorted.stream().filter(key -> key.startsWith("a/")).toList());

        for (String key : keys) {
            store.delete(bucket, key);
        }
        assertThat(store.listAll(bucket, "")).isEmpty();
    }

    @Test
    void aKeyCanBeAnObjectAndTheFolderOfOthersAtOnce() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(holdsAKeyAndItsFolder(), "the server under test cannot");
        store.put(bucket, "a", bytes("file"));
        store.put(bucket, "a/b", bytes("below"));
        store.put(bucket, "c/d", bytes("below"));
        store.put(bucket, "c", bytes("file"));

        assertThat(keys(store.listAll(bucket, ""))).containsExactly("a", "a/b", "c", "c/d");
        store.put(bucket, "a/b", bytes("again"));
        assertThat(string(store.getAll(bucket, "a/b"))).isEqualTo("again");
        store.delete(bucket, "a");
        assertThat(keys(store.listAll(bucket, ""))).containsExactly("a/b", "c", "c/d");
        assertThat(string(store.getAll(bucket, "a/b"))).isEqualTo("again");
    }

    @Test
    void metadataIsKeptWithTheObjectAndReadBackWithIt() throws IOException {
        ObjectMetadata metadata = new ObjectMetadata("text/csv", "gzip", "attachment; filename=\"x.csv\"", "de",
                "max-age=60", "Tue, 01 Dec 2026 16:00:00 GMT", java.util.Map.of("owner", "team-a", "run", "42"),
                java.util.Map.of("CRC32", "AAAAAA=="), java.util.Map.of("project", "glaux", "env", "test"));
        try (ObjectUpload upload = store.startUpload(bucket, "m/data.csv", metadata)) {
            upload.write(bytes("a,b\n"));
            ObjectInfo committed = upload.commit();
            assertThat(committed.etag()).isEqualTo(md5Hex("a,b\n"));
        }

        StoredObject stored = store.stat(bucket, "m/data.csv").orElseThrow();
        assertThat(stored.metadata()).isEqualTo(metadata);
        assertThat(stored.info().etag()).isEqualTo(md5Hex("a,b\n"));
        try (ObjectRead read = store.read(bucket, "m/data.csv", 2, -1)) {
            assertThat(read.object().metadata()).isEqualTo(metadata);
            assertThat(read.object().info().size()).isEqualTo(4);
            assertThat(read(read.content())).isEqualTo("b\n");
        }
        ObjectListing listing = store.list(bucket, new ListRequest("m/", null, null, 10));
        assertThat(listing.objects()).extracting(ObjectInfo::etag).containsExactly(md5Hex("a,b\n"));
    }

    @Test
    void anOverwriteReplacesTheMetadataToo() throws IOException {
        try (ObjectUpload upload = store.startUpload(bucket, "k", ObjectMetadata.ofContentType("text/plain"))) {
            upload.write(bytes("one"));
            upload.commit();
        }
        store.put(bucket, "k", bytes("two"));

        StoredObject stored = store.stat(bucket, "k").orElseThrow();
        assertThat(stored.metadata().contentType()).isNotEqualTo("text/plain");
        assertThat(stored.info().etag()).isEqualTo(md5Hex("two"));
    }

    @Test
    void aDelimiterRollsKeysUpIntoCommonPrefixes() throws IOException {
        for (String key : List.of("a/1", "a/2", "ab", "b/x/1", "b/y", "c", "d/")) {
            store.put(bucket, key, bytes(key));
        }

        ObjectListing top = store.list(bucket, new ListRequest("", "/", null, 1000));
        assertThat(keys(top.objects())).containsExactly("ab", "c");
        assertThat(top.commonPrefixes()).containsExactly("a/", "b/", "d/");
        assertThat(top.truncated()).isFalse();

        ObjectListing underB = store.list(bucket, new ListRequest("b/", "/", null, 1000));
        assertThat(keys(underB.objects())).containsExactly("b/y");
        assertThat(underB.commonPrefixes()).containsExactly("b/x/");

        List<String> entries = new ArrayList<>();
        String startAfter = null;
        do {
            ObjectListing page = store.list(bucket, new ListRequest("", "/", startAfter, 2));
            assertThat(page.objects().size() + page.commonPrefixes().size()).isLessThanOrEqualTo(2);
            page.objects().forEach(o -> entries.add(o.key()));
            entries.addAll(page.commonPrefixes());
            startAfter = page.nextStartAfter().orElse(null);
        } while (startAfter != null);
        entries.sort(KeyOrder.UTF8);
        assertThat(entries).containsExactly("a/", "ab", "b/", "c", "d/");
    }

    @Test
    void aListingStartsAfterTheGivenKey() throws IOException {
        for (String key : List.of("k1", "k2", "k3/a", "k4")) {
            store.put(bucket, key, bytes(key));
        }

        assertThat(keys(store.list(bucket, new ListRequest("", null, "k2", 10)).objects()))
                .containsExactly("k3/a", "k4");
        ObjectListing rolled = store.list(bucket, new ListRequest("", "/", "k3/", 10));
        assertThat(keys(rolled.objects())).containsExactly("k4");
        assertThat(rolled.commonPrefixes()).isEmpty();
    }

    @Test
    void onlyAnEmptyBucketCanBeDeleted() throws IOException {
        String other = bucket + "-del";
        assertThat(store.createBucket(other)).isTrue();
        assertThat(store.createBucket(other)).isFalse();
        store.put(other, "x/y", bytes("x"));

        assertThatThrownBy(() -> store.deleteBucket(other)).isInstanceOf(BucketNotEmptyException.class);
        store.delete(other, "x/y");
        store.deleteBucket(other);

        assertThat(store.bucketExists(other)).isFalse();
        assertThatThrownBy(() -> store.deleteBucket(other)).isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void bucketsTellWhenTheyWereCreated() throws IOException {
        Instant before = Instant.now().minus(Duration.ofMinutes(1));
        String other = bucket + "-when";
        store.createBucket(other);

        BucketInfo info = store.buckets().stream().filter(b -> b.name().equals(other)).findFirst().orElseThrow();
        assertThat(info.created()).isBetween(before, Instant.now().plus(Duration.ofMinutes(1)));
    }

    @Test
    void missingBucketsAndObjectsAreTold() {
        assertThatThrownBy(() -> store.read(bucket, "absent", 0, -1)).isInstanceOf(NoSuchObjectException.class);
        assertThatThrownBy(() -> store.read(bucket + "-absent", "k", 0, -1))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> store.list(bucket + "-absent", new ListRequest("", null, null, 10)))
                .isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void aNullKeyIsRejected() {
        assertRejected(() -> store.put(bucket, null, bytes("x")));
        assertRejected(() -> store.head(bucket, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPPER", "BadBucket", "ab", "under_score", "bucket_under", "..", ".glaux", "a..b",
        "-dash", "abc-", "dot.", "with space", "xn--abc", "sthree-x", "abc-s3alias", "abc--ol-s3", "192.168.5.4",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void invalidBucketNamesAreRejected(String name) {
        assertRejected(() -> store.createBucket(name));
        assertRejected(() -> store.bucketExists(name));
        assertRejected(() -> store.list(name, "", null, 10));
        assertRejected(() -> store.put(name, "k", bytes("x")));
        assertRejected(() -> store.startUpload(name, "k"));
        assertRejected(() -> store.get(name, "k", 0, -1));
        assertRejected(() -> store.head(name, "k"));
        assertRejected(() -> store.delete(name, "k"));
    }

    @Test
    void getOfAMissingObjectNamesIt() {
        assertThatThrownBy(() -> store.get(bucket, "no/such.csv", 0, -1))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("s3://" + bucket + "/no/such.csv");
        assertThatThrownBy(() -> store.get(bucket, "no/such.csv", 5, 10))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aMissingBucketIsReportedAsMissing() throws IOException {
        String missing = bucket + "-missing";

        assertThat(store.bucketExists(missing)).isFalse();
        assertThat(store.head(missing, "k")).isEmpty();
        assertThatThrownBy(() -> store.get(missing, "k", 0, -1))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("s3://" + missing + "/");
        assertThatThrownBy(() -> store.list(missing, "", null, 10)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.put(missing, "k", bytes("x"))).isInstanceOf(NoSuchFileException.class);
        assertThat(store.bucketExists(missing)).isFalse();
    }

    @Test
    void bucketsAreCreatedOnceAndListedByName() throws IOException {
        String other = bucket + "-a";
        store.createBucket(other);
        store.createBucket(other);

        assertThat(store.bucketExists(bucket)).isTrue();
        assertThat(store.bucketExists(other)).isTrue();
        List<String> buckets = store.listBuckets();
        assertThat(buckets).contains(bucket, other);
        assertThat(buckets).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void aTwentyMegabyteObjectStreamsBackByteIdentical() throws Exception {
        int size = 20 * 1024 * 1024;
        Random random = new Random(20);
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        try (ObjectUpload upload = store.startUpload(bucket, "big/blob.bin")) {
            byte[] chunk = new byte[64 * 1024 + 7]; // odd size, so chunks straddle any internal buffer or part
            for (int left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                int n = Math.min(left, chunk.length);
                upload.write(chunk, 0, n);
                written.update(chunk, 0, n);
            }
            upload.commit();
        }

        assertThat(store.head(bucket, "big/blob.bin")).get().extracting(ObjectInfo::size).isEqualTo((long) size);
        try (InputStream in = store.get(bucket, "big/blob.bin", 0, -1)) {
            assertThat(sha256(in)).isEqualTo(written.digest());
        }
    }

    @Test
    void concurrentUploadsOfDifferentKeysAllLand() throws Exception {
        int count = 48;
        runConcurrently(6, count, i -> {
            try (ObjectUpload upload = store.startUpload(bucket, "concurrent/" + i % 4 + "/obj-" + i)) {
                for (int j = 0; j < 100; j++) {
                    upload.write(bytes("object " + i + " line " + j + "\n"));
                }
                upload.commit();
            }
        });

        List<ObjectInfo> listed = store.listAll(bucket, "concurrent/");
        assertThat(listed).hasSize(count);
        for (int i = 0; i < count; i++) {
            String text = string(store.getAll(bucket, "concurrent/" + i % 4 + "/obj-" + i));
            assertThat(text).startsWith("object " + i + " line 0\n").endsWith("object " + i + " line 99\n");
        }
    }

    // --- helpers

    /** A step that may throw, run for each index by {@link #runConcurrently}. */
    protected interface IndexedStep {
        void run(int index) throws Exception;
    }

    protected static void runConcurrently(int threads, int count, IndexedStep step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Object> task = () -> {
                    step.run(index);
                    return null;
                };
                futures.add(pool.submit(task));
            }
            for (Future<Object> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    protected List<ObjectInfo> pages(String bucket, String prefix, int maxKeys) throws IOException {
        List<ObjectInfo> all = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        do {
            ObjectListing page = store.list(bucket, prefix, token, maxKeys);
            assertThat(page.objects()).hasSizeLessThanOrEqualTo(maxKeys);
            all.addAll(page.objects());
            token = page.nextContinuationToken().orElse(null);
            assertThat(token == null || tokens.add(token)).as("a token is never repeated").isTrue();
        } while (token != null);
        return all;
    }

    protected static String md5Hex(String text) {
        return md5Hex(bytes(text));
    }

    protected static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void assertRejected(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidKeyException.class);
    }

    protected static List<String> keys(List<ObjectInfo> objects) {
        return objects.stream().map(ObjectInfo::key).toList();
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    protected static String string(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    protected static String read(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(UTF_8);
        }
    }

    private static byte[] sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[50_000];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return digest.digest();
    }
}
