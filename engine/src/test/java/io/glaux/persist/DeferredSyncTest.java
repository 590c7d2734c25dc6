package io.glaux.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferredSyncTest {

    @TempDir
    Path folder;

    @Test
    void eachPathIsKeptOnceInTheOrderItWasFirstAdded() throws IOException {
        Path a = Files.writeString(folder.resolve("a"), "1");
        Path b = Files.writeString(folder.resolve("b"), "2");
        DeferredSync pending = new DeferredSync();

        pending.file(b);
        pending.file(a);
        pending.file(b);
        pending.folder(folder);
        pending.folder(folder);

        assertThat(pending.files()).containsExactly(b, a);
        assertThat(pending.folders()).containsExactly(folder);
    }

    @Test
    void forcingLeavesTheFilesAsTheyAreAndForgetsThem() throws IOException {
        Path a = Files.writeString(folder.resolve("a"), "content");
        DeferredSync pending = new DeferredSync();
        pending.file(a);
        pending.folder(folder);

        pending.force();

        assertThat(a).hasContent("content");
        assertThat(pending.files()).isEmpty();
        assertThat(pending.folders()).isEmpty();
    }

    @Test
    void aFileRemovedSinceItWasAddedIsSkipped() throws IOException {
        Path kept = Files.writeString(folder.resolve("kept"), "k");
        Path removed = Files.writeString(folder.resolve("removed"), "r");
        DeferredSync pending = new DeferredSync();
        pending.file(removed);
        pending.file(kept);
        Files.delete(removed);

        pending.force();

        assertThat(kept).hasContent("k");
        assertThat(pending.files()).isEmpty();
    }
}
