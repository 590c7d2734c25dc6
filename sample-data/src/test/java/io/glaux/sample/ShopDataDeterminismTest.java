package io.glaux.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ShopDataDeterminismTest {

    @Test
    void regeneratingAtScaleOneReproducesTheCommittedCopyByteForByte(@TempDir Path folder) throws Exception {
        List<String> keys = new ShopDataGenerator(1).regenerate(folder);

        assertThat(keys).isEqualTo(SampleDataset.keys());
        List<String> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder.resolve("shop"))) {
            paths.filter(Files::isRegularFile)
                    .forEach(path -> files.add(folder.relativize(path).toString().replace('\\', '/')));
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(keys);
        for (String key : keys) {
            try (InputStream committed = SampleDataset.open(key)) {
                assertThat(Files.readAllBytes(folder.resolve(key))).as(key).isEqualTo(committed.readAllBytes());
            }
        }
        try (InputStream committedIndex = SampleDataset.class.getClassLoader()
                .getResourceAsStream(SampleDataset.RESOURCE_ROOT + ShopDataGenerator.INDEX_FILE)) {
            assertThat(Files.readAllBytes(folder.resolve(ShopDataGenerator.INDEX_FILE)))
                    .isEqualTo(committedIndex.readAllBytes());
        }
    }

    @Test
    void regenerateReplacesAnOlderCopy(@TempDir Path folder) throws Exception {
        Path stale = folder.resolve("shop/orders/order_date=2030-01-01/part-00000.snappy.parquet");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "stale");
        Path unrelated = folder.resolve("other/keep.txt");
        Files.createDirectories(unrelated.getParent());
        Files.writeString(unrelated, "keep");

        new ShopDataGenerator(0.05).regenerate(folder);

        assertThat(stale).doesNotExist();
        assertThat(unrelated).hasContent("keep");
    }
}
