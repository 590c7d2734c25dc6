package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.sample.SampleDataset;
import io.glaux.sample.ShopDataGenerator;
import io.glaux.spice.SpiceScanOptions;
import io.glaux.sql.QueryContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Glaux next to DuckDB on the same rows. Generates TPC-H {@code lineitem} and {@code orders} with {@code io.trino.tpch}
 * at {@code --scale} and writes each once as Parquet (snappy, 16 MiB row groups) and once as '|'-delimited text
 * (LazySimpleSerDe); generates the sample shop dataset (module {@code sample-data}) at {@code --shop-scale} and
 * registers it with its own DDL, plus a text copy of {@code shop.orders} made with CTAS. Every table is then queried
 * five ways:
 * <ul>
 *   <li><b>Glaux Parquet</b>: live over the Parquet objects (for the shop: orders in Parquet, customers and products
 *       in their CSV objects, as the sample dataset ships them);</li>
 *   <li><b>Glaux CSV</b>: live over the text objects;</li>
 *   <li><b>Glaux SPICE</b>: each table imported once into a SPICE dataset (from the Parquet table; the import is
 *       timed and reported on its own, not in the query times) and queried as {@code spice.default.<dataset>};</li>
 *   <li><b>DuckDB memory</b>: in-process DuckDB, each table loaded into memory from the same files;</li>
 *   <li><b>DuckDB Parquet</b>: the same DuckDB, views that read the same files on every query.</li>
 * </ul>
 * Each query runs on every engine, warm-up runs first, then the median of {@code --runs} timed runs; the answers must
 * agree with Glaux-over-Parquet's or the run fails. For each SPICE dataset the harness prints its Arrow memory, the
 * size of its Arrow IPC file and their ratio.
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
 *      -Darrow.enable_unsafe_memory_access=true -Darrow.enable_null_check_for_get=false \
 *      -cp bench/target/benchmarks.jar io.glaux.bench.SideBySide \
 *      [--scale 1] [--shop-scale 50 × scale] [--threads 1] [--runs 5] [--warmups 2] [--spice-vectorized true]
 *      [--live-vectorized true] [--only TEXT (the queries whose name contains it)]
 * </pre>
 *
 * {@code --threads N} is given to DuckDB ({@code SET threads = N}) and to Glaux's vectorized operators
 * ({@link SpiceScanOptions#withThreads}, over SPICE and over live tables, whose objects they read in parts on as
 * many threads); what the vectorized operators do not run (joins, unfiltered row scans) runs as one Enumerable
 * pipeline on one thread.
 * {@code --live-vectorized false} keeps live queries on the row operators. A Glaux query (live or SPICE) is timed from submission until it has SUCCEEDED and its result object has been
 * read back, which includes writing that object as Athena does; a DuckDB query until every result row has been read.
 */
public final class SideBySide {

    /** The engines, in column order (DuckDB's read_csv is the 22-query harness's alone). */
    static final List<Engine> ENGINES = List.of(Engine.GLAUX_PARQUET, Engine.GLAUX_CSV, Engine.GLAUX_SPICE,
            Engine.DUCKDB_MEMORY, Engine.DUCKDB_PARQUET);

    /** How long one run may take before the harness gives up on it. */
    private static final Duration TIMEOUT = Duration.ofHours(1);

    /**
     * The tables the queries name as {@code ${table}}, and what each engine calls them (in {@link Engine} order). The
     * SPICE datasets are named after the tables; see {@link #SPICE_SOURCES} for what they import.
     */
    static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    /** Dataset name → the Glaux database and table it imports. */
    static final Map<String, List<String>> SPICE_SOURCES = new LinkedHashMap<>();

    static {
        TABLES.put("lineitem", List.of("tpch.lineitem_parquet", "tpch.lineitem_csv", "spice.default.lineitem",
                "lineitem", "lineitem_parquet"));
        TABLES.put("orders", List.of("tpch.orders_parquet", "tpch.orders_csv", "spice.default.orders",
                "orders", "orders_parquet"));
        TABLES.put("shop_orders", List.of("shop.orders", "shop.orders_text", "spice.default.shop_orders",
                "shop_orders", "shop_orders_files"));
        TABLES.put("shop_customers", List.of("shop.customers", "shop.customers", "spice.default.shop_customers",
                "shop_customers", "shop_customers_files"));
        TABLES.put("shop_products", List.of("shop.products", "shop.products", "spice.default.shop_products",
                "shop_products", "shop_products_files"));
        SPICE_SOURCES.put("lineitem", List.of("tpch", "lineitem_parquet"));
        SPICE_SOURCES.put("orders", List.of("tpch", "orders_parquet"));
        SPICE_SOURCES.put("shop_orders", List.of("shop", "orders"));
        SPICE_SOURCES.put("shop_customers", List.of("shop", "customers"));
        SPICE_SOURCES.put("shop_products", List.of("shop", "products"));
    }

    /**
     * The queries, with {@code ${table}} for each table (see {@link #TABLES}); written so Glaux (Athena's dialect) and
     * DuckDB both accept them, and ordered completely so the answers can be compared row by row.
     */
    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        // Q1 as the 22-query suite spells it, its table named for each engine.
        QUERIES.put("TPC-H Q1", TpchQueries.sql(1).replace("FROM lineitem", "FROM ${lineitem}"));
        QUERIES.put("TPC-H Q6", """
                SELECT sum(l_extendedprice * l_discount) AS revenue
                FROM ${lineitem}
                WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01'
                  AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24""");
        QUERIES.put("revenue by flag, status, ship month", """
                SELECT date_trunc('month', l_shipdate) AS ship_month, l_returnflag, l_linestatus,
                       sum(l_extendedprice * (1 - l_discount)) AS revenue
                FROM ${lineitem}
                GROUP BY date_trunc('month', l_shipdate), l_returnflag, l_linestatus
                ORDER BY ship_month, l_returnflag, l_linestatus""");
        QUERIES.put("late lines by ship mode", """
                SELECT l_shipmode, count(*) AS line_count, sum(l_quantity) AS quantity
                FROM ${lineitem}
                WHERE l_receiptdate > l_commitdate
                GROUP BY l_shipmode
                ORDER BY l_shipmode""");
        QUERIES.put("TPC-H Q12 (orders ⋈ lineitem)", """
                SELECT l_shipmode,
                       sum(CASE WHEN o_orderpriority = '1-URGENT' OR o_orderpriority = '2-HIGH'
                                THEN 1 ELSE 0 END) AS high_line_count,
                       sum(CASE WHEN o_orderpriority <> '1-URGENT' AND o_orderpriority <> '2-HIGH'
                                THEN 1 ELSE 0 END) AS low_line_count
                FROM ${orders} JOIN ${lineitem} ON o_orderkey = l_orderkey
                WHERE l_shipmode IN ('MAIL', 'SHIP')
                  AND l_commitdate < l_receiptdate AND l_shipdate < l_commitdate
                  AND l_receiptdate >= DATE '1994-01-01' AND l_receiptdate < DATE '1995-01-01'
                GROUP BY l_shipmode
                ORDER BY l_shipmode""");
        QUERIES.put("revenue by order priority, month (orders ⋈ lineitem)", """
                SELECT date_trunc('month', o_orderdate) AS order_month, o_orderpriority,
                       count(*) AS line_count, sum(l_extendedprice * (1 - l_discount)) AS revenue
                FROM ${orders} JOIN ${lineitem} ON o_orderkey = l_orderkey
                WHERE o_orderdate >= DATE '1995-01-01' AND o_orderdate < DATE '1997-01-01'
                GROUP BY date_trunc('month', o_orderdate), o_orderpriority
                ORDER BY order_month, o_orderpriority""");
        QUERIES.put("shop: revenue by category", """
                SELECT p.category, count(*) AS order_count, sum(o.quantity) AS units,
                       sum(o.quantity * o.unit_price) AS gross_revenue,
                       sum(o.quantity * o.unit_price * (1 - coalesce(o.discount, 0))) AS net_revenue
                FROM ${shop_orders} o JOIN ${shop_products} p ON o.product_id = p.product_id
                WHERE o.status <> 'cancelled'
                GROUP BY p.category
                ORDER BY gross_revenue DESC, p.category""");
        QUERIES.put("shop: top 10 customers by revenue", """
                SELECT c.customer_id, c.name, c.segment, count(*) AS order_count,
                       sum(o.quantity * o.unit_price) AS revenue
                FROM ${shop_orders} o JOIN ${shop_customers} c ON o.customer_id = c.customer_id
                WHERE o.status IN ('completed', 'shipped')
                GROUP BY c.customer_id, c.name, c.segment
                ORDER BY revenue DESC, c.customer_id
                LIMIT 10""");
        QUERIES.put("shop: orders per day", """
                SELECT order_date, count(*) AS order_count, count(DISTINCT customer_id) AS customers,
                       sum(quantity * unit_price) AS revenue
                FROM ${shop_orders}
                WHERE status <> 'cancelled'
                GROUP BY order_date
                ORDER BY order_date""");
    }

    /** The TPC-H tables the queries above read. */
    static final List<TpchTables.Table> TPCH_TABLES = List.of(TpchTables.Table.LINEITEM, TpchTables.Table.ORDERS);

    private static final Pattern TABLE = Pattern.compile("\\$\\{(\\w+)}");

    /** The command line. */
    record Options(double scale, double shopScale, int threads, int runs, int warmups, boolean spiceVectorized,
                   boolean liveVectorized, String only) {

        static Options parse(String[] args) {
            double scale = 1;
            Double shopScale = null;
            int threads = 1;
            int runs = 5;
            int warmups = 2;
            boolean vectorized = SpiceScanOptions.defaults().vectorized();
            boolean live = true;
            String only = "";
            for (int i = 0; i < args.length; i++) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--scale" -> scale = Double.parseDouble(args[++i]);
                    case "--shop-scale" -> shopScale = Double.parseDouble(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                    case "--spice-vectorized" -> vectorized = Boolean.parseBoolean(args[++i]);
                    case "--live-vectorized" -> live = Boolean.parseBoolean(args[++i]);
                    case "--only" -> only = args[++i];
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i] + " (expected"
                            + " --scale, --shop-scale, --threads, --runs, --warmups, --spice-vectorized,"
                            + " --live-vectorized, --only)");
                }
            }
            double shop = shopScale != null ? shopScale : 50 * scale;
            if (runs < 1 || warmups < 0 || threads < 1 || !(scale > 0) || !(shop > 0)) {
                throw new IllegalArgumentException("--scale and --shop-scale must be positive, --runs and --threads"
                        + " at least 1, --warmups at least 0");
            }
            return new Options(scale, shop, threads, runs, warmups, vectorized, live, only);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (!Object.class.getModule().isOpen("java.nio", SideBySide.class.getModule())) {
            throw new IllegalStateException("SPICE's Arrow vectors need --add-opens=java.base/java.nio=ALL-UNNAMED"
                    + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED on the java command line");
        }
        Path folder = Files.createTempDirectory("glaux-side-by-side");
        try {
            run(folder, options);
        } finally {
            deleteTree(folder);
        }
    }

    private static void run(Path folder, Options options) throws Exception {
        SpiceScanOptions scan = SpiceScanOptions.defaults().withThreads(options.threads())
                .withVectorized(options.spiceVectorized());
        try (Glaux glaux = Glaux.builder().dataFolder(folder).syncWrites(false).spiceScanOptions(scan)
                .liveVectorized(options.liveVectorized()).build();
             Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            Map<String, Long> rows = new LinkedHashMap<>();
            glaux.store().createBucket("tpch");
            for (TpchTables.Table table : TPCH_TABLES) {
                long started = System.nanoTime();
                long count = TpchTables.write(table, options.scale(), folder.resolve("tpch"), true);
                TpchTables.register(glaux, table, "tpch", "tpch", true);
                rows.put(table.tableName, count);
                System.out.printf(Locale.ROOT, "TPC-H scale %s: %s %,d rows written and registered in %.1f s"
                        + " (Parquet %,d bytes, text %,d bytes)%n", options.scale(), table.tableName, count,
                        seconds(started), Files.size(table.parquetFile(folder.resolve("tpch"))),
                        Files.size(table.csvFile(folder.resolve("tpch"))));
            }
            long started = System.nanoTime();
            ShopDataGenerator shop = new ShopDataGenerator(options.shopScale());
            installShop(glaux, shop);
            rows.put("shop_orders", shop.orderCount());
            System.out.printf(Locale.ROOT, "Shop sample data scale %s: %,d orders, %,d customers, %,d products"
                    + " generated and registered in %.1f s (orders also copied to text with CTAS)%n",
                    options.shopScale(), shop.orderCount(), shop.customerCount(), shop.productCount(),
                    seconds(started));

            started = System.nanoTime();
            loadDuckDb(duck, folder, options.threads());
            System.out.printf(Locale.ROOT, "DuckDB %s: tables loaded into memory in %.1f s, threads = %d%n",
                    duckDbVersion(duck), seconds(started), options.threads());

            List<SpiceImports.Imported> imports = new ArrayList<>();
            for (Map.Entry<String, List<String>> source : SPICE_SOURCES.entrySet()) {
                SpiceImports.Imported imported = SpiceImports.importTable(glaux, source.getKey(),
                        source.getValue().get(0), source.getValue().get(1));
                imports.add(imported);
                System.out.printf(Locale.ROOT, "SPICE dataset %s: %,d rows imported in %.1f s%n", imported.dataset(),
                        imported.rows(), imported.seconds());
            }
            glaux.warmUp();

            List<String> names = new ArrayList<>(QUERIES.keySet().stream()
                    .filter(name -> name.contains(options.only())).toList());
            TpchQueries.Run[][] medians = new TpchQueries.Run[names.size()][ENGINES.size()];
            try (QueryTimer timer = new QueryTimer()) {
                for (int q = 0; q < names.size(); q++) {
                    String name = names.get(q);
                    List<List<String>> reference = null;
                    for (int e = 0; e < ENGINES.size(); e++) {
                        Engine engine = ENGINES.get(e);
                        String sql = sql(QUERIES.get(name), engine);
                        TpchQueries.Run run = QueryTimer.median(engine.isGlaux()
                                ? () -> timer.glaux(glaux, QueryContext.DEFAULT, sql, TIMEOUT)
                                : () -> timer.duckdb(duck, sql, TIMEOUT), options.warmups(), options.runs());
                        if (!run.succeeded()) {
                            throw new IllegalStateException(engine.label + " " + run.failure() + "\n" + sql);
                        }
                        medians[q][e] = run;
                        if (reference == null) {
                            if (run.rows().isEmpty() || run.rows().stream().anyMatch(row -> row.contains(null))) {
                                throw new AssertionError(name + ": no answer to compare (no rows, or NULLs): "
                                        + run.rows());
                            }
                            reference = run.rows();
                        } else {
                            compare(name, ENGINES.get(0).label, reference, engine.label, run.rows());
                        }
                    }
                    System.out.printf(Locale.ROOT, "%s: %d rows, answers agree on all engines%n", name,
                            reference.size());
                }
            }
            print(options, rows, names, medians, imports);
        }
    }

    /** The query for one engine: each {@code ${table}} replaced by that engine's name for the table. */
    static String sql(String template, Engine engine) {
        Matcher m = TABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> names = TABLES.get(m.group(1));
            if (names == null) {
                throw new IllegalArgumentException("No table " + m.group(1) + " in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(names.get(ENGINES.indexOf(engine))));
        }
        return m.appendTail(out).toString();
    }

    /**
     * Generates the shop dataset into bucket {@value SampleDataset#BUCKET} with the sample-data generator, registers
     * it with the dataset's own DDL, and copies {@code shop.orders} into a text table {@code shop.orders_text}.
     */
    private static void installShop(Glaux glaux, ShopDataGenerator shop) throws IOException {
        glaux.store().createBucket(SampleDataset.BUCKET);
        shop.generate(glaux.dataFolder().resolve(SampleDataset.BUCKET));
        for (String statement : SampleDataset.ddlStatements()) {
            TpchTables.ddl(glaux, statement);
        }
        TpchTables.ddl(glaux, "CREATE TABLE shop.orders_text WITH (format = 'TEXTFILE', field_delimiter = '|',"
                + " external_location = 's3://" + SampleDataset.BUCKET + "/shop_text/orders/')"
                + " AS SELECT * FROM shop.orders");
    }

    /**
     * Views over the same files Glaux reads (Parquet for TPC-H and shop orders, the shop's CSV objects for customers
     * and products), and a table in memory loaded from each.
     */
    private static void loadDuckDb(Connection duck, Path folder, int threads) throws SQLException {
        Path tpch = folder.resolve("tpch");
        Path shop = folder.resolve(SampleDataset.BUCKET).resolve("shop");
        try (Statement statement = duck.createStatement()) {
            statement.execute("SET threads = " + threads);
            for (TpchTables.Table table : TPCH_TABLES) {
                statement.execute("CREATE VIEW " + table.tableName + "_parquet AS SELECT * FROM read_parquet("
                        + literal(table.parquetFile(tpch)) + ")");
            }
            statement.execute("CREATE VIEW shop_orders_files AS SELECT * FROM read_parquet("
                    + literal(shop.resolve("orders")) + " || '/*/*.parquet', hive_partitioning = true,"
                    + " hive_types = {'order_date': DATE})");
            // OpenCSVSerde: every field quoted, a quote doubled; signup_date as days since 1970-01-01.
            statement.execute("CREATE VIEW shop_customers_files AS SELECT customer_id, name, email, country, city,"
                    + " DATE '1970-01-01' + signup_date AS signup_date, segment FROM read_csv("
                    + literal(shop.resolve("customers/customers.csv")) + ", header = true, delim = ',',"
                    + " quote = '\"', escape = '\"', columns = {'customer_id': 'BIGINT', 'name': 'VARCHAR',"
                    + " 'email': 'VARCHAR', 'country': 'VARCHAR', 'city': 'VARCHAR', 'signup_date': 'INTEGER',"
                    + " 'segment': 'VARCHAR'})");
            // LazySimpleSerDe: no quoting at all, NULL as \N.
            statement.execute("CREATE VIEW shop_products_files AS SELECT * FROM read_csv("
                    + literal(shop.resolve("products/products.csv")) + ", header = true, delim = ',', quote = '',"
                    + " escape = '', nullstr = '\\N', columns = {'product_id': 'BIGINT', 'name': 'VARCHAR',"
                    + " 'category': 'VARCHAR', 'brand': 'VARCHAR', 'price': 'DECIMAL(10,2)',"
                    + " 'launched_on': 'DATE'})");
            statement.execute("CREATE TABLE lineitem AS SELECT * FROM lineitem_parquet");
            statement.execute("CREATE TABLE orders AS SELECT * FROM orders_parquet");
            statement.execute("CREATE TABLE shop_orders AS SELECT * FROM shop_orders_files");
            statement.execute("CREATE TABLE shop_customers AS SELECT * FROM shop_customers_files");
            statement.execute("CREATE TABLE shop_products AS SELECT * FROM shop_products_files");
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static String duckDbVersion(Connection duck) throws SQLException {
        try (Statement statement = duck.createStatement();
             ResultSet version = statement.executeQuery("SELECT version()")) {
            version.next();
            return version.getString(1);
        }
    }

    /** A JDBC result's rows, each value as its text (null for NULL). */
    static List<List<String>> rows(ResultSet result) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
            List<String> row = new ArrayList<>(columns);
            for (int c = 1; c <= columns; c++) {
                Object value = result.getObject(c);
                row.add(value == null ? null : value.toString());
            }
            rows.add(row);
        }
        return rows;
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern MIDNIGHT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T]00:00(:00(\\.0*)?)?");

    /**
     * Fails unless both answers have the same rows in the same order. Numbers agree when equal after rounding to the
     * fewer decimal places of the two (an engine that returns avg(decimal) as decimal(p,2) rounds where another
     * returns a double), or within a relative 1e-9 (double sums in a different order); integers must be equal. A
     * date and the same date at midnight agree (date_trunc on a date gives a date in one engine, a timestamp in
     * another).
     */
    static void compare(String query, String leftName, List<List<String>> left, String rightName,
                        List<List<String>> right) {
        if (left.size() != right.size()) {
            throw new AssertionError(query + ": " + leftName + " returned " + left.size() + " rows, " + rightName
                    + " " + right.size());
        }
        for (int r = 0; r < left.size(); r++) {
            List<String> a = left.get(r);
            List<String> b = right.get(r);
            boolean same = a.size() == b.size();
            for (int c = 0; same && c < a.size(); c++) {
                same = agree(a.get(c), b.get(c));
            }
            if (!same) {
                throw new AssertionError(query + ", row " + (r + 1) + ": " + leftName + " " + a + " but "
                        + rightName + " " + b);
            }
        }
    }

    static boolean agree(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.equals(b)) {
            return true;
        }
        if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
            BigDecimal x = new BigDecimal(a);
            BigDecimal y = new BigDecimal(b);
            int scale = Math.min(Math.max(x.scale(), 0), Math.max(y.scale(), 0));
            if (x.setScale(scale, RoundingMode.HALF_UP).compareTo(y.setScale(scale, RoundingMode.HALF_UP)) == 0) {
                return true;
            }
            if (x.scale() <= 0 && y.scale() <= 0) {
                return false;
            }
            BigDecimal tolerance = x.abs().max(y.abs()).multiply(new BigDecimal("1e-9"));
            return x.subtract(y).abs().compareTo(tolerance) <= 0;
        }
        return dateOf(a).equals(dateOf(b));
    }

    private static String dateOf(String value) {
        var m = MIDNIGHT.matcher(value);
        return m.matches() ? LocalDate.parse(m.group(1)).toString() : value;
    }

    private static void print(Options options, Map<String, Long> rows, List<String> names, TpchQueries.Run[][] medians,
                              List<SpiceImports.Imported> imports) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nMedian of %d runs after %d warm-up runs, ms (× DuckDB in memory);"
                + " TPC-H scale %s (lineitem %,d rows, orders %,d rows), shop scale %s (orders %,d rows);"
                + " %d thread%s per query for DuckDB and Glaux (vectorized operators over SPICE %s, over live"
                + " tables %s, which read live objects in parts on as many threads; joins on integer keys run on"
                + " the vectorized hash join, others row by row on one thread); %d processors;"
                + " JVM: arrow.enable_unsafe_memory_access=%s,"
                + " arrow.enable_null_check_for_get=%s, max heap %,d MB%n%n",
                options.runs(), options.warmups(), options.scale(), rows.get("lineitem"), rows.get("orders"),
                options.shopScale(), rows.get("shop_orders"), options.threads(), options.threads() == 1 ? "" : "s",
                options.spiceVectorized() ? "on" : "off", options.liveVectorized() ? "on" : "off",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("arrow.enable_unsafe_memory_access", "false"),
                System.getProperty("arrow.enable_null_check_for_get", "true"),
                Runtime.getRuntime().maxMemory() >> 20));
        out.append(TimesTable.markdown(names, ENGINES, medians, engine -> engine == Engine.DUCKDB_MEMORY ? null
                : Engine.DUCKDB_MEMORY, null));
        out.append("\nSPICE datasets (imported from the Parquet tables before the runs above; memory is the dataset's"
                + " Arrow vectors and dictionaries, the file its Arrow IPC file):\n\n");
        out.append("| dataset | rows | import, s | Arrow memory, bytes | IPC file, bytes | memory ÷ file |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        List<String> over = new ArrayList<>();
        for (SpiceImports.Imported imported : imports) {
            out.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,d | %,d | %.2f× |%n", imported.dataset(),
                    imported.rows(), imported.seconds(), imported.arrowBytes(), imported.fileBytes(),
                    imported.memoryPerFileByte()));
            if (imported.memoryPerFileByte() > MEMORY_PER_FILE_GOAL) {
                over.add(imported.dataset());
            }
        }
        out.append(over.isEmpty()
                ? String.format(Locale.ROOT, "%nEvery dataset's memory is within %.1f× its IPC file.%n",
                        MEMORY_PER_FILE_GOAL)
                : String.format(Locale.ROOT, "%nOver the %.1f× memory-to-file goal: %s%n", MEMORY_PER_FILE_GOAL,
                        String.join(", ", over)));
        System.out.print(out);
    }

    /** How much more Arrow memory than IPC file a dataset may take. */
    static final double MEMORY_PER_FILE_GOAL = 1.2;

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
