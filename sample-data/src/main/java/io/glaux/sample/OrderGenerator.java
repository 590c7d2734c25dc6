package io.glaux.sample;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.RowWriter;
import io.glaux.format.parquet.ParquetFormatWriter;
import io.glaux.sample.Records.Customer;
import io.glaux.sample.Records.Product;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Orders as Snappy Parquet, one folder per day ({@code order_date=YYYY-MM-DD/}, Hive-style for MSCK REPAIR TABLE).
 * A fifth of the customers place most orders (power-law draw over a shuffled customer list), product popularity
 * follows a Zipf-like curve, daily volume follows {@link ShopCalendar}. Products are only ordered once launched.
 * {@code discount} is NULL when none applied and {@code channel} is NULL for a few unattributed orders.
 */
final class OrderGenerator {

    static final List<Column> COLUMNS = List.of(
            new Column("order_id", AthenaType.BIGINT),
            new Column("customer_id", AthenaType.BIGINT),
            new Column("product_id", AthenaType.BIGINT),
            new Column("quantity", AthenaType.INT),
            new Column("unit_price", new AthenaType.Decimal(10, 2)),
            new Column("discount", AthenaType.DOUBLE),
            new Column("status", AthenaType.STRING),
            new Column("channel", AthenaType.STRING),
            new Column("ordered_at", AthenaType.TIMESTAMP));

    static final long FIRST_ORDER_ID = 100_001;
    static final int MAX_ROWS_PER_FILE = 1_000_000;
    static final Map<String, String> WRITER_PROPERTIES = Map.of(ParquetFormatWriter.WRITE_COMPRESSION, "SNAPPY");

    private static final Weighted<Double> DISCOUNTS = Weighted.of(List.of(0.05, 0.10, 0.15, 0.20, 0.25),
            30, 35, 15, 15, 5);
    private static final Weighted<Integer> QUANTITIES = Weighted.of(List.of(1, 2, 3, 4, 5, 6), 70, 18, 7, 3, 1, 1);
    private static final Weighted<String> SETTLED = Weighted.of(List.of("completed", "cancelled", "returned"),
            89, 4, 7);
    private static final Weighted<String> RECENT = Weighted.of(List.of("processing", "shipped", "completed",
            "cancelled"), 25, 45, 27, 3);

    private OrderGenerator() {
    }

    static List<String> generate(Path bucket, long total, List<Customer> customers, List<Product> products, long seed)
            throws IOException {
        Random random = new Random(seed);
        int[] perDay = ShopCalendar.allocate(total, ShopCalendar.dayWeights(random));
        List<Customer> byLoyalty = new ArrayList<>(customers);
        Collections.shuffle(byLoyalty, random);
        List<Product> byPopularity = new ArrayList<>(products);
        Collections.shuffle(byPopularity, random);
        double[] popularity = new double[byPopularity.size()];
        for (int i = 0; i < popularity.length; i++) {
            popularity[i] = 1.0 / StrictMath.pow(i + 1, 0.85);
        }
        Weighted<Product> productDraw = Weighted.of(byPopularity, popularity);
        Weighted<Integer> hours = ShopCalendar.hours();
        ParquetFormatWriter parquet = new ParquetFormatWriter();

        List<String> keys = new ArrayList<>();
        long nextId = FIRST_ORDER_ID;
        for (int d = 0; d < ShopCalendar.DAYS; d++) {
            LocalDate day = ShopCalendar.day(d);
            long dayStart = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            Object[][] rows = new Object[perDay[d]][];
            long[] times = new long[perDay[d]];
            for (int i = 0; i < rows.length; i++) {
                times[i] = dayStart + ShopCalendar.timeOfDayMillis(random, hours);
            }
            Arrays.sort(times);
            for (int i = 0; i < rows.length; i++) {
                rows[i] = order(nextId++, day, times[i], random, byLoyalty, productDraw);
            }
            String folder = "shop/orders/order_date=" + day + "/";
            for (int part = 0; part * (long) MAX_ROWS_PER_FILE < rows.length || part == 0; part++) {
                String key = folder + String.format("part-%05d%s", part, parquet.fileExtension(WRITER_PROPERTIES));
                Path file = bucket.resolve(key);
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file);
                     RowWriter writer = parquet.create(out, COLUMNS, WRITER_PROPERTIES)) {
                    int end = (int) Math.min(rows.length, (part + 1L) * MAX_ROWS_PER_FILE);
                    for (int i = part * MAX_ROWS_PER_FILE; i < end; i++) {
                        writer.write(rows[i]);
                    }
                }
                keys.add(key);
            }
        }
        return keys;
    }

    private static Object[] order(long id, LocalDate day, long orderedAt, Random random, List<Customer> byLoyalty,
                                  Weighted<Product> productDraw) {
        Customer customer = byLoyalty.get((int) (byLoyalty.size() * StrictMath.pow(random.nextDouble(), 3.5)));
        Product product = productDraw.pick(random);
        while (product.launchedOn().isAfter(day)) {
            product = productDraw.pick(random);
        }
        int quantity = QUANTITIES.pick(random);
        if (customer.segment().equals("Enterprise") && random.nextDouble() < 0.4) {
            quantity *= 2 + random.nextInt(9);
        }
        Double discount;
        if (ShopCalendar.inSpringSale(day) && random.nextDouble() < 0.7) {
            discount = 0.20;
        } else {
            discount = random.nextDouble() < 0.35 ? DISCOUNTS.pick(random) : null;
        }
        long age = ShopCalendar.LAST_DAY.toEpochDay() - day.toEpochDay();
        String status = age < 5 ? RECENT.pick(random) : SETTLED.pick(random);
        double mobileShare = ShopCalendar.weekend(day) ? 0.46 : 0.34;
        double channelDraw = random.nextDouble();
        String channel = channelDraw < 0.01 ? null
                : channelDraw < 0.01 + mobileShare ? "mobile_app"
                : channelDraw < 0.90 ? "web" : "marketplace";
        BigDecimal unitPrice = product.price();
        return new Object[] {id, customer.id(), product.id(), quantity, unitPrice, discount, status, channel,
            orderedAt};
    }
}
