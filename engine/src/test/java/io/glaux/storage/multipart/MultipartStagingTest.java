package io.glaux.storage.multipart;

import io.glaux.storage.ObjectMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartStagingTest {

    @TempDir
    Path folder;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static UploadedPart put(MultipartStaging staging, MultipartUpload upload, int number, String content)
            throws IOException {
        try (PartWriter writer = staging.startPart(upload, number)) {
            writer.write(utf8(content));
            return writer.commit("etag-" + content, Map.of("CRC32", "AAAAAA=="));
        }
    }

    private static String read(MultipartStaging staging, MultipartUpload upload, UploadedPart part)
            throws IOException {
        try (InputStream in = staging.openPart(upload, part)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void partsAreKeptInOrderAndReplacedByNumber() throws IOException {
        MultipartStaging staging = new MultipartStaging(folder, false);
        MultipartUpload upload = staging.create("data", "big.csv", ObjectMetadata.ofContentType("text/csv"), "CRC32",
                "COMPOSITE");
        put(staging, upload, 2, "second");
        put(staging, upload, 1, "first");
        put(staging, upload, 2, "second again");
        List<UploadedPart> parts = staging.parts(upload);
        assertThat(parts).extracting(UploadedPart::partNumber).containsExactly(1, 2);
        assertThat(parts.get(1).etag()).isEqualTo("etag-second again");
        assertThat(parts.get(1).size()).isEqualTo(12);
        assertThat(parts.get(1).checksums()).containsEntry("CRC32", "AAAAAA==");
        assertThat(read(staging, upload, parts.get(1))).isEqualTo("second again");
        assertThat(files()).hasSize(5); // upload.json, two records, two data files: the replaced one is gone
    }

    @Test
    void uploadsSurviveARestartAndAreFoundByIdAndBucket() throws IOException {
        MultipartUpload upload = new MultipartStaging(folder, true).create("data", "k", ObjectMetadata.EMPTY, null,
                null);
        put(new MultipartStaging(folder, true), upload, 1, "one");
        MultipartStaging reopened = new MultipartStaging(folder, true);
        assertThat(reopened.find(upload.uploadId())).contains(upload);
        assertThat(reopened.uploads("data")).containsExactly(upload);
        assertThat(reopened.uploads("other")).isEmpty();
        assertThat(reopened.parts(upload)).hasSize(1);
    }

    @Test
    void aPartNotCommittedLeavesNothing() throws IOException {
        MultipartStaging staging = new MultipartStaging(folder, false);
        MultipartUpload upload = staging.create("data", "k", ObjectMetadata.EMPTY, null, null);
        try (PartWriter writer = staging.startPart(upload, 1)) {
            writer.write(utf8("cut off"));
        }
        assertThat(staging.parts(upload)).isEmpty();
        assertThat(files()).containsExactly(upload.uploadId() + "/upload.json");
    }

    @Test
    void leftoversOfACrashAreRemovedWhenOpened() throws IOException {
        MultipartStaging staging = new MultipartStaging(folder, false);
        MultipartUpload upload = staging.create("data", "k", ObjectMetadata.EMPTY, null, null);
        put(staging, upload, 1, "kept");
        Path dir = folder.resolve(upload.uploadId());
        Files.write(dir.resolve(".00002-x.part.tmp"), utf8("being received"));
        Files.write(dir.resolve("00003-y.part"), utf8("renamed but never recorded"));
        Files.createDirectories(folder.resolve("half-created"));
        Files.write(staging.temporaryFile(), utf8("spooled"));
        new MultipartStaging(folder, false);
        assertThat(files()).hasSize(3).allMatch(f -> f.startsWith(upload.uploadId()));
        assertThat(new MultipartStaging(folder, false).parts(upload)).extracting(UploadedPart::partNumber)
                .containsExactly(1);
    }

    @Test
    void removedUploadsAreGoneWithTheirParts() throws IOException {
        MultipartStaging staging = new MultipartStaging(folder, false);
        MultipartUpload a = staging.create("data", "a", ObjectMetadata.EMPTY, null, null);
        MultipartUpload b = staging.create("data", "b", ObjectMetadata.EMPTY, null, null);
        MultipartUpload c = staging.create("other", "c", ObjectMetadata.EMPTY, null, null);
        put(staging, a, 1, "x");
        assertThat(staging.remove(a.uploadId())).isTrue();
        assertThat(staging.remove(a.uploadId())).isFalse();
        assertThat(staging.find(a.uploadId())).isEmpty();
        staging.removeBucket("data");
        assertThat(staging.find(b.uploadId())).isEmpty();
        assertThat(staging.find(c.uploadId())).isPresent();
    }

    @Test
    void malformedIdsAreNoUpload() throws IOException {
        MultipartStaging staging = new MultipartStaging(folder, false);
        assertThat(staging.find("../../etc")).isEmpty();
        assertThat(staging.find("")).isEmpty();
        assertThat(staging.find(null)).isEmpty();
        assertThat(staging.remove("..")).isFalse();
    }
}
