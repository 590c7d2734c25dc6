package io.glaux.sample;

import io.glaux.sample.Records.Customer;
import io.glaux.sample.Records.Product;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates the online-shop dataset into a folder that stands for the bucket ({@code glaux-sample}): objects land at
 * {@code <folder>/shop/<table>/...}, the key being the path relative to the folder.
 *
 * <ul>
 *   <li>{@code shop/customers/customers.csv}: OpenCSVSerde, header row, all fields quoted, {@code signup_date} as
 *       days since 1970-01-01 (the only date form OpenCSVSerde reads)</li>
 *   <li>{@code shop/products/products.csv}: LazySimpleSerDe, comma-delimited, header row, NULL as {@code \N}</li>
 *   <li>{@code shop/orders/order_date=YYYY-MM-DD/part-00000.snappy.parquet}: Parquet, one folder per day</li>
 *   <li>{@code shop/web_events/events-YYYY-MM.json}: JSON lines</li>
 * </ul>
 *
 * Row counts at scale 1: 1,000 customers, 200 products, 20,000 orders over 90 days, 5,000 web events; each grows
 * linearly with the scale. Every table draws from its own fixed seed, so the bytes are identical on every run.
 *
 * <p>Regenerate: {@code ShopDataGenerator <folder> <scale>} replaces {@code <folder>/shop/} and writes
 * {@code <folder>/shop.index}, the list of keys {@link SampleDataset} reads.
 */
public final class ShopDataGenerator {

    public static final String INDEX_FILE = "shop.index";

    static final long CUSTOMER_SEED = 20_240_101L;
    static final long PRODUCT_SEED = 20_240_102L;
    static final long ORDER_SEED = 20_240_103L;
    static final long EVENT_SEED = 20_240_104L;

    private final double scale;

    public ShopDataGenerator(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("Scale must be a positive number, got " + scale);
        }
        this.scale = scale;
    }

    public long customerCount() {
        return count(1_000, 10);
    }

    public long productCount() {
        return count(200, 20);
    }

    public long orderCount() {
        return count(20_000, 90);
    }

    public long webEventCount() {
        return count(5_000, 90);
    }

    private long count(long atScaleOne, long minimum) {
        return Math.max(minimum, Math.round(atScaleOne * scale));
    }

    /**
     * Writes every table under {@code bucketFolder/shop/} (which must not hold older files) and returns the keys
     * written, sorted.
     */
    public List<String> generate(Path bucketFolder) throws IOException {
        List<Customer> customers = CustomerGenerator.generate(Math.toIntExact(customerCount()), CUSTOMER_SEED);
        List<Product> products = ProductGenerator.generate(Math.toIntExact(productCount()), PRODUCT_SEED);
        List<String> keys = new ArrayList<>();
        keys.add(writeCustomers(bucketFolder, customers));
        keys.add(writeProducts(bucketFolder, products));
        keys.addAll(OrderGenerator.generate(bucketFolder, orderCount(), customers, products, ORDER_SEED));
        keys.addAll(WebEventGenerator.generate(bucketFolder, webEventCount(), customers, products, EVENT_SEED));
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    /** Replaces {@code bucketFolder/shop/} with a fresh copy and writes the key index beside it. */
    public List<String> regenerate(Path bucketFolder) throws IOException {
        deleteTree(bucketFolder.resolve("shop"));
        Files.createDirectories(bucketFolder);
        List<String> keys = generate(bucketFolder);
        Files.writeString(bucketFolder.resolve(INDEX_FILE), String.join("\n", keys) + "\n", StandardCharsets.UTF_8);
        return keys;
    }

    private static String writeCustomers(Path bucket, List<Customer> customers) throws IOException {
        String key = "shop/customers/customers.csv";
        try (BufferedWriter out = newWriter(bucket, key)) {
            out.write(CsvText.openCsvLine(List.of("customer_id", "name", "email", "country", "city", "signup_date",
                    "segment")));
            for (Customer c : customers) {
                out.write(CsvText.openCsvLine(List.of(Long.toString(c.id()), c.name(), c.email(), c.country(),
                        c.city(), Long.toString(c.signupDate().toEpochDay()), c.segment())));
            }
        }
        return key;
    }

    private static String writeProducts(Path bucket, List<Product> products) throws IOException {
        String key = "shop/products/products.csv";
        try (BufferedWriter out = newWriter(bucket, key)) {
            out.write(CsvText.lazySimpleLine(List.of("product_id", "name", "category", "brand", "price",
                    "launched_on")));
            for (Product p : products) {
                out.write(CsvText.lazySimpleLine(java.util.Arrays.asList(Long.toString(p.id()), p.name(),
                        p.category(), p.brand(), p.price().toPlainString(), p.launchedOn().toString())));
            }
        }
        return key;
    }

    private static BufferedWriter newWriter(Path bucket, String key) throws IOException {
        Path file = bucket.resolve(key);
        Files.createDirectories(file.getParent());
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** {@code ShopDataGenerator <bucket folder> [scale]}; scale defaults to 1. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("Usage: ShopDataGenerator <bucket folder> [scale]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]).toAbsolutePath();
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        long started = System.nanoTime();
        List<String> keys = new ShopDataGenerator(scale).regenerate(folder);
        System.out.printf("Wrote %d objects at scale %s under %s in %d ms%n", keys.size(), args.length > 1 ? args[1]
                : "1", folder, (System.nanoTime() - started) / 1_000_000);
    }
}
