package io.glaux.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectRecordsTest {

    @TempDir
    Path folder;

    @Test
    void aGenerationIsNamedAsEarlierVersionsNamedItSoTheirRecordsAreStillFound() throws IOException {
        Path file = Files.writeString(folder.resolve("object"), "content");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-07T10:15:30.123456789Z")));
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);

        String named = ObjectRecords.generation(attributes);

        // The form records on disk are named by: the file key's letters and digits, the size and the modified time.
        Object fileKey = attributes.fileKey();
        String identity = fileKey == null ? "" : fileKey.toString().replaceAll("[^A-Za-z0-9]", "");
        assertThat(named).isEqualTo(identity + "s7m" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS))
                .matches("[A-Za-z0-9]*s7m[0-9]+");
    }

    @Test
    void aGenerationChangesWhenTheFileIsRewritten() throws IOException {
        Path file = Files.writeString(folder.resolve("object"), "content");
        String first = ObjectRecords.generation(Files.readAttributes(file, BasicFileAttributes.class));

        Files.writeString(file, "other content");

        assertThat(ObjectRecords.generation(Files.readAttributes(file, BasicFileAttributes.class)))
                .isNotEqualTo(first);
    }
}
