package io.glaux.sample;

import io.glaux.sql.parse.StatementSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
