package io.glaux.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import io.glaux.format.parquet.ParquetFormatReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Reads the dataset's objects back with independent readers (Jackson CSV and JSON, the Parquet reader). */
final class ShopTables {

    /** One Parquet row plus the partition folder it came from. */
    record OrderRow(String partition, Object[] values) {
    }

    private final Function<String, byte[]> objects;
    private final List<String> keys;

    ShopTables(List<String> keys, Function<String, byte[]> objects) {
        this.keys = keys;
        this.objects = objects;
    }

    static ShopTables committed() {
        return new ShopTables(SampleDataset.keys(), key -> {
            try (InputStream in = SampleDataset.open(key)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    List<Map<String, String>> customers() throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withQuoteChar('"');
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(schema)
                .readValues(objects.apply("shop/customers/customers.csv"))) {
            return rows.readAll();
        }
    }

    /** Products as LazySimpleSerDe reads them: split on commas, {@code \N} is NULL, the header skipped. */
    List<String[]> products() {
        String text = new String(objects.apply("shop/products/products.csv"), StandardCharsets.UTF_8);
        return text.lines().skip(1).map(line -> Arrays.stream(line.split(",", -1))
                .map(field -> field.equals("\\N") ? null : field).toArray(String[]::new)).toList();
    }

    List<OrderRow> orders() throws IOException {
        List<OrderRow> rows = new ArrayList<>();
        for (String key : keys) {
            if (!key.startsWith("shop/orders/")) {
                continue;
            }
            byte[] bytes = objects.apply(key);
            ObjectSource source = new ObjectSource() {
                @Override
                public String name() {
                    return "s3://" + SampleDataset.BUCKET + "/" + key;
                }

                @Override
                public long size() {
                    return bytes.length;
                }

                @Override
                public InputStream open(long offset, long length) {
                    int count = (int) (length < 0 ? bytes.length - offset : length);
                    return new ByteArrayInputStream(bytes, (int) offset, count);
                }
            };
            int width = OrderGenerator.COLUMNS.size();
            int start = "shop/orders/order_date=".length();
            String partition = key.substring(start, key.indexOf('/', start));
            try (RowSource rowSource = new ParquetFormatReader().open(source, new ReadRequest(OrderGenerator.COLUMNS,
                    IntStream.range(0, width).toArray(), List.of(), Map.of(), null))) {
                for (Object[] row = rowSource.next(); row != null; row = rowSource.next()) {
                    rows.add(new OrderRow(partition, row));
                }
            }
        }
        return rows;
    }

    List<JsonNode> webEvents() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String key : keys) {
            if (key.startsWith("shop/web_events/")) {
                for (String line : new String(objects.apply(key), StandardCharsets.UTF_8).split("\n")) {
                    events.add(json.readTree(line));
                }
            }
        }
        return events;
    }
}
