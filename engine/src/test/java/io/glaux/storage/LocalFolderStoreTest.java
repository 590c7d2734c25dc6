package io.glaux.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private Path stagingDir() {
        return root.resolve(".glaux/staging");
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
    @ValueSource(strings = {"a//b", "folder/", "a/b//", "x//"})
    void keysAFolderCannotHoldAreRejectedWithTheReason(String key) {
        assertThatThrownBy(() -> store.put(bucket, key, bytes("x")))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("folder-backed store");
        assertThatThrownBy(() -> store.get(bucket, key, 0, -1)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.head(bucket, key)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> store.delete(bucket, key)).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void aKeyCannotBeBothAnObjectAndAFolder() throws IOException {
        store.put(bucket, "a", bytes("file"));
        assertThatThrownBy(() -> store.put(bucket, "a/b", bytes("x")))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("s3://" + bucket + "/a/b");

        store.put(bucket, "c/d", bytes("x"));
        assertThatThrownBy(() -> store.put(bucket, "c", bytes("x")))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("s3://" + bucket + "/c");
        assertThat(keys(store.listAll(bucket, ""))).containsExactly("a", "c/d");
        assertThat(stagingDir()).isEmptyDirectory();
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
        assertThat(stagingDir()).isEmptyDirectory();
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
            assertThat(stagingDir()).isNotEmptyDirectory();
        }

        assertThat(stagingDir()).isEmptyDirectory();
        assertThat(bucketDir()).isEmptyDirectory();
    }

    @Test
    void theStagingFolderIsEmptyAfterACommit() throws IOException {
        store.put(bucket, "x", bytes("x"));

        assertThat(stagingDir()).isEmptyDirectory();
    }

    @Test
    void nothingIsEverCreatedOutsideTheRoot() throws Exception {
        Files.createSymbolicLink(bucketDir().resolve("out"), sibling);
        List<ThrowingStep> attempts = List.of(
                () -> store.put(bucket, "../sibling/x", bytes("x")),
                () -> store.put(bucket, "a/../../../sibling/x", bytes("x")),
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
        assertThat(stagingDir()).isEmptyDirectory();
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
        assertThat(stagingDir()).isEmptyDirectory();
    }

    /** An attempt that may be refused. */
    private interface ThrowingStep {
        void run() throws Exception;
    }
}
