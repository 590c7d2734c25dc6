package io.glaux.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.Glaux;
import io.glaux.sample.SampleDataset;
import io.glaux.sample.ShopDataGenerator;
import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.CategoricalDimensionField;
import software.amazon.awssdk.services.quicksight.model.ColumnIdentifier;
import software.amazon.awssdk.services.quicksight.model.CustomSql;
import software.amazon.awssdk.services.quicksight.model.DashboardVersionDefinition;
import software.amazon.awssdk.services.quicksight.model.DataSetIdentifierDeclaration;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DimensionField;
import software.amazon.awssdk.services.quicksight.model.Ingestion;
import software.amazon.awssdk.services.quicksight.model.IngestionStatus;
import software.amazon.awssdk.services.quicksight.model.InputColumn;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.MeasureField;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;
import software.amazon.awssdk.services.quicksight.model.ResourceNotFoundException;
import software.amazon.awssdk.services.quicksight.model.SheetDefinition;
import software.amazon.awssdk.services.quicksight.model.SimpleNumericalAggregationFunction;
import software.amazon.awssdk.services.quicksight.model.TimeGranularity;
import software.amazon.awssdk.services.quicksight.model.Visual;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders a six-visual QuickSight dashboard over the sample shop both ways, SPICE and DIRECT_QUERY, and reports how
 * long each visual and the whole page take and the ratio of the two.
 *
 * <p>Starts a {@link GlauxServer} in-process, generates the shop with {@code sample-data}'s
 * {@link ShopDataGenerator} at {@code --scale} (or reuses what an earlier run left in {@code --data}) and registers
 * it with the dataset's own DDL. Then, through the AWS SDK's {@link QuickSightClient}: an Athena data source; an
 * {@code orders} dataset (custom SQL joining orders and customers, the one the server's visual tests use) imported
 * into SPICE, waiting for its ingestion; the same dataset as DIRECT_QUERY; and one dashboard over each with the same
 * six visuals (bar, line by month, donut, table, pivot table, KPI).
 *
 * <p>A render is a page load: the data of each of the six visuals, one after the other, through Glaux's visual-data
 * endpoint ({@code POST /glaux/quicksight/accounts/{id}/dashboards/{id}/visuals/{id}/data}), each timed from the
 * request until its answer is read. Each iteration renders the SPICE dashboard and then the DIRECT_QUERY one, so
 * both see the same machine load. With {@code --threads N} (N &gt; 1) the dashboards are also rendered with the six
 * requests in flight on N threads, as a browser would fetch them. Every answer must give the same rows as the
 * first SPICE render of that visual, or the harness fails.
 *
 * <pre>
 * DashboardRender [--scale 50] [--runs 10] [--warmups 2] [--threads 1] [--data folder]
 * </pre>
 */
public final class DashboardRender {

    static final String ACCOUNT = "000000000000";
    static final String DATA_SOURCE_ID = "bench-athena";
    static final String SOURCE_ARN = "arn:aws:quicksight:us-east-1:" + ACCOUNT + ":datasource/" + DATA_SOURCE_ID;
    static final String SPICE_DATASET = "bench-orders-spice";
    static final String DIRECT_DATASET = "bench-orders-direct";
    static final String SPICE_DASHBOARD = "bench-shop-spice";
    static final String DIRECT_DASHBOARD = "bench-shop-direct";

    /** The dataset's rows: each order with its customer's country. */
    static final String ROWS = "SELECT o.channel, o.status, c.country, o.quantity, o.quantity * o.unit_price AS revenue,"
            + " CAST(o.order_date AS timestamp) AS ordered_at FROM shop.orders o JOIN shop.customers c"
            + " ON o.customer_id = c.customer_id";

    /** The six visuals' ids and what they show. */
    static final Map<String, String> VISUALS = new LinkedHashMap<>();

    static {
        VISUALS.put("by-channel", "bar: quantity by channel");
        VISUALS.put("by-month", "line: revenue by month");
        VISUALS.put("by-status", "donut: revenue by status");
        VISUALS.put("by-country", "table: quantity, revenue by country");
        VISUALS.put("channel-status", "pivot: quantity by channel × status");
        VISUALS.put("total", "KPI: total revenue");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Marks a data folder the shop was generated into, with the scale. */
    private static final String MARKER = ".glaux/bench-dashboard-shop";

    record Options(double scale, int runs, int warmups, int threads, Path data) {

        static Options parse(String[] args) {
            double scale = 50;
            int runs = 10;
            int warmups = 2;
            int threads = 1;
            Path data = null;
            for (int i = 0; i < args.length; i++) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--scale" -> scale = Double.parseDouble(args[++i]);
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                            + " (expected --scale, --runs, --warmups, --threads, --data)");
                }
            }
            if (!(scale > 0) || runs < 1 || warmups < 0 || threads < 1) {
                throw new IllegalArgumentException("--scale must be positive, --runs and --threads at least 1,"
                        + " --warmups at least 0");
            }
            return new Options(scale, runs, warmups, threads, data);
        }
    }

    /** One visual's answer: its rows (normalised, sorted), the time the client saw and the data scanned. */
    record Answer(String source, List<List<String>> rows, double millis, long scannedBytes) {
    }

    /** The timings of every measured render of one dashboard, per visual and for the page. */
    static final class Timings {
        final Map<String, List<Double>> visualMillis = new LinkedHashMap<>();
        final Map<String, Long> visualScanned = new LinkedHashMap<>();
        final List<Double> pageMillis = new ArrayList<>();
        final List<Long> pageScanned = new ArrayList<>();

        Timings() {
            VISUALS.keySet().forEach(v -> visualMillis.put(v, new ArrayList<>()));
        }

        void add(Map<String, Answer> render, double page) {
            long scanned = 0;
            for (Map.Entry<String, Answer> e : render.entrySet()) {
                visualMillis.get(e.getKey()).add(e.getValue().millis());
                visualScanned.put(e.getKey(), e.getValue().scannedBytes());
                scanned += e.getValue().scannedBytes();
            }
            pageMillis.add(page);
            pageScanned.add(scanned);
        }
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, List<List<String>>> expected = new LinkedHashMap<>();
    private String endpoint;

    private DashboardRender(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new DashboardRender(Options.parse(args)).run();
    }

    private void run() throws Exception {
        GlauxServer.Builder builder = GlauxServer.builder().syncWrites(false);
        if (options.data() != null) {
            Files.createDirectories(options.data());
            builder.dataFolder(options.data());
        }
        long started = System.nanoTime();
        try (GlauxServer server = builder.start()) {
            endpoint = server.endpoint();
            ShopDataGenerator shop = new ShopDataGenerator(options.scale());
            installShop(server.glaux(), shop);
            System.out.printf(Locale.ROOT, "Shop scale %s: %,d orders, %,d customers, %,d products (%s, %.1f s)%n",
                    plain(options.scale()), shop.orderCount(), shop.customerCount(), shop.productCount(),
                    options.data() == null ? "temporary data folder" : "data folder " + options.data(),
                    seconds(started));
            try (QuickSightClient quickSight = QuickSightClient.builder()
                    .endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY))).build()) {
                createResources(quickSight);
            }
            System.out.printf(Locale.ROOT, "%d warm-up and %d measured renders of each dashboard, six visuals each;"
                    + " %d available processors%n", options.warmups(), options.runs(),
                    Runtime.getRuntime().availableProcessors());
            report("Sequential page load (one visual after the other)", measure(1));
            if (options.threads() > 1) {
                report("Parallel page load (six visuals on " + options.threads() + " threads)",
                        measure(options.threads()));
            }
        }
        System.out.printf(Locale.ROOT, "Whole run %.1f s%n", seconds(started));
    }

    /**
     * Generates the shop into bucket {@value SampleDataset#BUCKET} and runs its DDL, unless this data folder already
     * holds it at this scale (then it is reused as it is).
     */
    private void installShop(Glaux glaux, ShopDataGenerator shop) throws IOException {
        Path marker = glaux.dataFolder().resolve(MARKER);
        String scale = "scale=" + plain(options.scale()) + "\n";
        if (Files.exists(marker)) {
            String found = Files.readString(marker, StandardCharsets.UTF_8);
            if (!found.equals(scale)) {
                throw new IllegalStateException("The data folder holds the shop at " + found.strip()
                        + ", not at " + scale.strip() + ": give another --data folder");
            }
            System.out.println("Reusing the shop generated earlier in " + glaux.dataFolder());
            return;
        }
        if (Files.exists(glaux.dataFolder().resolve(SampleDataset.BUCKET).resolve("shop"))) {
            throw new IllegalStateException("The data folder already holds a shop dataset this harness did not"
                    + " generate: give an empty --data folder");
        }
        glaux.store().createBucket(SampleDataset.BUCKET);
        shop.generate(glaux.dataFolder().resolve(SampleDataset.BUCKET));
        for (String statement : SampleDataset.ddlStatements()) {
            TpchTables.ddl(glaux, statement);
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, scale, StandardCharsets.UTF_8);
    }

    /**
     * Deletes what an earlier run on the same data folder left, then creates the data source, both datasets (waiting
     * for the SPICE ingestion, reported) and both dashboards.
     */
    private void createResources(QuickSightClient quickSight) throws InterruptedException {
        for (String dashboard : List.of(SPICE_DASHBOARD, DIRECT_DASHBOARD)) {
            ignoreMissing(() -> quickSight.deleteDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId(dashboard)));
        }
        for (String dataSet : List.of(SPICE_DATASET, DIRECT_DATASET)) {
            ignoreMissing(() -> quickSight.deleteDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId(dataSet)));
        }
        ignoreMissing(() -> quickSight.deleteDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId(DATA_SOURCE_ID)));
        quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId(DATA_SOURCE_ID).name("Athena")
                .type("ATHENA"));

        long started = System.nanoTime();
        String ingestionId = createDataSet(quickSight, SPICE_DATASET, DataSetImportMode.SPICE);
        Ingestion ingestion;
        while (true) {
            ingestion = quickSight.describeIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId(SPICE_DATASET)
                    .ingestionId(ingestionId)).ingestion();
            IngestionStatus status = ingestion.ingestionStatus();
            if (status == IngestionStatus.COMPLETED) {
                break;
            }
            if (status == IngestionStatus.FAILED || status == IngestionStatus.CANCELLED) {
                throw new IllegalStateException("The SPICE ingestion ended " + status + ": " + ingestion.errorInfo());
            }
            if (System.nanoTime() - started > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("The SPICE ingestion did not finish within 30 minutes");
            }
            Thread.sleep(50);
        }
        System.out.printf(Locale.ROOT, "SPICE ingestion: %,d rows in %.1f s (CreateDataSet until COMPLETED;"
                        + " IngestionTimeInSeconds %d)%n", ingestion.rowInfo().rowsIngested(), seconds(started),
                ingestion.ingestionTimeInSeconds());

        createDataSet(quickSight, DIRECT_DATASET, DataSetImportMode.DIRECT_QUERY);
        for (Map.Entry<String, String> e : Map.of(SPICE_DASHBOARD, SPICE_DATASET, DIRECT_DASHBOARD, DIRECT_DATASET)
                .entrySet()) {
            String arn = "arn:aws:quicksight:us-east-1:" + ACCOUNT + ":dataset/" + e.getValue();
            quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId(e.getKey()).name("Shop " + e.getKey())
                    .definition(definition(arn)));
        }
    }

    private static void ignoreMissing(Runnable delete) {
        try {
            delete.run();
        } catch (ResourceNotFoundException e) {
            // Nothing left from an earlier run.
        }
    }

    /** Creates the {@code orders} dataset and returns its first ingestion's id (null for DIRECT_QUERY). */
    private static String createDataSet(QuickSightClient quickSight, String dataSetId, DataSetImportMode mode) {
        return quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId(dataSetId).name("Orders")
                .importMode(mode).physicalTableMap(Map.of("orders", PhysicalTable.builder()
                        .customSql(CustomSql.builder().dataSourceArn(SOURCE_ARN).name("orders").sqlQuery(ROWS)
                                .columns(input("channel", InputColumnDataType.STRING),
                                        input("status", InputColumnDataType.STRING),
                                        input("country", InputColumnDataType.STRING),
                                        input("quantity", InputColumnDataType.INTEGER),
                                        InputColumn.builder().name("revenue").type(InputColumnDataType.DECIMAL)
                                                .subType("FIXED").build(),
                                        input("ordered_at", InputColumnDataType.DATETIME)).build()).build())))
                .ingestionId();
    }

    /** Bar, line by month, donut, table, pivot table and KPI over the dataset with that ARN. */
    static DashboardVersionDefinition definition(String dataSetArn) {
        Visual bar = Visual.builder().barChartVisual(v -> v.visualId("by-channel").chartConfiguration(c -> c
                .fieldWells(w -> w.barChartAggregatedFieldWells(a -> a.category(category("channel-f", "channel"))
                        .values(sum("quantity-f", "quantity")))))).build();
        Visual line = Visual.builder().lineChartVisual(v -> v.visualId("by-month").chartConfiguration(c -> c
                .fieldWells(w -> w.lineChartAggregatedFieldWells(a -> a.category(DimensionField.builder()
                        .dateDimensionField(d -> d.fieldId("month-f").column(column("ordered_at"))
                                .dateGranularity(TimeGranularity.MONTH)).build())
                        .values(sum("revenue-f", "revenue")))))).build();
        Visual donut = Visual.builder().pieChartVisual(v -> v.visualId("by-status").chartConfiguration(c -> c
                .donutOptions(d -> d.arcOptions(a -> a.arcThickness("MEDIUM")))
                .fieldWells(w -> w.pieChartAggregatedFieldWells(a -> a.category(category("status-f", "status"))
                        .values(sum("revenue-f", "revenue")))))).build();
        Visual table = Visual.builder().tableVisual(v -> v.visualId("by-country").chartConfiguration(c -> c
                .fieldWells(w -> w.tableAggregatedFieldWells(a -> a.groupBy(category("country-f", "country"))
                        .values(sum("quantity-f", "quantity"), sum("revenue-f", "revenue")))))).build();
        Visual pivot = Visual.builder().pivotTableVisual(v -> v.visualId("channel-status").chartConfiguration(c -> c
                .fieldWells(w -> w.pivotTableAggregatedFieldWells(a -> a.rows(category("channel-f", "channel"))
                        .columns(category("status-f", "status")).values(sum("quantity-f", "quantity")))))).build();
        Visual kpi = Visual.builder().kpiVisual(v -> v.visualId("total").chartConfiguration(c -> c
                .fieldWells(w -> w.values(sum("revenue-f", "revenue"))))).build();
        return DashboardVersionDefinition.builder()
                .dataSetIdentifierDeclarations(DataSetIdentifierDeclaration.builder().identifier("orders")
                        .dataSetArn(dataSetArn).build())
                .sheets(SheetDefinition.builder().sheetId("overview").name("Overview")
                        .visuals(bar, line, donut, table, pivot, kpi).build())
                .build();
    }

    private static InputColumn input(String name, InputColumnDataType type) {
        return InputColumn.builder().name(name).type(type).build();
    }

    private static ColumnIdentifier column(String name) {
        return ColumnIdentifier.builder().dataSetIdentifier("orders").columnName(name).build();
    }

    private static DimensionField category(String fieldId, String columnName) {
        return DimensionField.builder().categoricalDimensionField(CategoricalDimensionField.builder()
                .fieldId(fieldId).column(column(columnName)).build()).build();
    }

    private static MeasureField sum(String fieldId, String columnName) {
        return MeasureField.builder().numericalMeasureField(n -> n.fieldId(fieldId).column(column(columnName))
                .aggregationFunction(f -> f.simpleNumericalAggregation(SimpleNumericalAggregationFunction.SUM)))
                .build();
    }

    /** Renders both dashboards {@code warmups + runs} times, the visuals of a page on {@code threads} threads. */
    private Timings[] measure(int threads) throws Exception {
        Timings spice = new Timings();
        Timings direct = new Timings();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        try {
            for (int i = 0; i < options.warmups() + options.runs(); i++) {
                boolean measured = i >= options.warmups();
                for (boolean isSpice : new boolean[] {true, false}) {
                    long started = System.nanoTime();
                    Map<String, Answer> render = render(isSpice ? SPICE_DASHBOARD : DIRECT_DASHBOARD, pool);
                    double page = (System.nanoTime() - started) / 1e6;
                    check(render, isSpice ? "SPICE" : "DIRECT_QUERY");
                    if (measured) {
                        (isSpice ? spice : direct).add(render, page);
                    }
                    System.out.printf(Locale.ROOT, "  %s %d %-12s %9.1f ms%n", measured ? "run   " : "warmup",
                            measured ? i - options.warmups() + 1 : i + 1, isSpice ? "SPICE" : "DIRECT_QUERY", page);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new Timings[] {spice, direct};
    }

    /** The six visuals of a dashboard, one after the other or all submitted to the pool. */
    private Map<String, Answer> render(String dashboard, ExecutorService pool) throws Exception {
        Map<String, Answer> answers = new LinkedHashMap<>();
        if (pool == null) {
            for (String visual : VISUALS.keySet()) {
                answers.put(visual, visualData(dashboard, visual));
            }
            return answers;
        }
        Map<String, Future<Answer>> pending = new LinkedHashMap<>();
        for (String visual : VISUALS.keySet()) {
            pending.put(visual, pool.submit(() -> visualData(dashboard, visual)));
        }
        for (Map.Entry<String, Future<Answer>> e : pending.entrySet()) {
            answers.put(e.getKey(), e.getValue().get());
        }
        return answers;
    }

    private Answer visualData(String dashboard, String visual) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/glaux/quicksight/accounts/" + ACCOUNT
                        + "/dashboards/" + dashboard + "/visuals/" + visual + "/data"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode data = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        double millis = (System.nanoTime() - started) / 1e6;
        if (data == null) {
            throw new IllegalStateException("Visual " + visual + " of dashboard " + dashboard + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return new Answer(data.get("Source").asText(), rows(data), millis, data.path("DataScannedInBytes").asLong());
    }

    /** Fails unless every visual came from the expected source with the rows of its first SPICE answer. */
    private void check(Map<String, Answer> render, String source) {
        for (Map.Entry<String, Answer> e : render.entrySet()) {
            Answer answer = e.getValue();
            if (!answer.source().equals(source)) {
                throw new IllegalStateException("Visual " + e.getKey() + " answered from " + answer.source()
                        + ", expected " + source);
            }
            if (answer.rows().isEmpty()) {
                throw new IllegalStateException("Visual " + e.getKey() + " (" + source + ") has no rows");
            }
            List<List<String>> first = expected.putIfAbsent(e.getKey(), answer.rows());
            if (first != null && !first.equals(answer.rows())) {
                throw new IllegalStateException("Visual " + e.getKey() + ": " + source + " gave different rows"
                        + "\n  expected " + first + "\n  got      " + answer.rows());
            }
        }
    }

    /** The rows with numbers normalised (12.5000 and 12.5 are equal), sorted. */
    private static List<List<String>> rows(JsonNode data) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : data.get("Rows")) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.isNull() ? null
                    : v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText()));
            rows.add(values);
        }
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }

    private void report(String title, Timings[] timings) {
        Timings spice = timings[0];
        Timings direct = timings[1];
        System.out.printf(Locale.ROOT, "%n%s, shop scale %s, %d measured renders after %d warm-up%s, %s:%n%n",
                title, plain(options.scale()), options.runs(), options.warmups(), options.warmups() == 1 ? "" : "s",
                LocalDate.now());
        System.out.println("| visual | SPICE median ms | SPICE p90 ms | DIRECT_QUERY median ms | DIRECT_QUERY p90 ms"
                + " | DIRECT_QUERY ÷ SPICE (median) | scanned by DIRECT_QUERY |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, String> v : VISUALS.entrySet()) {
            row(v.getKey() + " (" + v.getValue() + ")", spice.visualMillis.get(v.getKey()),
                    direct.visualMillis.get(v.getKey()), direct.visualScanned.get(v.getKey()));
        }
        row("**whole dashboard**", spice.pageMillis, direct.pageMillis,
                direct.pageScanned.get(direct.pageScanned.size() - 1));
    }

    private static void row(String name, List<Double> spice, List<Double> direct, long scanned) {
        double spiceMedian = percentile(spice, 0.5);
        double directMedian = percentile(direct, 0.5);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f× | %s |%n", name, spiceMedian,
                percentile(spice, 0.9), directMedian, percentile(direct, 0.9), directMedian / spiceMedian,
                bytes(scanned));
    }

    /** The median (mean of the two middle values for an even count), else the nearest-rank percentile. */
    static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        if (p == 0.5) {
            return (sorted[(n - 1) / 2] + sorted[n / 2]) / 2;
        }
        return sorted[Math.max(0, (int) Math.ceil(p * n) - 1)];
    }

    private static String bytes(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%,d B", bytes);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
