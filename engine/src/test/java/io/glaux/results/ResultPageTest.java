package io.glaux.results;

import io.glaux.storage.LocalFolderStore;
import io.glaux.storage.S3Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultPageTest {

    @TempDir
    Path root;

    @Test
    void pagesResumeAtTheirOffsetAndSeeEveryRowOnce() throws Exception {
        StringWriter csv = new StringWriter();
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String[] row = {"r" + i, i % 3 == 0 ? null : "é \"q\",\n" + i, i % 5 == 0 ? "" : null};
            AthenaCsv.writeRow(csv, row);
            expected.add(Arrays.asList(row));
        }
        try (LocalFolderStore store = new LocalFolderStore(root)) {
            store.createBucket("results");
            store.put("results", "q.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            S3Location object = new S3Location("results", "q.csv");
            List<List<String>> seen = new ArrayList<>();
            long offset = 0;
            int pages = 0;
            while (offset >= 0) {
                ResultPage page = ResultPage.read(store, object, offset, 7);
                seen.addAll(page.rows());
                offset = page.nextOffset();
                pages++;
            }
            assertThat(seen).isEqualTo(expected);
            assertThat(pages).isEqualTo(4);
        }
    }

    @Test
    void anExactlyFullLastPageHasNoNextPage() throws Exception {
        try (LocalFolderStore store = new LocalFolderStore(root)) {
            store.createBucket("results");
            store.put("results", "d.txt", "a\nb\n".getBytes(StandardCharsets.UTF_8));
            ResultPage page = ResultPage.read(store, new S3Location("results", "d.txt"), 0, 2);
            assertThat(page.rows()).containsExactly(List.of("a"), List.of("b"));
            assertThat(page.nextOffset()).isEqualTo(-1);
        }
    }
}
