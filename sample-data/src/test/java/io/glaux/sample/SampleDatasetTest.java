package io.glaux.sample;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDatasetTest {

    static final Path COMMITTED = Path.of("src/main/resources/io/glaux/sample");

    @Test
    void listsEveryCommittedFile() throws Exception {
        List<String> files;
        try (Stream<Path> paths = Files.walk(COMMITTED.resolve("shop"))) {
            files = paths.filter(Files::isRegularFile)
                    .map(path -> COMMITTED.relativize(path).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(SampleDataset.keys()).isEqualTo(files).hasSize(95)
                .contains("shop/customers/customers.csv", "shop/products/products.csv",
                        "shop/orders/order_date=2024-01-01/part-00000.snappy.parquet",
                        "shop/orders/order_date=2024-03-30/part-00000.snappy.parquet",
                        "shop/web_events/events-2024-01.json");
    }

    @Test
    void copiesEveryObjectThroughAConsumer() throws Exception {
        Map<String, byte[]> copied = new LinkedHashMap<>();
        SampleDataset.copyTo((key, content) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            content.transferTo(out);
            copied.put(key, out.toByteArray());
        });

        assertThat(copied.keySet()).containsExactlyElementsOf(SampleDataset.keys());
        for (Map.Entry<String, byte[]> entry : copied.entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(Files.readAllBytes(COMMITTED.resolve(entry.getKey())));
        }
    }

    @Test
    void ddlRegistersEveryTable() {
        List<String> statements = SampleDataset.ddlStatements();

        assertThat(statements).hasSize(6);
        assertThat(statements.get(0)).startsWith("CREATE DATABASE IF NOT EXISTS shop");
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE EXTERNAL TABLE IF NOT EXISTS shop."))
                .hasSize(4);
        for (String table : List.of("customers", "products", "orders", "web_events")) {
            assertThat(statements).anySatisfy(s -> assertThat(s)
                    .startsWith("CREATE EXTERNAL TABLE IF NOT EXISTS shop." + table + " (")
                    .contains("LOCATION 's3://glaux-sample/shop/" + table + "/'"));
        }
        int orders = indexOf(statements, "CREATE EXTERNAL TABLE IF NOT EXISTS shop.orders");
        assertThat(statements.get(orders + 1)).isEqualTo("MSCK REPAIR TABLE shop.orders");
        assertThat(statements.get(orders)).contains("PARTITIONED BY (order_date date)", "STORED AS PARQUET");
        assertThat(statements).anySatisfy(s -> assertThat(s)
                .contains("'org.apache.hadoop.hive.serde2.OpenCSVSerde'", "'escapeChar' = '\\\\'",
                        "TBLPROPERTIES ('skip.header.line.count' = '1')"));
        assertThat(statements).noneSatisfy(s -> assertThat(s).contains("--"));
    }

    private static int indexOf(List<String> statements, String prefix) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("No statement starts with " + prefix);
    }
}
