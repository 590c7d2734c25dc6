package io.glaux.sample;

import io.glaux.catalog.CatalogReader;
import io.glaux.catalog.TableDefinition;
import io.glaux.sql.parse.StatementSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The committed copy of the shop dataset (scale 1), shipped as classpath resources under {@code io/glaux/sample/}
 * in bucket-relative layout, and the DDL that registers it. Load it into a store with
 * {@code SampleDataset.copyTo((key, content) -> store.put(SampleDataset.BUCKET, key, content))}, then run
 * {@link #ddlStatements()} in order.
 */
public final class SampleDataset {

    /** The bucket the DDL's LOCATIONs point at. */
    public static final String BUCKET = "glaux-sample";
    /** The Glue database the DDL creates. */
    public static final String DATABASE = "shop";

    /** The tables the DDL creates in {@value #DATABASE}, each over the folder of its name in {@value #BUCKET}. */
    public static final List<String> TABLES = List.of("customers", "products", "orders", "web_events");

    /**
     * A first look at the data, as the README shows it: a count, a group-by over each table (text, OpenCSV, Parquet
     * and JSON objects) and a join. {@code glaux serve --exit-after-self-test} runs them when the dataset is
     * registered, so the start-up archives the build records from that run hold what such queries load.
     */
    private static final List<String> EXAMPLE_QUERIES = List.of(
            "SELECT count(*) FROM shop.orders",
            "SELECT status, count(*) AS n FROM shop.orders GROUP BY status",
            "SELECT country, count(*) FROM shop.customers GROUP BY 1 ORDER BY 2 DESC",
            "SELECT category, count(*), avg(price) FROM shop.products GROUP BY category ORDER BY category",
            "SELECT p.category, sum(o.quantity * o.unit_price) AS revenue FROM shop.orders o"
                    + " JOIN shop.products p ON o.product_id = p.product_id GROUP BY p.category ORDER BY revenue DESC",
            "SELECT event_type, count(*) AS events FROM shop.web_events GROUP BY event_type ORDER BY events DESC");

    static final String RESOURCE_ROOT = "io/glaux/sample/";
    static final String DDL_RESOURCE = RESOURCE_ROOT + "shop.sql";

    /** Receives one object of the dataset. The stream is closed after the call returns. */
    @FunctionalInterface
    public interface ObjectConsumer {
        void accept(String key, InputStream content) throws IOException;
    }

    private SampleDataset() {
    }

    /** Keys of every object, e.g. {@code shop/orders/order_date=2024-01-01/part-00000.snappy.parquet}, sorted. */
    public static List<String> keys() {
        return text(RESOURCE_ROOT + ShopDataGenerator.INDEX_FILE).lines().filter(line -> !line.isBlank()).toList();
    }

    /** The content of one object; the caller closes it. */
    public static InputStream open(String key) throws IOException {
        InputStream in = SampleDataset.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + key);
        if (in == null) {
            throw new IOException("Sample object " + key + " is missing from the classpath");
        }
        return in;
    }

    /** Hands every object to {@code consumer}, in key order. */
    public static void copyTo(ObjectConsumer consumer) throws IOException {
        for (String key : keys()) {
            try (InputStream in = open(key)) {
                consumer.accept(key, in);
            }
        }
    }

    /** The DDL script as committed (with comments). */
    public static String ddlScript() {
        return text(DDL_RESOURCE);
    }

    /** The DDL statements to run in order: CREATE DATABASE, the tables, MSCK REPAIR TABLE for the partitions. */
    public static List<String> ddlStatements() {
        return StatementSplitter.split(ddlScript()).stream().map(StatementSplitter::stripLeadingComments).toList();
    }

    /** The example queries over the dataset (see {@link #isRegisteredIn}). */
    public static List<String> exampleQueries() {
        return EXAMPLE_QUERIES;
    }

    /**
     * Whether {@code catalog} holds the dataset's tables as its DDL registers them (each over its folder of
     * {@value #BUCKET}), so the example queries read the sample's objects.
     */
    public static boolean isRegisteredIn(CatalogReader catalog) {
        for (String table : TABLES) {
            Optional<TableDefinition> definition = catalog.getTable(DATABASE, table);
            String location = "s3://" + BUCKET + "/" + DATABASE + "/" + table + "/";
            if (definition.isEmpty() || definition.get().isView()
                    || !location.equals(definition.get().storage().location())) {
                return false;
            }
        }
        return true;
    }

    private static String text(String resource) {
        try (InputStream in = SampleDataset.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
