package io.glaux.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.persist.DeferredSync;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalFolderStoreTest extends ObjectStoreContractTest {

    @TempDir
    Path temp;

    private Path root;
    private Path sibling;

    @Override
    protected ObjectStore newStore() throws IOException {
        root = temp.resolve("root");
        sibling = temp.resolve("sibling");
        Files.createDirectories(sibling);
        return new LocalFolderStore(root);
    }

    private Path bucketDir() {
        return root.resolve(bucket);
    }

    /** Files being staged by any store instance on this root. */
    private List<Path> stagedParts() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(".glaux/store/staging"))) {
            return files.filter(file -> file.toString().endsWith(".part")).toList();
        }
    }

    @Test
    void objectsAreFilesAtRootBucketKey() throws IOException {
        store.put(bucket, "dt=2024-01-01/part-0.csv", bytes("a,b\n"));

        assertThat(bucketDir().resolve("dt=2024-01-01/part-0.csv")).hasContent("a,b\n");
    }

    @Test
    void filesPutThereByOtherToolsAreObjects() throws IOException {
        Files.createDirectories(bucketDir().resolve("x"));
        Files.writeString(bucketDir().resolve("x/y.csv"), "1\n");

        assertThat(keys(store.listAll(bucket, ""))).containsExactly("x/y.csv");
        assertThat(string(store.getAll(bucket, "x/y.csv"))).isEqualTo("1\n");
    }

    @Test
    void theRootFolderIsCreatedWhenMissing() throws IOException {
        Path deeper = temp.resolve("not/there/yet");

        try (LocalFolderStore created = new LocalFolderStore(deeper)) {
            created.createBucket("fresh");
            assertThat(created.listBuckets()).containsExactly("fresh");
        }
        assertThat(deeper.resolve("fresh")).isDirectory();
    }

    @Test
    void dotFoldersAndOddFolderNamesAreNeverBuckets() throws IOException {
        Files.createDirectories(root.resolve(".hidden"));
        Files.createDirectories(root.resolve("Not A Bucket"));
        Files.writeString(root.resolve("plain-file"), "x");

        assertThat(store.listBuckets()).containsExactly(bucket);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a//b", "folder/", "a/b//", "x//", "../x", "a/../../x", "a/./b", "/abs", "nul\u0000byte"})
    void keysAFolderCannotHoldAreKeptAsideInsideTheStoreFolder(String key) throws IOException {
        store.put(bucket, key, bytes("x"));

        assertThat(string(store.getAll(bucket, key))).isEqualTo("x");
        assertThat(keys(store.listAll(bucket, ""))).containsExactly(key);
        assertThat(bucketDir()).isEmptyDirectory();
        try (Stream<Path> aside = Files.walk(root.resolve(".glaux/store/aside"))) {
            assertThat(aside.filter(Files::isRegularFile)).hasSize(1);
        }
        store.delete(bucket, key);
        assertThat(store.listAll(bucket, "")).isEmpty();
    }

    @Test
    void aSegmentLongerThanAFileNameIsKeptAside() throws IOException {
        String key = "dir/" + "n".repeat(1000);
        store.put(bucket, key, bytes("long"));
        store.put(bucket, "dir/short", bytes("short"));

        assertThat(keys(store.listAll(bucket, "dir/"))).containsExactly(key, "dir/short");
        assertThat(bucketDir().resolve("dir/short")).hasContent("short");
    }

    @Test
    void aKeyThatIsAlsoAFolderIsKeptAsideAndBothStayReadable() throws IOException {
        store.put(bucket, "a", bytes("file"));
        store.put(bucket, "a/b", bytes("below"));
        store.put(bucket, "c/d", bytes("below"));
        store.put(bucket, "c", bytes("file"));

        assertThat(bucketDir().resolve("a")).hasContent("file");
        assertThat(bucketDir().resolve("c/d")).hasContent("below");
        assertThat(keys(store.listAll(bucket, ""))).containsExactly("a", "a/b", "c", "c/d");
        assertThat(stagedParts()).isEmpty();
    }

    @Test
    void staleStagingOfAKilledProcessIsRemovedAtStart() throws IOException {
        Path dead = root.resolve(".glaux/store/staging/0000-dead-instance");
        Files.createDirectories(dead);
        Files.createFile(dead.resolve(".owner"));
        Files.write(dead.resolve("abandoned.part"), new byte[4096]);
        Path legacy = root.resolve(".glaux/staging");
        Files.createDirectories(legacy);
        Files.write(legacy.resolve("old.part"), new byte[10]);

        try (LocalFolderStore restarted = new LocalFolderStore(root)) {
            assertThat(dead).doesNotExist();
            assertThat(legacy).doesNotExist();
            assertThat(restarted.listAll(bucket, "")).isEmpty();
        }
    }

    @Test
    void aLiveInstancesStagingIsLeftAlone() throws IOException {
        try (ObjectUpload upload = store.startUpload(bucket, "in/flight")) {
            upload.write(bytes("half"));
            upload.flush();
            try (LocalFolderStore second = new LocalFolderStore(root)) {
                assertThat(second.listAll(bucket, "")).isEmpty();
            }
            upload.commit();
        }
        assertThat(string(store.getAll(bucket, "in/flight"))).isEqualTo("half");
    }

    @Test
    void aRecordWrittenBeforeACrashWithoutItsFileIsNeverUsed() throws IOException {
        try (ObjectUpload upload = store.startUpload(bucket, "k", ObjectMetadata.ofContentType("text/old"))) {
            upload.write(bytes("old"));
            upload.commit();
        }
        // A crash between writing the next generation's record and renaming its file leaves a stray record.
        Path records = root.resolve(".glaux/store/meta/" + bucket);
        try (Stream<Path> files = Files.walk(records)) {
            Path record = files.filter(Files::isRegularFile).findFirst().orElseThrow();
            Files.writeString(record.resolveSibling("999s3m0.json"),
                    Files.readString(record).replace("text/old", "text/new"));
        }

        assertThat(store.stat(bucket, "k").orElseThrow().metadata().contentType()).isEqualTo("text/old");
    }

    @Test
    void aFilePutThereByAnotherToolHasAStableEtagThatChangesWithIt() throws IOException {
        Files.writeString(bucketDir().resolve("foreign.csv"), "1\n");
        String first = store.stat(bucket, "foreign.csv").orElseThrow().info().etag();

        assertThat(store.stat(bucket, "foreign.csv").orElseThrow().info().etag()).isEqualTo(first);
        assertThat(store.stat(bucket, "foreign.csv").orElseThrow().metadata()).isEqualTo(ObjectMetadata.EMPTY);
        Files.writeString(bucketDir().resolve("foreign.csv"), "1\n2\n");
        assertThat(store.stat(bucket, "foreign.csv").orElseThrow().info().etag()).isNotEqualTo(first);
    }

    @Test
    void deleteRemovesFoldersLeftEmptyUpToTheBucket() throws IOException {
        store.put(bucket, "a/b/c/d.txt", bytes("d"));
        store.put(bucket, "a/keep.txt", bytes("k"));

        store.delete(bucket, "a/b/c/d.txt");

        assertThat(bucketDir().resolve("a/b")).doesNotExist();
        assertThat(bucketDir().resolve("a/keep.txt")).exists();
        store.delete(bucket, "a/keep.txt");
        assertThat(bucketDir()).isEmptyDirectory();
    }

    @Test
    void listingOrdersCharactersOutsideTheBmpAsUtf8Bytes() throws IOException {
        // U+FFFD is EF BF BD in UTF-8 and U+1F600 is F0 9F 98 80, though as UTF-16 the emoji comes first.
        store.put(bucket, "\ud83d\ude00", bytes("emoji"));
        store.put(bucket, "\ufffd", bytes("replacement"));

        assertThat(keys(store.listAll(bucket, ""))).containsExactly("\ufffd", "\ud83d\ude00");
    }

    @Test
    void aSymlinkedFolderLeadingOutsideIsNotFollowed() throws IOException {
        Files.writeString(sibling.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(bucketDir().resolve("link"), sibling);

        assertThatThrownBy(() -> store.getAll(bucket, "link/secret.txt")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> store.head(bucket, "link/secret.txt")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> store.put(bucket, "link/planted.txt", bytes("x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> store.put(bucket, "link/deeper/planted.txt", bytes("x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> store.delete(bucket, "link/secret.txt")).isInstanceOf(AccessDeniedException.class);
        assertThat(store.listAll(bucket, "")).isEmpty();

        assertThat(sibling.resolve("secret.txt")).hasContent("secret");
        try (Stream<Path> outside = Files.list(sibling)) {
            assertThat(outside).containsExactly(sibling.resolve("secret.txt"));
        }
        assertThat(stagedParts()).isEmpty();
    }

    @Test
    void aSymlinkedFileLeadingOutsideIsNotRead() throws IOException {
        Files.writeString(sibling.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(bucketDir().resolve("innocent.csv"), sibling.resolve("secret.txt"));

        assertThatThrownBy(() -> store.getAll(bucket, "innocent.csv")).isInstanceOf(AccessDeniedException.class);
        assertThat(store.listAll(bucket, "")).isEmpty();
    }

    @Test
    void aSymlinkInsideTheBucketIsReadable() throws IOException {
        store.put(bucket, "real/data.csv", bytes("1\n"));
        Files.createSymbolicLink(bucketDir().resolve("alias.csv"), bucketDir().resolve("real/data.csv"));

        assertThat(string(store.getAll(bucket, "alias.csv"))).isEqualTo("1\n");
        assertThat(keys(store.listAll(bucket, ""))).containsExactly("alias.csv", "real/data.csv");
    }

    @Test
    void theStagingFolderIsEmptyAfterAnAbandonedUpload() throws IOException {
        try (ObjectUpload upload = store.startUpload(bucket, "a/b.bin")) {
            upload.write(new byte[10_000]);
            upload.flush();
            assertThat(stagedParts()).isNotEmpty();
        }

        assertThat(stagedParts()).isEmpty();
        assertThat(bucketDir()).isEmptyDirectory();
    }

    @Test
    void theStagingFolderIsEmptyAfterACommit() throws IOException {
        store.put(bucket, "x", bytes("x"));

        assertThat(stagedParts()).isEmpty();
    }

    @Test
    void nothingIsEverCreatedOutsideTheRoot() throws Exception {
        Files.createSymbolicLink(bucketDir().resolve("out"), sibling);
        List<ThrowingStep> attempts = List.of(
                () -> store.put(bucket, "../sibling/x", bytes("x")),
                () -> store.put(bucket, "a/../../../sibling/x", bytes("x")),
                () -> store.put(bucket, "../../../sibling/y", bytes("x")),
                () -> store.delete(bucket, "../../sibling/secret"),
                () -> store.put(bucket, "out/x", bytes("x")),
                () -> store.put(bucket, "out/a/b/c", bytes("x")),
                () -> store.createBucket("sibling"),
                () -> store.put("sibling", "x", bytes("x")),
                () -> store.delete(bucket, "out/x"));
        for (ThrowingStep attempt : attempts) {
            try {
                attempt.run();
            } catch (IOException | IllegalArgumentException expected) {
                // Refusals are what we want here; the check is on the filesystem below.
            }
        }
        store.put(bucket, "inside/ok.txt", bytes("ok"));
        store.delete(bucket, "inside/ok.txt");

        assertThat(sibling).isEmptyDirectory();
        try (Stream<Path> children = Files.list(temp)) {
            assertThat(children).containsExactlyInAnyOrder(root, sibling);
        }
    }

    @Test
    void uploadsFromSeveralStoresOnOneRootDoNotCollide() throws Exception {
        try (LocalFolderStore second = new LocalFolderStore(root)) {
            runConcurrently(4, 40, i -> (i % 2 == 0 ? store : second).put(bucket, "shared/" + i, bytes("v" + i)));
        }

        assertThat(store.listAll(bucket, "shared/")).hasSize(40);
        assertThat(stagedParts()).isEmpty();
    }

    @Test
    void deletesAndUploadsInTheSameFolderRaceSafely() throws Exception {
        // Deleting the last object of a folder removes the folder while other uploads are creating it again.
        runConcurrently(6, 300, i -> {
            String key = "hot/folder/obj-" + i % 3;
            if (i % 2 == 0) {
                store.put(bucket, key, bytes("x"));
            } else {
                store.delete(bucket, key);
            }
        });
        store.put(bucket, "hot/folder/final", bytes("done"));

        assertThat(string(store.getAll(bucket, "hot/folder/final"))).isEqualTo("done");
        assertThat(stagedParts()).isEmpty();
    }

    @Test
    void aViewThatDefersSyncPublishesAtOnceAndLeavesItsFilesRecordsAndFoldersToForce() throws IOException {
        DeferredSync pending = new DeferredSync();
        ObjectStore deferring = store.deferringSync(pending);

        assertThat(deferring.createBucket("later")).isTrue();
        ObjectInfo put = deferring.put("later", "dt=1/part-0.csv", bytes("a,b\n"));

        Path file = root.toRealPath().resolve("later/dt=1/part-0.csv");
        assertThat(file).hasContent("a,b\n");
        assertThat(store.head("later", "dt=1/part-0.csv")).contains(put);
        assertThat(put.etag()).isEqualTo(HexFormat.of().formatHex(md5("a,b\n")));
        Path storeFolder = root.toRealPath().resolve(".glaux");
        List<Path> records = pending.files().stream().filter(path -> path.startsWith(storeFolder)).toList();
        assertThat(records).hasSize(2).allMatch(Files::isRegularFile);
        assertThat(pending.files()).contains(file);
        assertThat(pending.folders()).contains(root.toRealPath(), file.getParent())
                .contains(records.get(0).getParent(), records.get(1).getParent());

        pending.force();

        assertThat(pending.files()).isEmpty();
        assertThat(pending.folders()).isEmpty();
    }

    @Test
    void closingADeferringViewLeavesTheStoreOpen() throws IOException {
        store.deferringSync(new DeferredSync()).close();

        store.put(bucket, "after", bytes("still open"));

        assertThat(string(store.getAll(bucket, "after"))).isEqualTo("still open");
        assertThat(stagedParts()).isEmpty();
    }

    @Test
    void forcingSkipsObjectsDeletedSinceTheyWereWritten() throws IOException {
        DeferredSync pending = new DeferredSync();
        store.deferringSync(pending).put(bucket, "gone/soon", bytes("x"));
        store.delete(bucket, "gone/soon");

        pending.force();

        assertThat(store.head(bucket, "gone/soon")).isEmpty();
        assertThat(pending.files()).isEmpty();
    }

    @Test
    void anUploadNotDigestedHasAnEtagOfItsOwnThatAWriteOfTheSameBytesChanges() throws IOException {
        ObjectInfo first = putWithoutDigest("spice/orders.arrow", "columns");

        assertThat(first.etag()).matches("[0-9a-f]{32}").isNotEqualTo(HexFormat.of().formatHex(md5("columns")));
        assertThat(store.head(bucket, "spice/orders.arrow")).contains(first);
        assertThat(string(store.getAll(bucket, "spice/orders.arrow"))).isEqualTo("columns");

        ObjectInfo again = putWithoutDigest("spice/orders.arrow", "columns");

        assertThat(again.etag()).matches("[0-9a-f]{32}").isNotEqualTo(first.etag());
        assertThat(store.head(bucket, "spice/orders.arrow")).contains(again);
    }

    @Test
    void anUploadNotDigestedStillTakesTheEtagItIsCommittedWith() throws IOException {
        try (ObjectUpload upload = store.startUploadWithoutDigest(bucket, "parts", ObjectMetadata.EMPTY)) {
            upload.write(bytes("abc"));
            assertThat(upload.commit("0123456789abcdef0123456789abcdef-2").etag())
                    .isEqualTo("0123456789abcdef0123456789abcdef-2");
        }
    }

    private ObjectInfo putWithoutDigest(String key, String content) throws IOException {
        try (ObjectUpload upload = store.startUploadWithoutDigest(bucket, key, ObjectMetadata.EMPTY)) {
            upload.write(bytes(content));
            return upload.commit();
        }
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attempt that may be refused. */
    private interface ThrowingStep {
        void run() throws Exception;
    }
}
