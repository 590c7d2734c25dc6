package io.glaux.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.Authorizer;
import io.glaux.iam.Decision;
import io.glaux.iam.Principal;
import io.glaux.kms.Kms;
import io.glaux.kms.KmsAccess;
import io.glaux.kms.KmsException;
import io.glaux.persist.DeferredSync;
import io.glaux.storage.LocalFolderStore;
import io.glaux.storage.ListRequest;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptingStoreTest {

    private static final String ACCOUNT = "000000000000";

    @TempDir
    Path data;

    private Kms kms;
    private EncryptingStore store;
    private byte[] body;

    @BeforeEach
    void setUp() throws IOException {
        kms = new Kms(data, Clock.systemUTC(), false);
        store = new EncryptingStore(new LocalFolderStore(data, false),
                new EnvelopeKeys(data, false, new DataKeys(kms, ACCOUNT, "us-east-1"), new SecureRandom()));
        store.createBucket("bkt");
        // Three full segments and a part: text, so a plaintext run is easy to look for on disk.
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 3 * SegmentLayout.DEFAULT_SEGMENT_SIZE + 1234; i++) {
            text.append("row ").append(i).append(",alpha,beta,gamma\n");
        }
        body = text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private StoredObject write(ObjectStore target, String key, ObjectEncryption encryption) throws IOException {
        try (ObjectUpload upload = target.startUpload("bkt", key,
                ObjectMetadata.ofContentType("text/csv").withEncryption(encryption))) {
            upload.write(body);
            upload.commit();
        }
        return target.stat("bkt", key).orElseThrow();
    }

    @Test
    void sseS3ObjectIsCiphertextOnDiskAndPlaintextToReaders() throws Exception {
        StoredObject stored = write(store, "data/x.csv", ObjectEncryption.sseS3());

        byte[] onDisk = Files.readAllBytes(data.resolve("bkt/data/x.csv"));
        assertThat(onDisk.length).isGreaterThan(body.length);
        assertThat(containsRun(onDisk, "alpha,beta,gamma".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(stored.info().size()).isEqualTo(body.length);
        assertThat(stored.info().etag()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(body)));
        assertThat(stored.metadata().encryption().algorithm()).isEqualTo("AES256");
        assertThat(stored.metadata().encryption().wrappedKey()).isNotBlank();
        assertThat(store.getAll("bkt", "data/x.csv")).isEqualTo(body);
        assertThat(Files.exists(data.resolve(".glaux/sse-s3/master.key"))).isTrue();
    }

    @Test
    void aViewThatDefersSyncStillEncryptsAndLeavesTheCiphertextToForce() throws Exception {
        DeferredSync pending = new DeferredSync();

        StoredObject stored = write(store.deferringSync(pending), "later/x.csv", ObjectEncryption.sseS3());

        Path file = data.toRealPath().resolve("bkt/later/x.csv");
        assertThat(containsRun(Files.readAllBytes(file), "alpha,beta,gamma".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(stored.metadata().encryption().algorithm()).isEqualTo("AES256");
        assertThat(store.getAll("bkt", "later/x.csv")).isEqualTo(body);
        assertThat(pending.files()).contains(file);
    }

    @Test
    void anUploadNotDigestedThatAsksForEncryptionStillHasItsPlaintextsMd5AsEtag() throws Exception {
        try (ObjectUpload upload = store.startUploadWithoutDigest("bkt", "enc", ObjectMetadata.ofContentType("text/csv")
                .withEncryption(ObjectEncryption.sseS3()))) {
            upload.write(body);
            upload.commit();
        }
        try (ObjectUpload upload = store.startUploadWithoutDigest("bkt", "plain", ObjectMetadata.EMPTY)) {
            upload.write(body);
            upload.commit();
        }

        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        assertThat(store.stat("bkt", "enc").orElseThrow().info().etag()).isEqualTo(md5);
        assertThat(store.stat("bkt", "plain").orElseThrow().info().etag()).isNotEqualTo(md5);
        assertThat(store.getAll("bkt", "enc")).isEqualTo(body);
        assertThat(store.getAll("bkt", "plain")).isEqualTo(body);
    }

    @Test
    void rangesDecryptOnlyWhatTheyAskForAcrossSegmentBoundaries() throws Exception {
        write(store, "x", ObjectEncryption.sseS3());
        int segment = SegmentLayout.DEFAULT_SEGMENT_SIZE;
        long[][] ranges = {{0, 10}, {segment - 5, 10}, {segment, segment}, {2 * segment + 7, 3 * segment},
            {body.length - 8, 8}, {body.length - 1, 100}, {body.length, 5}, {5, -1}};
        for (long[] range : ranges) {
            int from = (int) Math.min(range[0], body.length);
            int to = range[1] < 0 ? body.length : (int) Math.min(body.length, from + range[1]);
            try (InputStream in = store.get("bkt", "x", range[0], range[1])) {
                assertThat(in.readAllBytes()).as("range %s+%s", range[0], range[1])
                        .isEqualTo(Arrays.copyOfRange(body, from, to));
            }
        }
    }

    @Test
    void listingsReportThePlaintextSize() throws Exception {
        write(store, "k/enc", ObjectEncryption.sseS3());
        store.put("bkt", "k/plain", "abc".getBytes(StandardCharsets.UTF_8));

        var objects = store.list("bkt", ListRequest.under("k/", null, 1000)).objects();

        assertThat(objects).extracting(o -> o.key() + "=" + o.size())
                .containsExactly("k/enc=" + body.length, "k/plain=3");
    }

    @Test
    void anObjectWrittenWithoutEncryptionIsKeptAsItIs() throws Exception {
        store.put("bkt", "plain.txt", "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(data.resolve("bkt/plain.txt"))).isEqualTo("hello");
        assertThat(store.stat("bkt", "plain.txt").orElseThrow().metadata().encryption()).isNull();
    }

    @Test
    void emptyObjectsRoundTrip() throws Exception {
        body = new byte[0];
        StoredObject stored = write(store, "empty", ObjectEncryption.sseS3());

        assertThat(stored.info().size()).isZero();
        assertThat(store.getAll("bkt", "empty")).isEmpty();
    }

    @Test
    void aChangedByteOnDiskFailsTheReadWithAClearError() throws Exception {
        write(store, "t.csv", ObjectEncryption.sseS3());
        Path file = data.resolve("bkt/t.csv");
        byte[] onDisk = Files.readAllBytes(file);
        onDisk[SegmentLayout.DEFAULT_SEGMENT_SIZE + SegmentLayout.OVERHEAD + 100] ^= 1; // inside segment 1
        overwriteKeepingRecord(file, onDisk);

        assertThatThrownBy(() -> store.getAll("bkt", "t.csv"))
                .isInstanceOf(ObjectIntegrityException.class)
                .hasMessage("The encrypted object s3://bkt/t.csv failed its integrity check (segment 1 does not "
                        + "authenticate): its stored bytes were changed outside Glaux and cannot be decrypted");
        // Segment 0 is intact: a range inside it still reads.
        try (InputStream in = store.get("bkt", "t.csv", 0, 100)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOf(body, 100));
        }
    }

    @Test
    void swappedSegmentsFailTheRead() throws Exception {
        write(store, "s", ObjectEncryption.sseS3());
        Path file = data.resolve("bkt/s");
        byte[] onDisk = Files.readAllBytes(file);
        int stored = SegmentLayout.DEFAULT_SEGMENT_SIZE + SegmentLayout.OVERHEAD;
        byte[] swapped = onDisk.clone();
        System.arraycopy(onDisk, 0, swapped, stored, stored);
        System.arraycopy(onDisk, stored, swapped, 0, stored);
        overwriteKeepingRecord(file, swapped);

        assertThatThrownBy(() -> store.getAll("bkt", "s")).isInstanceOf(ObjectIntegrityException.class)
                .hasMessageContaining("segment 0 does not authenticate");
    }

    @Test
    void sseKmsUsesTheAwsManagedKeyWithTheObjectArnAsContext() throws Exception {
        StoredObject stored = write(store, "k.csv", ObjectEncryption.sseKms(null, Map.of("team", "blue")));

        ObjectEncryption encryption = stored.metadata().encryption();
        String managedKeyArn = kms.store(ACCOUNT, "us-east-1").describeKey("alias/aws/s3").arn();
        assertThat(encryption.algorithm()).isEqualTo("aws:kms");
        assertThat(encryption.kmsKeyId()).isEqualTo(managedKeyArn);
        assertThat(encryption.context()).containsExactlyInAnyOrderEntriesOf(
                Map.of("aws:s3:arn", "arn:aws:s3:::bkt/k.csv", "team", "blue"));
        assertThat(store.getAll("bkt", "k.csv")).isEqualTo(body);
        assertThat(containsRun(Files.readAllBytes(data.resolve("bkt/k.csv")),
                "alpha,beta,gamma".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void sseKmsReadsAsACallerNeedKmsDecrypt() throws Exception {
        String keyArn = kms.store(ACCOUNT, "us-east-1").createKey("mine", null, Map.of()).arn();
        write(store, "k.csv", ObjectEncryption.sseKms(keyArn, Map.of()));
        Principal alice = Principal.user(ACCOUNT, "/", "alice", "AIDAALICE");
        Authorizer denyAll = request -> new Decision(Decision.Outcome.IMPLICIT_DENY,
                "because no identity-based policy allows the " + request.action() + " action", "", "");
        ObjectStore asAlice = store.usingKeysAs(new KeyUser(alice, new KmsAccess(kms, denyAll), "us-east-1", "s3"));

        assertThatThrownBy(() -> asAlice.getAll("bkt", "k.csv")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("User: arn:aws:iam::000000000000:user/alice is not authorized to perform: "
                        + "kms:Decrypt on resource: " + keyArn);
        assertThatThrownBy(() -> write(asAlice, "other", ObjectEncryption.sseKms(keyArn, Map.of())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("kms:GenerateDataKey");
        ObjectStore allowed = store.usingKeysAs(new KeyUser(alice, new KmsAccess(kms, Authorizer.ALLOW_ALL),
                "us-east-1", "s3"));
        assertThat(allowed.getAll("bkt", "k.csv")).isEqualTo(body);
    }

    @Test
    void aDisabledKeyRefusesTheRead() throws Exception {
        var keys = kms.store(ACCOUNT, "us-east-1");
        String keyId = keys.createKey("mine", null, Map.of()).keyId();
        write(store, "d", ObjectEncryption.sseKms(keyId, Map.of()));
        keys.disableKey(keyId);

        assertThatThrownBy(() -> store.getAll("bkt", "d")).isInstanceOf(KmsException.class)
                .satisfies(e -> assertThat(((KmsException) e).code()).isEqualTo(KmsException.Code.DISABLED));
    }

    @Test
    void rewritingAnObjectKeepsItsEncryption() throws Exception {
        StoredObject first = write(store, "r", ObjectEncryption.sseKms(null, Map.of()));
        try (var read = store.read("bkt", "r", 0, -1);
                ObjectUpload upload = store.startUpload("bkt", "r", read.object().metadata().withTags(Map.of("a", "1")))) {
            read.content().transferTo(upload);
            upload.commit(read.object().info().etag());
        }
        StoredObject second = store.stat("bkt", "r").orElseThrow();

        assertThat(second.metadata().encryption().kmsKeyId()).isEqualTo(first.metadata().encryption().kmsKeyId());
        assertThat(second.metadata().encryption().wrappedKey()).isNotEqualTo(first.metadata().encryption()
                .wrappedKey());
        assertThat(second.info().etag()).isEqualTo(first.info().etag());
        assertThat(store.getAll("bkt", "r")).isEqualTo(body);
    }

    /** Replaces the file's bytes in place (same size, same modification time), as a tool changing it would. */
    private static void overwriteKeepingRecord(Path file, byte[] content) throws IOException {
        var modified = Files.getLastModifiedTime(file);
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
        }
        Files.setLastModifiedTime(file, modified);
    }

    private static boolean containsRun(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

}
