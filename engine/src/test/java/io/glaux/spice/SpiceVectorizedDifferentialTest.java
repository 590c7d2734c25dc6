package io.glaux.spice;

import io.glaux.Glaux;
import io.glaux.QueryResults;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.results.ColumnInfo;
import io.glaux.sql.QueryContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same SQL over the live tables and over their SPICE imports gives the same rows, on three Glaux instances whose
 * queries run differently: vectorized on 2 threads over batches of {@value #SMALL_BATCH} rows (so scans cross many
 * batch boundaries and split over threads), vectorized on 1 thread over default batches, and row by row through
 * Calcite's Enumerable operators (the vectorized operators switched off, for SPICE and for live tables). Each
 * statement is written unqualified and runs in catalog {@code spice} (cached) on every instance, and in catalog
 * {@code awsdatacatalog} (live) on each: over the text files on all three, and over Parquet copies of them
 * (database {@value #PARQUET}) on the first. The reference is the row-by-row instance's live answer over the text
 * files; every other run must give it.
 *
 * <p>Cells of type double or float may differ in their last bits when summed in another order, so they are compared
 * with a relative tolerance; every other cell, the column names and types, the row count and (for statements with
 * ORDER BY, which are all total orders) the row order must be identical. Statements without ORDER BY are compared as
 * multisets. A statement must succeed in the reference (agreeing on an error proves nothing), except those marked
 * {@link Case#mayFail()}, which must then fail everywhere with the same message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpiceVectorizedDifferentialTest {

    static final int SMALL_BATCH = 97;
    private static final int ITEMS = 5000;
    private static final int LINEITEMS = 3000;
    /** Exactly two small batches: the last batch is full. */
    private static final int BLANKS = 2 * SMALL_BATCH;
    private static final String[] DATASETS = {"items", "lineitem", "blanks", "bigs", "nothing"};
    private static final double DOUBLE_TOLERANCE = 1e-9;
    private static final double FLOAT_TOLERANCE = 1e-6;
    private static final String LIVE = QueryContext.DEFAULT_CATALOG;
    private static final String CACHED = SpiceService.CATALOG;
    /** The database holding Parquet copies of the live tables on the first instance. */
    private static final String PARQUET = "pq";

    private record Engine(String name, Glaux glaux) {
    }

    /**
     * One statement; its name is what the test report shows. {@code failureAllowed}: the statement may fail live
     * (then it must fail cached with the same message); otherwise a live failure fails the case, since agreeing on
     * an error proves nothing.
     */
    record Case(String name, String sql, boolean failureAllowed) {
        @Override
        public String toString() {
            return name;
        }

        Case mayFail() {
            return new Case(name, sql, true);
        }
    }

    /** A statement's result as a client sees it, or its failure. */
    private record Outcome(List<ColumnInfo> columns, List<List<String>> rows, String error) {
        boolean failed() {
            return error != null;
        }
    }

    private final List<Engine> engines = new ArrayList<>();
    /** Runs a statement's executions, four at a time. */
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @BeforeAll
    void importDatasets(@TempDir Path folder) throws Exception {
        SpiceScanOptions options = SpiceScanOptions.defaults();
        List<Future<Engine>> opening = new ArrayList<>();
        opening.add(open("vectorized, 2 threads, batches of " + SMALL_BATCH, Glaux.builder()
                .dataFolder(folder.resolve("vectorized-2"))
                .spiceScanOptions(options.withThreads(2).withVectorized(true))
                .spiceBatchRows(SMALL_BATCH)));
        opening.add(open("vectorized, 1 thread", Glaux.builder()
                .dataFolder(folder.resolve("vectorized-1"))
                .spiceScanOptions(options.withThreads(1).withVectorized(true))));
        opening.add(open("row by row", Glaux.builder()
                .dataFolder(folder.resolve("row-by-row"))
                .spiceScanOptions(options.withThreads(1).withVectorized(false))
                .liveVectorized(false)));
        Exception failure = null;
        for (Future<Engine> engine : opening) {
            try {
                engines.add(engine.get(5, TimeUnit.MINUTES));
            } catch (ExecutionException | TimeoutException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        Glaux first = engines.get(0).glaux();
        SpiceTestData.query(first, "CREATE DATABASE " + PARQUET);
        for (String table : DATASETS) {
            SpiceTestData.query(first, "CREATE TABLE " + PARQUET + "." + table + " WITH (format = 'PARQUET',"
                    + " external_location = 's3://lake/" + PARQUET + "/" + table + "/') AS SELECT * FROM " + table);
        }
    }

    private Future<Engine> open(String name, Glaux.Builder builder) {
        return pool.submit(() -> openNow(name, builder));
    }

    private static Engine openNow(String name, Glaux.Builder builder) throws IOException {
        Glaux glaux = builder.syncWrites(false).build();
        SpiceDifferentialData.createTables(glaux, ITEMS, LINEITEMS, BLANKS);
        for (String dataset : DATASETS) {
            glaux.spice().createDataset(new SpiceDefinition(dataset, "SELECT * FROM " + dataset,
                    QueryContext.DEFAULT));
        }
        for (String dataset : DATASETS) {
            Ingestion ingestion = SpiceTestData.await(glaux.spice().createIngestion(dataset));
            assertThat(ingestion.status()).as(name + ": ingestion of " + dataset + " " + ingestion.errorInfo())
                    .isEqualTo(IngestionStatus.COMPLETED);
        }
        return new Engine(name, glaux);
    }

    @AfterAll
    void close() throws IOException {
        pool.shutdownNow();
        for (Engine engine : engines) {
            engine.glaux().close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The statements, by theme.

    private static Case q(String name, String sql) {
        return new Case(name, sql, false);
    }

    static Stream<Case> filtersOnNumbers() {
        return Stream.of(
            q("int =", "SELECT id, name FROM items WHERE id = 1234"),
            q("int <>", "SELECT id FROM items WHERE id <> 17 ORDER BY id"),
            q("int <", "SELECT id, small FROM items WHERE id < 100 ORDER BY id"),
            q("int <=", "SELECT id FROM items WHERE id <= 100 ORDER BY id DESC"),
            q("int >", "SELECT id, amount FROM items WHERE id > 4900 ORDER BY id"),
            q("int >= negative", "SELECT id FROM items WHERE -id >= -50 ORDER BY id"),
            q("bigint =", "SELECT id, big FROM items WHERE big = -6499998500"),
            q("bigint <>", "SELECT count(*) FROM items WHERE big <> -6499998500"),
            q("bigint <", "SELECT id, big FROM items WHERE big < -6990000000 ORDER BY id"),
            q("bigint <=", "SELECT id FROM items WHERE big <= -6998999997 ORDER BY id"),
            q("bigint >", "SELECT id, big FROM items WHERE big > -2000000000 ORDER BY id"),
            q("bigint >= negative", "SELECT count(*), min(id) FROM items WHERE big >= -4000000000"),
            q("smallint = negative", "SELECT id FROM items WHERE small = -150 ORDER BY id"),
            q("smallint <>", "SELECT count(*) FROM items WHERE small <> 0"),
            q("smallint <", "SELECT id, small FROM items WHERE small < -145 ORDER BY id"),
            q("smallint <=", "SELECT id FROM items WHERE small <= -148 ORDER BY id"),
            q("smallint >", "SELECT id FROM items WHERE small > 147 ORDER BY id"),
            q("smallint >=", "SELECT id FROM items WHERE small >= 149 ORDER BY id"),
            q("tinyint = negative", "SELECT id, tiny FROM items WHERE tiny = -50 ORDER BY id"),
            q("tinyint <>", "SELECT count(*), count(tiny) FROM items WHERE tiny <> 0"),
            q("tinyint <", "SELECT id FROM items WHERE tiny < -47 ORDER BY id"),
            q("tinyint <=", "SELECT id FROM items WHERE tiny <= -48 ORDER BY id"),
            q("tinyint >", "SELECT id FROM items WHERE tiny > 47 ORDER BY id"),
            q("tinyint >=", "SELECT id FROM items WHERE tiny >= 49 ORDER BY id"),
            q("double =", "SELECT id, score FROM items WHERE score = 100.0"),
            q("double <>", "SELECT count(*) FROM items WHERE score <> 100.0"),
            q("double <", "SELECT id, score FROM items WHERE score < 1.0 ORDER BY id"),
            q("double <=", "SELECT id FROM items WHERE score <= 1.0 ORDER BY id"),
            q("double >", "SELECT id, score FROM items WHERE score > 700.5 ORDER BY id"),
            q("double >= negative", "SELECT count(*) FROM items WHERE score >= -0.5"),
            q("float =", "SELECT count(*), min(id), max(id) FROM items WHERE ratio = 0.25"),
            q("float <>", "SELECT count(*) FROM items WHERE ratio <> 1.0"),
            q("float < inexact literal", "SELECT count(*), sum(id) FROM items WHERE ratio < 0.3"),
            q("float <=", "SELECT count(*) FROM items WHERE ratio <= 0.25"),
            q("float >", "SELECT count(*) FROM items WHERE ratio > 0.5"),
            q("float >= negative", "SELECT count(*) FROM items WHERE ratio >= -0.25"),
            q("decimal =", "SELECT id, amount FROM items WHERE amount = 12.34 ORDER BY id"),
            q("decimal = integer literal", "SELECT id, amount FROM items WHERE amount = 12 ORDER BY id"),
            q("decimal <>", "SELECT count(*) FROM items WHERE amount <> 0.37"),
            q("decimal <", "SELECT id, amount FROM items WHERE amount < 0.5 ORDER BY id"),
            q("decimal <=", "SELECT id, amount FROM items WHERE amount <= 1.00 ORDER BY id"),
            q("decimal >", "SELECT id FROM items WHERE amount > 99.5 ORDER BY id"),
            q("decimal >=", "SELECT id FROM items WHERE amount >= 99.5 ORDER BY id"),
            q("decimal > literal with more places", "SELECT id, amount FROM items WHERE amount > 10.005"
                    + " AND amount < 10.2 ORDER BY id"),
            q("decimal = literal with more places", "SELECT id FROM items WHERE amount = 10.005"),
            q("decimal <> literal with more places", "SELECT count(*) FROM items WHERE amount <> 10.005"),
            q("decimal <= literal with more places", "SELECT count(*) FROM items WHERE amount <= 10.005"),
            q("decimal >= literal with more places", "SELECT count(*) FROM items WHERE amount >= 10.005"),
            q("decimal = literal with trailing zero", "SELECT id FROM items WHERE amount = 10.050 ORDER BY id"),
            q("decimal > negative", "SELECT count(*) FROM items WHERE amount > -1"),
            q("decimal < negative", "SELECT id FROM items WHERE amount < -0.01"),
            q("decimal > double literal", "SELECT count(*) FROM items WHERE amount > 5.0E1"),
            q("money <= and >=", "SELECT l_orderkey, l_linenumber FROM lineitem WHERE l_extendedprice <= 1000.50"
                    + " OR l_extendedprice >= 99000 ORDER BY l_orderkey, l_linenumber"));
    }

    static Stream<Case> filtersOnDatesStringsAndBooleans() {
        return Stream.of(
            q("date =", "SELECT id FROM items WHERE d = DATE '2024-01-15' ORDER BY id"),
            q("date <>", "SELECT count(*) FROM items WHERE d <> DATE '2024-01-01'"),
            q("date <", "SELECT id, d FROM items WHERE d < DATE '2023-12-03' ORDER BY id"),
            q("date <=", "SELECT count(*) FROM items WHERE d <= DATE '2023-12-31'"),
            q("date >", "SELECT id, d FROM items WHERE d > DATE '2024-02-26' ORDER BY id"),
            q("date >=", "SELECT count(*) FROM items WHERE d >= DATE '2024-02-01'"),
            q("date < timestamp literal", "SELECT count(*) FROM items WHERE d < TIMESTAMP '2023-12-05 12:00:00'"),
            q("timestamp =", "SELECT id FROM items WHERE ts = TIMESTAMP '2024-01-01 01:00:07.001'"),
            q("timestamp <>", "SELECT count(*) FROM items WHERE ts <> TIMESTAMP '2024-01-01 01:00:07.001'"),
            q("timestamp <", "SELECT id, ts FROM items WHERE ts < TIMESTAMP '2024-01-02 00:00:00' ORDER BY id"),
            q("timestamp <=", "SELECT count(*) FROM items WHERE ts <= TIMESTAMP '2024-03-01 00:00:00.000'"),
            q("timestamp >", "SELECT id FROM items WHERE ts > TIMESTAMP '2024-07-26 00:00:00' ORDER BY id"),
            q("timestamp >= date literal", "SELECT count(*) FROM items WHERE ts >= DATE '2024-05-01'"),
            q("timestamp < zoned now()", "SELECT count(*) FROM items WHERE ts < now()"),
            q("timestamp > now() - interval", "SELECT count(*) FROM items WHERE ts > now() - INTERVAL '36500' DAY"),
            q("date_diff to now()", "SELECT count(*) FROM items WHERE date_diff('day', ts, now()) > 300"),
            q("count distinct zoned", "SELECT count(DISTINCT with_timezone(ts, 'UTC')) FROM items"),
            q("group by zoned", "SELECT count(*) FROM (SELECT with_timezone(ts, 'UTC') FROM items GROUP BY 1)"),
            q("boolean column", "SELECT id FROM items WHERE flag AND id < 60 ORDER BY id"),
            q("NOT boolean", "SELECT count(*) FROM items WHERE NOT flag"),
            q("boolean = true", "SELECT count(*) FROM items WHERE flag = true"),
            q("boolean <> false", "SELECT count(*) FROM items WHERE flag <> false"),
            q("boolean = false", "SELECT count(*) FROM items WHERE flag = false"),
            q("boolean IS NOT TRUE", "SELECT count(*) FROM items WHERE flag IS NOT TRUE"),
            q("boolean IS FALSE", "SELECT count(*) FROM items WHERE flag IS FALSE"),
            q("boolean < and >", "SELECT count(*) FROM items WHERE flag > false OR flag < true"),
            q("string =", "SELECT id FROM items WHERE name = 'beta' ORDER BY id"),
            q("string = non-ASCII", "SELECT id FROM items WHERE name = 'ünï' ORDER BY id"),
            q("string = empty", "SELECT count(*) FROM items WHERE name = ''"),
            q("string <>", "SELECT count(*) FROM items WHERE name <> 'beta'"),
            q("string >", "SELECT id, name FROM items WHERE name > 'c' ORDER BY id"),
            q("string >=", "SELECT count(*) FROM items WHERE name >= 'café'"),
            q("string <", "SELECT count(*) FROM items WHERE name < 'b'"),
            q("string <=", "SELECT count(*) FROM items WHERE name <= ''"),
            q("string range", "SELECT name, count(*) FROM items WHERE name > 'delta' AND name < 'gamma'"
                    + " GROUP BY name ORDER BY name"),
            q("string not in dictionary", "SELECT count(*) FROM items WHERE name = 'omega'"),
            q("string range outside dictionary", "SELECT count(*) FROM items WHERE name > 'zzz' OR name < ''"),
            q("varchar =", "SELECT count(*) FROM items WHERE code = 'k2'"),
            q("varchar <>", "SELECT count(*) FROM items WHERE code <> 'k0'"),
            q("char(1) = ", "SELECT count(*) FROM lineitem WHERE l_returnflag = 'R'"),
            q("char(10) = unpadded literal", "SELECT count(*) FROM lineitem WHERE l_shipmode = 'AIR'"),
            q("char(10) > ", "SELECT count(*) FROM lineitem WHERE l_shipmode > 'RAIL'"),
            q("varchar(25) <", "SELECT count(*) FROM lineitem WHERE l_shipinstruct < 'DELIVER IN PERSON'"));
    }

    static Stream<Case> filtersCombined() {
        return Stream.of(
            q("IS NOT TRUE of a comparison keeps its NULLs", "SELECT count(*), count(amount) FROM items"
                    + " WHERE (amount > 10) IS NOT TRUE"),
            q("NOT IS NOT TRUE of an OR", "SELECT count(*) FROM items WHERE NOT ((score > 100 OR tiny < 0)"
                    + " IS NOT TRUE)"),
            q("BETWEEN int", "SELECT id FROM items WHERE id BETWEEN 10 AND 20 ORDER BY id"),
            q("BETWEEN reversed bounds", "SELECT id FROM items WHERE id BETWEEN 20 AND 10"),
            q("BETWEEN negative smallint", "SELECT count(*) FROM items WHERE small BETWEEN -5 AND 5"),
            q("NOT BETWEEN tinyint", "SELECT count(*) FROM items WHERE tiny NOT BETWEEN -10 AND 10"),
            q("BETWEEN decimal with more places", "SELECT id, amount FROM items WHERE amount BETWEEN 9.995 AND 10.105"
                    + " ORDER BY id"),
            q("NOT BETWEEN decimal", "SELECT count(*) FROM items WHERE amount NOT BETWEEN 10 AND 90"),
            q("NOT BETWEEN double", "SELECT count(*) FROM items WHERE score NOT BETWEEN 1 AND 700"),
            q("BETWEEN date", "SELECT id FROM items WHERE d BETWEEN DATE '2024-01-10' AND DATE '2024-01-11'"
                    + " ORDER BY id"),
            q("BETWEEN timestamp", "SELECT id FROM items WHERE ts BETWEEN TIMESTAMP '2024-02-01 00:00:00'"
                    + " AND TIMESTAMP '2024-02-02 00:00:00' ORDER BY id"),
            q("BETWEEN string", "SELECT count(*) FROM items WHERE name BETWEEN 'b' AND 'd'"),
            q("IN int", "SELECT id FROM items WHERE id IN (1, 5, 5000, 6000, -1) ORDER BY id"),
            q("IN smallint negative", "SELECT count(*) FROM items WHERE small IN (-150, 0, 149)"),
            q("NOT IN tinyint", "SELECT count(*) FROM items WHERE tiny NOT IN (0, 1, -1)"),
            q("IN bigint", "SELECT id FROM items WHERE big IN (-6998999997, -6499998500, 0) ORDER BY id"),
            q("IN decimal with more places", "SELECT id, amount FROM items WHERE amount IN (0.37, 10.05, 12.345)"
                    + " ORDER BY id"),
            q("IN double", "SELECT id FROM items WHERE score IN (1.0, 2.0, 2.5) ORDER BY id"),
            q("IN string", "SELECT count(*) FROM items WHERE name IN ('alpha', 'café', '')"),
            q("NOT IN string", "SELECT count(*) FROM items WHERE name NOT IN ('alpha', 'beta')"),
            q("NOT IN with NULL", "SELECT count(*) FROM items WHERE name NOT IN ('alpha', NULL)"),
            q("IN varchar with absent value", "SELECT count(*) FROM items WHERE code IN ('k1', 'k3', 'zz')"),
            q("IN date", "SELECT id FROM items WHERE d IN (DATE '2024-01-01', DATE '2024-02-28') ORDER BY id"),
            q("NOT IN date", "SELECT count(*) FROM items WHERE d NOT IN (DATE '2024-01-01', DATE '2024-02-28')"),
            q("IN boolean", "SELECT count(*) FROM items WHERE flag IN (true)"),
            q("IS NULL each type", "SELECT count(*) FILTER (WHERE big IS NULL), count(*) FILTER (WHERE tiny IS NULL),"
                    + " count(*) FILTER (WHERE score IS NULL), count(*) FILTER (WHERE amount IS NULL),"
                    + " count(*) FILTER (WHERE name IS NULL), count(*) FILTER (WHERE d IS NULL),"
                    + " count(*) FILTER (WHERE ts IS NULL), count(*) FILTER (WHERE flag IS NULL) FROM items"),
            q("IS NULL", "SELECT id FROM items WHERE big IS NULL AND id < 200 ORDER BY id"),
            q("IS NOT NULL and IS NULL", "SELECT id FROM items WHERE amount IS NOT NULL AND d IS NULL ORDER BY id"),
            q("IS NULL OR IS NULL", "SELECT count(*) FROM items WHERE ts IS NULL OR flag IS NULL"),
            q("NOT comparison", "SELECT count(*) FROM items WHERE NOT (id > 10)"),
            q("NOT OR", "SELECT count(*) FROM items WHERE NOT (name = 'alpha' OR amount > 50)"),
            q("NOT AND with NULLs", "SELECT count(*) FROM items WHERE NOT (flag AND tiny > 0)"),
            q("NOT BETWEEN via NOT", "SELECT count(*) FROM items WHERE NOT (d BETWEEN DATE '2024-01-01'"
                    + " AND DATE '2024-01-31')"),
            q("OR of different columns", "SELECT id FROM items WHERE name = 'beta' OR amount > 99 OR d ="
                    + " DATE '2024-01-01' ORDER BY id"),
            q("OR boolean and tinyint", "SELECT count(*) FROM items WHERE flag OR tiny < -40"),
            q("AND OR mix", "SELECT id, name, amount FROM items WHERE (name = 'alpha' OR name = 'gamma')"
                    + " AND (amount > 50 OR amount IS NULL) AND NOT flag ORDER BY id"),
            q("OR of ANDs", "SELECT count(*) FROM items WHERE (code = 'k1' AND small > 100)"
                    + " OR (code = 'k2' AND score < 10) OR (ts IS NULL AND big IS NULL)"),
            q("LIKE prefix", "SELECT id, name FROM items WHERE name LIKE 'c%' ORDER BY id LIMIT 50"),
            q("LIKE suffix", "SELECT count(*) FROM items WHERE name LIKE '%a'"),
            q("LIKE underscore", "SELECT count(*) FROM items WHERE name LIKE '_eta'"),
            q("LIKE all", "SELECT count(*) FROM items WHERE name LIKE '%'"),
            q("LIKE empty pattern", "SELECT count(*) FROM items WHERE name LIKE ''"),
            q("LIKE non-ASCII", "SELECT count(*) FROM items WHERE name LIKE '%é' OR name LIKE 'ü_ï'"),
            q("LIKE with escape", "SELECT count(*) FROM items WHERE name LIKE 'c-_p%' OR name LIKE '%#_%' ESCAPE '#'"),
            q("NOT LIKE", "SELECT count(*) FROM items WHERE name NOT LIKE '%a%'"),
            q("substr IN", "SELECT id, name FROM items WHERE substr(name, 1, 2) IN ('al', 'ga', 'c-', '') ORDER BY id"),
            q("substring =", "SELECT count(*) FROM items WHERE substring(name, 2, 3) = 'eta'"),
            q("substr from the end", "SELECT count(*) FROM items WHERE substr(name, -2) = 'ta'"
                    + " OR substr(name, -1, 1) > 'n'"),
            q("substr beyond the end", "SELECT count(*) FROM items WHERE substr(code, 5, 2) = ''"),
            q("substr of substr, LIKE", "SELECT count(*) FROM items WHERE substr(substr(name, 2), 1, 2) LIKE '%l%'"
                    + " AND substr(name, 1, 1) NOT IN ('b')"),
            q("substr of a char(10)", "SELECT count(*) FROM lineitem WHERE substr(l_shipmode, 1, 3) IN ('AIR', 'REG')"),
            q("LIKE varchar", "SELECT count(*) FROM items WHERE code LIKE 'k_' AND code NOT LIKE '%0'"),
            // Trino matches a char(10) value padded to 10: '%AIR' matches none, '%AIR %' the values 'AIR', 'REG AIR'.
            q("LIKE char(10)", "SELECT count(*) FROM lineitem WHERE l_shipmode LIKE '%AIR'"),
            q("LIKE char(10) padded", "SELECT count(*), count_if(l_shipmode LIKE '%AIR %') FROM lineitem"
                    + " WHERE l_shipmode LIKE '%AIR%'"),
            q("two columns smallint < tinyint", "SELECT count(*) FROM items WHERE small < tiny"),
            q("two columns decimal > double", "SELECT count(*) FROM items WHERE amount > score"),
            q("two columns bigint < int", "SELECT count(*) FROM items WHERE big < id"),
            q("two columns strings", "SELECT count(*) FROM items WHERE name > code"),
            q("two columns dates", "SELECT count(*) FROM lineitem WHERE l_commitdate < l_receiptdate"),
            q("two columns date < timestamp", "SELECT count(*) FROM items WHERE d < ts"),
            q("selects nothing", "SELECT * FROM items WHERE id < 0"),
            q("selects nothing by contradiction", "SELECT id FROM items WHERE name IS NULL AND name IS NOT NULL"),
            q("selects everything", "SELECT count(*), sum(id) FROM items WHERE id > 0"),
            q("constant false", "SELECT id FROM items WHERE 1 = 0"),
            q("constant true", "SELECT count(*) FROM items WHERE true"));
    }

    static Stream<Case> aggregatesWithoutGroupBy() {
        return Stream.of(
            q("count each column", "SELECT count(*), count(id), count(big), count(small), count(tiny), count(score),"
                    + " count(ratio), count(amount), count(name), count(code), count(d), count(ts), count(flag)"
                    + " FROM items"),
            q("sum each numeric", "SELECT sum(id), sum(big), sum(small), sum(tiny), sum(score), sum(ratio),"
                    + " sum(amount) FROM items"),
            q("avg each numeric", "SELECT avg(id), avg(big), avg(small), avg(tiny), avg(score), avg(ratio),"
                    + " avg(amount) FROM items"),
            q("min max each numeric", "SELECT min(id), max(id), min(big), max(big), min(small), max(small),"
                    + " min(tiny), max(tiny), min(score), max(score), min(ratio), max(ratio), min(amount),"
                    + " max(amount) FROM items"),
            q("min max strings dates timestamps", "SELECT min(name), max(name), min(code), max(code), min(d),"
                    + " max(d), min(ts), max(ts) FROM items"),
            q("min max boolean", "SELECT min(flag), max(flag) FROM items"),
            q("with filter", "SELECT count(*), sum(amount), avg(score), min(d), max(name) FROM items"
                    + " WHERE name = 'beta'"),
            q("with boolean filter", "SELECT count(*), sum(big), min(ts), max(tiny) FROM items WHERE flag"),
            q("empty selection", "SELECT count(*), count(amount), sum(amount), sum(big), sum(score), avg(score),"
                    + " avg(amount), min(name), max(d), min(ts), max(flag) FROM items WHERE id < 0"),
            q("empty selection on string", "SELECT count(*), sum(id), max(amount) FROM items WHERE name = 'omega'"),
            q("money sums", "SELECT sum(l_quantity), sum(l_extendedprice), sum(l_discount), sum(l_tax),"
                    + " avg(l_extendedprice), min(l_shipdate), max(l_receiptdate) FROM lineitem"),
            q("FILTER clause", "SELECT count(*) FILTER (WHERE flag), sum(amount) FILTER (WHERE name = 'beta')"
                    + " FROM items"));
    }

    static Stream<Case> groupBy() {
        return Stream.of(
            q("string key with NULL and empty", "SELECT name, count(*), sum(amount), min(d), max(ts), sum(big),"
                    + " count(tiny) FROM items GROUP BY name ORDER BY name NULLS FIRST"),
            q("varchar key", "SELECT code, count(*), sum(small), avg(amount), max(ratio) FROM items GROUP BY code"
                    + " ORDER BY code"),
            q("tinyint key with NULL", "SELECT tiny, count(*), sum(id) FROM items GROUP BY tiny ORDER BY tiny"),
            q("smallint key", "SELECT small, count(*), min(name), max(amount) FROM items GROUP BY small"
                    + " ORDER BY small DESC"),
            q("int key", "SELECT id % 10 AS digit, count(*) FROM items GROUP BY id % 10 ORDER BY digit"),
            q("bigint key, many groups", "SELECT big, count(*), sum(id) FROM items GROUP BY big ORDER BY big"
                    + " NULLS FIRST"),
            q("date key with NULL", "SELECT d, count(*), sum(amount) FROM items GROUP BY d ORDER BY d NULLS FIRST"),
            q("boolean key with NULL", "SELECT flag, count(*), sum(score), min(amount) FROM items GROUP BY flag"
                    + " ORDER BY flag"),
            q("decimal key", "SELECT amount, count(*) FROM items WHERE amount < 5 GROUP BY amount ORDER BY amount"
                    + " NULLS LAST"),
            q("double key", "SELECT ratio, count(*), sum(id) FROM items GROUP BY ratio ORDER BY ratio"),
            q("timestamp key", "SELECT ts, count(*) FROM items WHERE id < 300 GROUP BY ts ORDER BY ts NULLS FIRST"),
            q("two keys string and boolean", "SELECT name, flag, count(*), sum(amount) FROM items GROUP BY name, flag"
                    + " ORDER BY name NULLS LAST, flag NULLS FIRST"),
            q("two keys varchar and date", "SELECT code, d, count(*), max(id) FROM items GROUP BY code, d"
                    + " ORDER BY code, d"),
            q("three keys", "SELECT flag, tiny, code, count(*), sum(small) FROM items GROUP BY flag, tiny, code"
                    + " ORDER BY flag, tiny, code"),
            q("three string keys", "SELECT l_returnflag, l_linestatus, l_shipmode, count(*), sum(l_quantity)"
                    + " FROM lineitem GROUP BY l_returnflag, l_linestatus, l_shipmode ORDER BY 1, 2, 3"),
            q("key not selected", "SELECT count(*), sum(amount) FROM items GROUP BY code ORDER BY 2, 1"),
            q("keys in other order than selected", "SELECT count(*), flag, name FROM items GROUP BY name, flag"
                    + " ORDER BY name, flag"),
            q("with filter", "SELECT name, count(*), sum(amount) FROM items WHERE d >= DATE '2024-01-15'"
                    + " AND amount > 10.005 GROUP BY name ORDER BY name"),
            q("over empty selection", "SELECT name, count(*), sum(amount) FROM items WHERE id < 0 GROUP BY name"),
            q("without ORDER BY (as a set)", "SELECT code, flag, count(*), sum(amount), avg(score) FROM items"
                    + " GROUP BY code, flag"),
            q("DISTINCT", "SELECT DISTINCT name, code FROM items"),
            q("avg of int decimal double", "SELECT code, avg(id), avg(tiny), avg(amount), avg(score), avg(ratio)"
                    + " FROM items GROUP BY code ORDER BY code"));
    }

    static Stream<Case> countDistinct() {
        return Stream.of(
            q("strings", "SELECT count(DISTINCT name), count(DISTINCT code) FROM items"),
            q("numbers", "SELECT count(DISTINCT tiny), count(DISTINCT small), count(DISTINCT big),"
                    + " count(DISTINCT amount), count(DISTINCT score), count(DISTINCT ratio) FROM items"),
            q("dates and booleans", "SELECT count(DISTINCT d), count(DISTINCT ts), count(DISTINCT flag) FROM items"),
            q("with filter", "SELECT count(DISTINCT name), count(DISTINCT d) FROM items WHERE amount > 50"),
            q("over empty selection", "SELECT count(DISTINCT name), count(DISTINCT amount) FROM items WHERE id < 0"),
            q("per group", "SELECT code, count(DISTINCT name), count(DISTINCT tiny) FROM items GROUP BY code"
                    + " ORDER BY code"),
            q("mixed with plain aggregates", "SELECT flag, count(*), count(DISTINCT name), sum(amount),"
                    + " count(DISTINCT d) FROM items GROUP BY flag ORDER BY flag NULLS FIRST"),
            q("per group with NULL key", "SELECT name, count(DISTINCT code), count(DISTINCT amount) FROM items"
                    + " GROUP BY name ORDER BY name"),
            q("on money", "SELECT l_shipmode, count(DISTINCT l_discount), count(DISTINCT l_orderkey) FROM lineitem"
                    + " GROUP BY l_shipmode ORDER BY l_shipmode"));
    }

    static Stream<Case> expressions() {
        return Stream.of(
            q("sum(amount * 2)", "SELECT sum(amount * 2), sum(amount + 1), sum(-amount) FROM items"),
            q("sum(big + 1)", "SELECT sum(big + 1), sum(big - id) FROM items"),
            q("sum(CAST(x AS double) * 0.5)", "SELECT sum(CAST(id AS double) * 0.5), sum(CAST(small AS double)"
                    + " * 0.5), sum(CAST(amount AS double) * 0.5) FROM items"),
            q("sum of int arithmetic", "SELECT sum(id * 3 - small), sum(tiny * 2) FROM items"),
            q("sum(price * (1 - discount))", "SELECT sum(l_extendedprice * (1 - l_discount)) FROM lineitem"),
            q("sum(price * (1 - discount) * (1 + tax))", "SELECT sum(l_extendedprice * (1 - l_discount)"
                    + " * (1 + l_tax)) FROM lineitem"),
            q("sum(quantity * price) grouped", "SELECT l_returnflag, sum(l_quantity * l_extendedprice),"
                    + " avg(l_extendedprice * l_discount) FROM lineitem GROUP BY l_returnflag ORDER BY 1"),
            q("avg(amount * 2) grouped", "SELECT name, avg(amount * 2), sum(amount * 2 + 0.01) FROM items"
                    + " GROUP BY name ORDER BY name NULLS FIRST"),
            q("projected arithmetic", "SELECT id, amount * 2, amount + 0.01, CAST(amount AS double), -small,"
                    + " tiny * 2, big + 1, score * 2, ratio + 1 FROM items WHERE id < 50 ORDER BY id"),
            q("projection with filter", "SELECT name, code, d, ts FROM items WHERE flag AND amount > 90"
                    + " ORDER BY id"),
            q("all columns with filter", "SELECT * FROM items WHERE amount > 10.005 AND name LIKE '%a'"
                    + " ORDER BY id"),
            q("all columns", "SELECT * FROM items ORDER BY id"),
            q("all lineitem columns", "SELECT * FROM lineitem ORDER BY l_orderkey, l_linenumber"));
    }

    static Stream<Case> having() {
        return Stream.of(
            q("count(*) >", "SELECT name, count(*) FROM items GROUP BY name HAVING count(*) > 600 ORDER BY name"),
            q("sum >", "SELECT code, sum(amount) FROM items GROUP BY code HAVING sum(amount) > 60000 ORDER BY code"),
            q("min date >", "SELECT small, min(d) FROM items GROUP BY small HAVING min(d) > DATE '2023-12-10'"
                    + " ORDER BY small"),
            q("count distinct =", "SELECT tiny, count(DISTINCT name) FROM items GROUP BY tiny"
                    + " HAVING count(DISTINCT name) = 4 ORDER BY tiny"),
            q("avg > and key filter", "SELECT flag, avg(score) FROM items GROUP BY flag"
                    + " HAVING avg(score) > 300 AND flag IS NOT NULL ORDER BY flag"),
            q("none pass", "SELECT name, count(*) FROM items GROUP BY name HAVING count(*) > 100000"));
    }

    static Stream<Case> dashboardTopN() {
        return Stream.of(
            q("sum DESC LIMIT 3", "SELECT name, sum(amount) AS total FROM items GROUP BY name"
                    + " ORDER BY total DESC, name LIMIT 3"),
            q("count DESC with ties", "SELECT d, count(*) AS n FROM items GROUP BY d ORDER BY n DESC, d"
                    + " NULLS FIRST LIMIT 10"),
            q("double sum DESC", "SELECT small, sum(score) AS s FROM items GROUP BY small ORDER BY s DESC, small"
                    + " LIMIT 5"),
            q("two keys count DESC", "SELECT code, flag, count(*) FROM items GROUP BY code, flag"
                    + " ORDER BY count(*) DESC, code, flag NULLS FIRST LIMIT 4"),
            q("revenue by ship mode", "SELECT l_shipmode, sum(l_extendedprice * (1 - l_discount)) AS revenue"
                    + " FROM lineitem WHERE l_shipdate >= DATE '1995-01-01' GROUP BY l_shipmode"
                    + " ORDER BY revenue DESC, l_shipmode LIMIT 3"),
            q("avg ASC with OFFSET", "SELECT tiny, avg(amount) AS a FROM items GROUP BY tiny ORDER BY a, tiny"
                    + " LIMIT 5 OFFSET 2"),
            q("count distinct DESC", "SELECT small, count(DISTINCT name) AS n FROM items GROUP BY small"
                    + " ORDER BY n DESC, small LIMIT 6"));
    }

    static Stream<Case> topN() {
        return Stream.of(
            q("int ASC", "SELECT * FROM items ORDER BY id LIMIT 10"),
            q("int DESC", "SELECT id, name FROM items ORDER BY id DESC LIMIT 10"),
            q("decimal DESC default NULLs", "SELECT id, amount FROM items ORDER BY amount DESC, id LIMIT 25"),
            q("decimal ASC default NULLs, last rows", "SELECT id, amount FROM items ORDER BY amount, id"
                    + " LIMIT 10 OFFSET 4695"),
            q("decimal DESC NULLS FIRST", "SELECT id, amount FROM items ORDER BY amount DESC NULLS FIRST, id"
                    + " LIMIT 300"),
            q("decimal ASC NULLS FIRST, id DESC", "SELECT id, amount FROM items ORDER BY amount ASC NULLS FIRST,"
                    + " id DESC LIMIT 25"),
            q("string ties NULLS LAST", "SELECT id, name FROM items ORDER BY name NULLS LAST, id LIMIT 30"),
            q("string DESC NULLS FIRST then date", "SELECT id, name, d FROM items ORDER BY name DESC NULLS FIRST,"
                    + " d ASC NULLS LAST, id LIMIT 700"),
            q("string DESC crossing into NULLs", "SELECT id, name FROM items ORDER BY name DESC NULLS LAST, id DESC"
                    + " LIMIT 20 OFFSET 4490"),
            q("double DESC NULLS LAST", "SELECT id, score FROM items ORDER BY score DESC NULLS LAST, id LIMIT 10"),
            q("double ASC NULLS FIRST", "SELECT id, score FROM items ORDER BY score NULLS FIRST, id LIMIT 400"),
            q("float ties", "SELECT id, ratio FROM items ORDER BY ratio DESC, id LIMIT 7"),
            q("timestamp ASC", "SELECT id, ts FROM items ORDER BY ts, id LIMIT 10"),
            q("timestamp NULLS FIRST", "SELECT id, ts FROM items ORDER BY ts NULLS FIRST, id LIMIT 10"),
            q("date DESC then timestamp DESC", "SELECT id, d, ts FROM items ORDER BY d DESC, ts DESC, id LIMIT 50"),
            q("boolean then tinyint DESC", "SELECT id, flag, tiny FROM items ORDER BY flag, tiny DESC, id LIMIT 20"),
            q("boolean DESC NULLS FIRST", "SELECT id, flag FROM items ORDER BY flag DESC NULLS FIRST, id LIMIT 20"),
            q("bigint DESC LIMIT 1", "SELECT id, big FROM items ORDER BY big DESC, id LIMIT 1"),
            q("smallint ties", "SELECT id, small FROM items ORDER BY small, id DESC LIMIT 40"),
            q("varchar and smallint with OFFSET", "SELECT id, code, small FROM items ORDER BY code, small, id"
                    + " LIMIT 15 OFFSET 10"),
            q("OFFSET without LIMIT", "SELECT id FROM items ORDER BY id OFFSET 4990"),
            q("OFFSET past the end", "SELECT id FROM items ORDER BY id LIMIT 5 OFFSET 6000"),
            q("LIMIT crossing the end", "SELECT id FROM items ORDER BY id LIMIT 5 OFFSET 4998"),
            q("with filter", "SELECT id, amount FROM items WHERE name = 'beta' ORDER BY amount DESC, id LIMIT 5"),
            q("with filter, LIMIT larger than rows", "SELECT id, name FROM items WHERE tiny = -50 ORDER BY name,"
                    + " id LIMIT 10000"),
            q("LIMIT larger than table", "SELECT id, d FROM items ORDER BY d, id LIMIT 100000"),
            q("LIMIT 0", "SELECT id FROM items ORDER BY id LIMIT 0"),
            q("expression key", "SELECT id, amount FROM items ORDER BY amount * -1, id LIMIT 12"),
            q("money DESC with ties", "SELECT l_orderkey, l_linenumber, l_discount FROM lineitem"
                    + " ORDER BY l_discount DESC, l_orderkey, l_linenumber LIMIT 15"),
            q("char key then money", "SELECT l_shipmode, l_extendedprice, l_orderkey, l_linenumber FROM lineitem"
                    + " ORDER BY l_shipmode DESC, l_extendedprice DESC, l_orderkey, l_linenumber LIMIT 10"));
    }

    /**
     * Joins of every kind the vectorized hash join computes (and a few it leaves to the row operators): NULL keys on
     * either side, duplicate and skewed build keys, empty sides (no rows, or none passing a filter), keys of
     * every integer-like kind, conditions beside the key, joins of joins, and results crossing batch boundaries.
     */
    static Stream<Case> joins() {
        return Stream.of(
            q("inner, grouped by the build side", "SELECT i.code, count(*), sum(l.l_quantity), min(i.name)"
                    + " FROM lineitem l JOIN items i ON l.l_partkey = i.id GROUP BY i.code ORDER BY i.code"),
            q("inner, written the other way round", "SELECT i.code, count(*), sum(l.l_quantity) FROM items i"
                    + " JOIN lineitem l ON i.id = l.l_partkey GROUP BY i.code ORDER BY i.code"),
            q("inner, grouped by both sides", "SELECT l.l_returnflag, i.name, count(*), sum(l.l_extendedprice"
                    + " * (1 - l.l_discount)), avg(i.score) FROM lineitem l JOIN items i ON l.l_suppkey = i.id"
                    + " GROUP BY l.l_returnflag, i.name ORDER BY 1, 2 NULLS FIRST"),
            q("inner, filters on both sides", "SELECT i.flag, count(*), sum(l.l_quantity) FROM lineitem l"
                    + " JOIN items i ON l.l_partkey = i.id WHERE l.l_shipdate >= DATE '1995-01-01'"
                    + " AND i.name IN ('beta', 'café') GROUP BY i.flag ORDER BY 1 NULLS FIRST"),
            q("inner, a condition beside the key", "SELECT count(*), sum(i.amount) FROM lineitem l JOIN items i"
                    + " ON l.l_partkey = i.id AND i.amount > l.l_discount * 100"),
            q("inner, a filter across sides", "SELECT count(*) FROM lineitem l JOIN items i ON l.l_partkey = i.id"
                    + " WHERE i.d < l.l_shipdate OR i.small > l.l_linenumber"),
            q("inner, NULL keys on both sides", "SELECT count(*), count(a.big), sum(b.id), min(a.id)"
                    + " FROM items a JOIN items b ON a.big = b.big"),
            q("inner, duplicate build keys", "SELECT a.code, count(*), sum(b.id) FROM items a JOIN items b"
                    + " ON a.small = b.small WHERE a.id < 700 GROUP BY a.code ORDER BY 1"),
            q("inner, skewed build keys", "SELECT l.l_linenumber, count(*), sum(i.id), count(i.tiny)"
                    + " FROM lineitem l JOIN items i ON l.l_linenumber = i.tiny GROUP BY 1 ORDER BY 1"),
            q("inner, one key value on every build row", "SELECT count(*), sum(l.l_orderkey) FROM lineitem l"
                    + " JOIN (SELECT id, 1 AS one FROM items) i ON l.l_linenumber = i.one"),
            q("inner, tinyint to int keys", "SELECT count(*), sum(i.id) FROM items i JOIN lineitem l"
                    + " ON i.tiny = l.l_linenumber"),
            q("inner, date keys", "SELECT a.d, count(*) FROM items a JOIN items b ON a.d = b.d WHERE a.id < 60"
                    + " AND b.id < 600 GROUP BY a.d ORDER BY 1"),
            q("inner, decimal keys of one scale", "SELECT count(*), sum(i.id) FROM items i JOIN lineitem l"
                    + " ON i.amount = l.l_discount"),
            q("inner, string keys stay on the row operators", "SELECT a.name, count(*) FROM items a JOIN items b"
                    + " ON a.name = b.name WHERE a.id < 40 GROUP BY a.name ORDER BY 1 NULLS FIRST"),
            q("inner, top-N over the join", "SELECT i.id, l.l_orderkey, l.l_linenumber, l.l_extendedprice"
                    + " FROM lineitem l JOIN items i ON l.l_partkey = i.id"
                    + " ORDER BY l.l_extendedprice DESC, l.l_orderkey, l.l_linenumber LIMIT 12"),
            q("inner, rows without aggregate", "SELECT i.id, l.l_orderkey FROM lineitem l JOIN items i"
                    + " ON l.l_partkey = i.id WHERE i.id < 40 ORDER BY 1, 2"),
            q("three tables", "SELECT a.name, b.flag, count(*), sum(l.l_extendedprice) FROM lineitem l"
                    + " JOIN items a ON l.l_partkey = a.id JOIN items b ON l.l_suppkey = b.id"
                    + " GROUP BY a.name, b.flag ORDER BY 1 NULLS FIRST, 2 NULLS FIRST"),
            q("four tables", "SELECT c.code, count(*), sum(l.l_quantity) FROM lineitem l"
                    + " JOIN items a ON l.l_partkey = a.id JOIN items b ON l.l_suppkey = b.id"
                    + " JOIN items c ON b.small = c.id WHERE a.flag GROUP BY c.code ORDER BY 1"),
            q("left, matched and not", "SELECT i.code, count(*), count(l.l_orderkey), sum(l.l_quantity)"
                    + " FROM items i LEFT JOIN lineitem l ON i.id = l.l_partkey GROUP BY i.code ORDER BY 1"),
            q("left, NULL probe keys", "SELECT count(*), count(b.id), sum(a.id) FROM items a"
                    + " LEFT JOIN items b ON a.big = b.big"),
            q("left, build columns NULL as group key", "SELECT b.name, count(*) FROM items a"
                    + " LEFT JOIN (SELECT * FROM items WHERE id < 300) b ON a.id = b.id"
                    + " GROUP BY b.name ORDER BY 1 NULLS FIRST"),
            q("left, the smaller left side built, as TPC-H Q13", "SELECT c, count(*) FROM (SELECT i.id,"
                    + " count(l.l_orderkey) AS c FROM items i LEFT JOIN lineitem l ON i.id = l.l_partkey"
                    + " AND l.l_shipmode <> 'MAIL' WHERE i.tiny = 3 GROUP BY i.id) GROUP BY c ORDER BY 2 DESC, 1 DESC"),
            q("left, the smaller left side built, its NULL keys kept", "SELECT count(*), count(b.id), count(a.big),"
                    + " sum(a.id), sum(b.id) FROM (SELECT * FROM items WHERE tiny = 3) a LEFT JOIN items b"
                    + " ON a.big = b.big"),
            q("left, the smaller left side built, a comparison beside the key", "SELECT count(*), count(b.id),"
                    + " sum(a.id), sum(b.id) FROM (SELECT * FROM items WHERE tiny = 3) a LEFT JOIN items b"
                    + " ON a.small = b.small AND a.id < b.id"),
            q("left, the smaller left side built, the other side filtered to nothing", "SELECT count(*),"
                    + " count(l.l_orderkey), sum(a.id) FROM (SELECT * FROM items WHERE tiny = 3) a"
                    + " LEFT JOIN (SELECT * FROM lineitem WHERE l_quantity < 0) l ON a.id = l.l_partkey"),
            q("left, the smaller left side built, rows with strings of both sides", "SELECT a.id, a.name,"
                    + " l.l_orderkey, l.l_linenumber, l.l_shipmode FROM (SELECT * FROM items WHERE tiny = 3) a"
                    + " LEFT JOIN lineitem l ON a.id = l.l_partkey ORDER BY 1, 3 NULLS FIRST, 4 NULLS FIRST"),
            q("semi, IN", "SELECT count(*), sum(l_quantity) FROM lineitem WHERE l_partkey IN"
                    + " (SELECT id FROM items WHERE name = 'beta')"),
            q("semi, EXISTS with duplicates", "SELECT i.code, count(*) FROM items i WHERE EXISTS"
                    + " (SELECT 1 FROM lineitem l WHERE l.l_linenumber = i.tiny) GROUP BY i.code ORDER BY 1"),
            q("anti, NOT EXISTS", "SELECT count(*), sum(i.id) FROM items i WHERE NOT EXISTS"
                    + " (SELECT 1 FROM lineitem l WHERE l.l_partkey = i.id)"),
            q("anti, NULL probe keys kept", "SELECT count(*), count(a.big) FROM items a WHERE NOT EXISTS"
                    + " (SELECT 1 FROM items b WHERE b.big = a.big AND b.id < 100)"),
            q("anti, NOT IN", "SELECT count(*) FROM items WHERE id NOT IN (SELECT l_partkey FROM lineitem)"),
            q("anti under a scalar sub-query's comparison (TPC-H Q22's shape)", "SELECT substr(name, 1, 1), count(*),"
                    + " sum(amount) FROM items i WHERE substr(name, 1, 1) IN ('a', 'g', 'c') AND amount > (SELECT"
                    + " avg(amount) FROM items WHERE amount > 0 AND substr(name, 1, 1) IN ('a', 'g', 'c'))"
                    + " AND NOT EXISTS (SELECT * FROM lineitem l WHERE l.l_partkey = i.id)"
                    + " GROUP BY substr(name, 1, 1) ORDER BY 1"),
            q("inner join under a CASE of strings", "SELECT i.code, sum(CASE WHEN i.name = 'beta' THEN"
                    + " l.l_extendedprice ELSE 0 END) FROM lineitem l JOIN items i ON l.l_partkey = i.id"
                    + " GROUP BY i.code ORDER BY i.code"),
            q("inner join's rows unaggregated", "SELECT l.l_orderkey, l.l_linenumber, i.name FROM lineitem l"
                    + " JOIN items i ON l.l_partkey = i.id WHERE i.amount > 10 ORDER BY 1, 2"),
            q("empty build side", "SELECT count(*), sum(i.id) FROM items i JOIN nothing n ON i.id = n.id"),
            q("empty probe side", "SELECT count(*) FROM nothing n JOIN items i ON n.id = i.id"),
            q("build side filtered to nothing", "SELECT i.code, count(*) FROM items i JOIN lineitem l"
                    + " ON i.id = l.l_partkey WHERE l.l_quantity < 0 GROUP BY i.code"),
            q("left join to an empty side", "SELECT n.name, count(*), count(n.id), sum(i.id) FROM items i"
                    + " LEFT JOIN nothing n ON i.id = n.id GROUP BY n.name"),
            q("anti join to an empty side", "SELECT count(*) FROM items i WHERE NOT EXISTS"
                    + " (SELECT 1 FROM nothing n WHERE n.id = i.id)"),
            q("one row: NOT IN a sub-query holding a NULL", "SELECT count(*) FROM items"
                    + " WHERE big NOT IN (SELECT big FROM items WHERE tiny = 3)"),
            q("one row: NOT IN a sub-query without NULLs, NULL values kept out (TPC-H Q16's shape)",
                    "SELECT code, count(DISTINCT small), count(*) FROM items WHERE big NOT IN (SELECT big FROM items"
                    + " WHERE name LIKE '%a%' AND big IS NOT NULL) GROUP BY code ORDER BY 2 DESC, 1"),
            q("one row: NOT IN an empty sub-query keeps every row", "SELECT count(*), count(big) FROM items"
                    + " WHERE big NOT IN (SELECT big FROM items WHERE tiny = 1000)"),
            q("one row: NOT IN over lineitem", "SELECT l_returnflag, count(*) FROM lineitem WHERE l_partkey NOT IN"
                    + " (SELECT id FROM items WHERE flag) GROUP BY l_returnflag ORDER BY 1"),
            q("one row: comparison with a scalar sub-query's average", "SELECT code, count(*), sum(id) FROM items"
                    + " WHERE amount > (SELECT avg(amount) FROM items WHERE tiny > 0) GROUP BY code ORDER BY 1"),
            q("one row: comparison with the NULL of an empty set", "SELECT count(*) FROM items"
                    + " WHERE amount > (SELECT max(amount) FROM items WHERE tiny = 1000)"),
            q("one row: the row's strings, decimals and dates beside each row", "SELECT i.id, i.name, m.top, m.most,"
                    + " m.latest FROM items i, (SELECT max(name) AS top, max(amount) AS most, max(d) AS latest"
                    + " FROM items WHERE id < 500) m WHERE i.name = m.top AND i.amount < m.most - 50"
                    + " AND i.d < m.latest ORDER BY 1"),
            q("one row: a scalar sub-query of doubles and a count", "SELECT count(*), sum(score) FROM items"
                    + " WHERE score > (SELECT avg(score) FROM items) AND id > (SELECT count(*) FROM items) / 2"),
            q("one row: groups above a fraction of the total (TPC-H Q11's shape)", "SELECT tiny, sum(amount),"
                    + " count(*) FROM items GROUP BY tiny HAVING sum(amount) > (SELECT sum(amount) * 0.0095 FROM items)"
                    + " ORDER BY 2 DESC, 1"),
            q("all-NULL keys", "SELECT count(*) FROM blanks b JOIN items i ON b.n = i.id"),
            q("left, all-NULL keys", "SELECT count(*), count(i.id), count(b.k) FROM blanks b"
                    + " LEFT JOIN items i ON b.n = i.id"),
            q("inner, two keys", "SELECT count(*), sum(a.l_quantity - b.l_tax) FROM lineitem a JOIN lineitem b"
                    + " ON a.l_orderkey = b.l_orderkey AND a.l_linenumber = b.l_linenumber"),
            q("inner, two keys with NULLs and duplicates", "SELECT a.code, count(*), sum(b.id) FROM items a"
                    + " JOIN items b ON a.small = b.small AND a.tiny = b.tiny GROUP BY a.code ORDER BY 1"),
            q("left, two keys", "SELECT count(*), count(b.id), sum(a.id) FROM items a LEFT JOIN items b"
                    + " ON a.big = b.big AND a.tiny = b.tiny"),
            q("semi, two keys", "SELECT count(*) FROM lineitem a WHERE EXISTS (SELECT 1 FROM items b"
                    + " WHERE b.id = a.l_partkey AND b.tiny = a.l_linenumber)"),
            q("anti, two keys", "SELECT count(*), count(a.tiny) FROM items a WHERE NOT EXISTS"
                    + " (SELECT 1 FROM items b WHERE b.small = a.small AND b.tiny = a.tiny AND b.id < 1000)"),
            q("conditional counts over a join", "SELECT l.l_shipmode, sum(CASE WHEN i.name = 'beta' OR i.name = 'café'"
                    + " THEN 1 ELSE 0 END), sum(CASE WHEN i.name <> 'beta' AND i.name <> 'café' THEN 1 ELSE 0 END)"
                    + " FROM lineitem l JOIN items i ON l.l_partkey = i.id GROUP BY l.l_shipmode ORDER BY 1"),
            q("global aggregate over an empty join", "SELECT count(*), sum(i.amount), max(i.name)"
                    + " FROM items i JOIN lineitem l ON i.id = l.l_partkey WHERE i.id < 0"),
            q("semi, a comparison beside the key", "SELECT count(*), sum(l.l_quantity) FROM lineitem l WHERE EXISTS"
                    + " (SELECT 1 FROM lineitem l2 WHERE l2.l_orderkey = l.l_orderkey"
                    + " AND l2.l_suppkey <> l.l_suppkey)"),
            q("anti, a comparison beside the key and a build filter", "SELECT l.l_returnflag, count(*)"
                    + " FROM lineitem l WHERE l.l_receiptdate > l.l_commitdate AND NOT EXISTS (SELECT 1 FROM lineitem l3"
                    + " WHERE l3.l_orderkey = l.l_orderkey AND l3.l_suppkey <> l.l_suppkey"
                    + " AND l3.l_receiptdate > l3.l_commitdate) GROUP BY l.l_returnflag ORDER BY 1"),
            q("semi and anti with comparisons, as TPC-H Q21", "SELECT l.l_suppkey, count(*) FROM lineitem l"
                    + " WHERE EXISTS (SELECT 1 FROM lineitem l2 WHERE l2.l_orderkey = l.l_orderkey"
                    + " AND l2.l_suppkey <> l.l_suppkey) AND NOT EXISTS (SELECT 1 FROM lineitem l3"
                    + " WHERE l3.l_orderkey = l.l_orderkey AND l3.l_suppkey <> l.l_suppkey"
                    + " AND l3.l_receiptdate > l3.l_commitdate) GROUP BY l.l_suppkey ORDER BY 2 DESC, 1 LIMIT 20"),
            q("semi, compared columns with NULLs", "SELECT count(*), count(a.big), sum(a.id) FROM items a"
                    + " WHERE EXISTS (SELECT 1 FROM items b WHERE b.tiny = a.tiny AND b.big > a.big)"),
            q("anti, compared columns with NULLs, written the other way round", "SELECT count(*), count(a.big)"
                    + " FROM items a WHERE NOT EXISTS (SELECT 1 FROM items b WHERE b.tiny = a.tiny"
                    + " AND a.big <= b.big AND b.id < 2000)"),
            q("semi, dates compared", "SELECT a.code, count(*) FROM items a WHERE EXISTS (SELECT 1 FROM items b"
                    + " WHERE b.small = a.small AND b.d > a.d) GROUP BY a.code ORDER BY 1"),
            q("left, a comparison beside the key", "SELECT count(*), count(b.id), sum(b.id) FROM items a"
                    + " LEFT JOIN items b ON a.small = b.small AND a.id < b.id"),
            q("semi, a small probe side marked by the build side", "SELECT count(*), sum(i.id) FROM items i"
                    + " WHERE i.tiny = 3 AND EXISTS (SELECT 1 FROM lineitem l WHERE l.l_partkey = i.id)"),
            q("anti, a small probe side marked, NULL probe keys kept", "SELECT count(*), count(a.big), sum(a.id)"
                    + " FROM items a WHERE a.small = 7 AND NOT EXISTS (SELECT 1 FROM items b WHERE b.big = a.big)"),
            q("semi, a small probe side marked, a comparison beside the key", "SELECT count(*), sum(l.l_quantity)"
                    + " FROM lineitem l WHERE l.l_linenumber = 1 AND EXISTS (SELECT 1 FROM lineitem l2"
                    + " WHERE l2.l_orderkey = l.l_orderkey AND l2.l_suppkey <> l.l_suppkey)"),
            q("anti, a small probe side marked, a comparison and a build filter", "SELECT l.l_returnflag, count(*)"
                    + " FROM lineitem l WHERE l.l_linenumber = 2 AND NOT EXISTS (SELECT 1 FROM lineitem l3"
                    + " WHERE l3.l_orderkey = l.l_orderkey AND l3.l_suppkey <> l.l_suppkey"
                    + " AND l3.l_receiptdate > l3.l_commitdate) GROUP BY l.l_returnflag ORDER BY 1"),
            q("semi, a small probe side marked, two keys with NULLs", "SELECT count(*), sum(a.id) FROM items a"
                    + " WHERE a.code = 'k1' AND EXISTS (SELECT 1 FROM items b WHERE b.small = a.small"
                    + " AND b.tiny = a.tiny)"),
            q("semi join with an aggregate filtered by HAVING, as TPC-H Q18", "SELECT count(*), sum(i.amount)"
                    + " FROM items i WHERE i.id IN (SELECT l_partkey FROM lineitem GROUP BY l_partkey"
                    + " HAVING sum(l_quantity) > 60)"),
            q("join with an aggregate grouped by the key, as TPC-H Q17", "SELECT sum(l.l_extendedprice), count(*)"
                    + " FROM lineitem l WHERE l.l_quantity < (SELECT 1.2 * avg(l2.l_quantity) FROM lineitem l2"
                    + " WHERE l2.l_partkey = l.l_partkey)"),
            q("inner join with an aggregate, its sum compared", "SELECT i.code, count(*), sum(a.q) FROM items i"
                    + " JOIN (SELECT l_partkey AS pk, sum(l_quantity) AS q, count(*) AS c FROM lineitem"
                    + " GROUP BY l_partkey) a ON i.id = a.pk WHERE a.q > 40 AND a.c > 1 GROUP BY i.code ORDER BY 1"),
            q("aggregate of an aggregate, as TPC-H Q13", "SELECT c, count(*) FROM (SELECT l_orderkey, count(*) AS c"
                    + " FROM lineitem GROUP BY l_orderkey) GROUP BY c ORDER BY 1"),
            q("aggregate of an aggregate with string keys and NULLs", "SELECT n, count(*), sum(s), max(k)"
                    + " FROM (SELECT name AS n, code AS k, sum(amount) AS s FROM items GROUP BY name, code)"
                    + " GROUP BY n ORDER BY 1 NULLS FIRST"),
            q("semi join with an empty aggregate", "SELECT count(*) FROM items i WHERE i.id IN"
                    + " (SELECT l_partkey FROM lineitem WHERE l_quantity < 0 GROUP BY l_partkey)"),
            q("anti join with an aggregate", "SELECT count(*), sum(i.id) FROM items i WHERE i.id NOT IN"
                    + " (SELECT l_partkey FROM lineitem GROUP BY l_partkey HAVING count(*) > 1)"));
    }

    static Stream<Case> fallbacks() {
        return Stream.of(
            q("self join", "SELECT a.id, b.id FROM items a JOIN items b ON a.big = b.big + 1000003"
                    + " WHERE a.id < 30 ORDER BY a.id"),
            q("join two datasets", "SELECT i.code, count(*), sum(l.l_quantity) FROM items i JOIN lineitem l"
                    + " ON i.id = l.l_partkey GROUP BY i.code ORDER BY i.code"),
            q("window row_number", "SELECT id, name, row_number() OVER (PARTITION BY name ORDER BY id) FROM items"
                    + " WHERE id < 200 ORDER BY id"),
            q("window running sum", "SELECT id, sum(amount) OVER (PARTITION BY code ORDER BY id"
                    + " ROWS UNBOUNDED PRECEDING) FROM items WHERE id < 300 ORDER BY id"),
            q("window rank", "SELECT id, amount, rank() OVER (ORDER BY amount DESC) FROM items ORDER BY 3, id"
                    + " LIMIT 20"),
            q("CASE in GROUP BY", "SELECT CASE WHEN amount > 50 THEN 'high' WHEN amount > 10 THEN 'mid'"
                    + " ELSE 'low' END AS band, count(*), sum(amount) FROM items GROUP BY 1 ORDER BY 1"),
            q("CASE in sum", "SELECT sum(CASE WHEN flag THEN amount ELSE 0 END), count(CASE WHEN name = 'beta'"
                    + " THEN 1 END) FROM items"),
            q("string functions in GROUP BY", "SELECT upper(name), length(name), count(*) FROM items"
                    + " GROUP BY upper(name), length(name) ORDER BY 1 NULLS FIRST"),
            q("substr and concat", "SELECT substr(code, 2), concat(code, '-', name), count(*) FROM items"
                    + " GROUP BY 1, 2 ORDER BY 1, 2"),
            q("FILTER on count and sum", "SELECT code, count(*) FILTER (WHERE flag), sum(amount) FILTER (WHERE"
                    + " name = 'beta'), count(name) FILTER (WHERE d < DATE '2024-01-15'), max(id) FILTER (WHERE tiny > 0)"
                    + " FROM items GROUP BY code ORDER BY code"),
            q("FILTER without GROUP BY", "SELECT count(*) FILTER (WHERE big IS NULL), sum(small) FILTER (WHERE"
                    + " amount > 40), min(score) FILTER (WHERE name IN ('alpha', 'gamma')) FROM items"),
            q("conditional sums", "SELECT l_returnflag, sum(CASE WHEN l_shipmode IN ('MAIL', 'SHIP') THEN 1 ELSE 0 END),"
                    + " sum(CASE WHEN l_shipmode NOT IN ('MAIL', 'SHIP') THEN 1 ELSE 0 END) FROM lineitem"
                    + " GROUP BY l_returnflag ORDER BY 1"),
            q("division", "SELECT code, sum(amount) / count(*), sum(amount / 3), avg(id / 7), sum(score / 3)"
                    + " FROM items GROUP BY code ORDER BY code"),
            q("year and month", "SELECT year(d), month(d), sum(amount), count(DISTINCT name) FROM items"
                    + " GROUP BY year(d), month(d) ORDER BY 1, 2"),
            q("date_trunc", "SELECT date_trunc('month', l_shipdate) AS m, count(*) FROM lineitem GROUP BY 1"
                    + " ORDER BY 1"),
            q("coalesce", "SELECT coalesce(name, '?'), coalesce(tiny, -1), count(*) FROM items GROUP BY 1, 2"
                    + " ORDER BY 1, 2"),
            q("scalar subquery", "SELECT count(*) FROM items WHERE amount > (SELECT avg(amount) FROM items)"),
            q("IN subquery", "SELECT count(*) FROM lineitem WHERE l_partkey IN (SELECT id FROM items"
                    + " WHERE flag)"),
            q("UNION ALL", "SELECT name, 1 FROM items WHERE id < 20 UNION ALL SELECT code, 2 FROM items"
                    + " WHERE id > 4990 ORDER BY 1, 2"),
            q("LIMIT in subquery", "SELECT count(*), sum(id) FROM (SELECT id, name FROM items ORDER BY id LIMIT 100)"),
            q("ROLLUP", "SELECT code, flag, count(*) FROM items GROUP BY ROLLUP (code, flag)"
                    + " ORDER BY code NULLS LAST, flag NULLS LAST, 3"));
    }

    static Stream<Case> nullAndEmptyData() {
        return Stream.of(
            q("NULL string key", "SELECT k, count(*), sum(v), sum(m), avg(x) FROM blanks GROUP BY k"),
            q("empty and NULL keys", "SELECT e, c, k, count(*), count(k), count(e), count(c), min(k), max(e)"
                    + " FROM blanks GROUP BY e, c, k"),
            q("all-NULL numeric and date key", "SELECT n, dd, f, count(*), sum(b), max(m) FROM blanks"
                    + " GROUP BY n, dd, f"),
            q("aggregates of NULLs", "SELECT count(*), count(n), sum(n), avg(n), min(n), max(b), sum(b), sum(m),"
                    + " avg(m), sum(x), min(dd), max(f), min(k), max(k), min(e), max(c) FROM blanks"),
            q("count distinct of NULL and empty", "SELECT count(DISTINCT k), count(DISTINCT e), count(DISTINCT c),"
                    + " count(DISTINCT n) FROM blanks"),
            q("k IS NULL", "SELECT count(*) FROM blanks WHERE k IS NULL"),
            q("k = empty", "SELECT count(*) FROM blanks WHERE k = ''"),
            q("k LIKE all", "SELECT count(*) FROM blanks WHERE k LIKE '%'"),
            q("e = empty", "SELECT count(*), sum(v) FROM blanks WHERE e = ''"),
            q("e <> empty", "SELECT count(*) FROM blanks WHERE e <> ''"),
            q("e > empty", "SELECT count(*) FROM blanks WHERE e > ''"),
            q("e LIKE all", "SELECT count(*) FROM blanks WHERE e LIKE '%'"),
            q("e IN", "SELECT count(*) FROM blanks WHERE e IN ('', 'x')"),
            q("char(2) = empty", "SELECT count(*) FROM blanks WHERE c = ''"),
            q("numeric comparisons on NULLs", "SELECT count(*) FROM blanks WHERE n > 0 OR n <= 0 OR m = 1"
                    + " OR dd < DATE '2030-01-01' OR f OR x <> 0"),
            q("top-N over NULL keys", "SELECT k, e, v FROM blanks ORDER BY k, e, v DESC LIMIT 5"),
            q("top-N NULLS FIRST crossing batches", "SELECT v FROM blanks ORDER BY n NULLS FIRST, v LIMIT 100"
                    + " OFFSET 90"),
            q("top-N by all-NULL with tie-breaker", "SELECT v FROM blanks ORDER BY m DESC, dd, v DESC LIMIT 3"),
            q("group by then top-N", "SELECT e, count(*) AS n FROM blanks GROUP BY e ORDER BY n DESC, e LIMIT 1"),
            q("empty dataset count", "SELECT count(*), count(name), count(DISTINCT name) FROM nothing"),
            q("empty dataset aggregates", "SELECT sum(id), sum(big), sum(amount), avg(score), min(name), max(d),"
                    + " min(ts), max(flag) FROM nothing"),
            q("empty dataset GROUP BY", "SELECT name, count(*), sum(amount) FROM nothing GROUP BY name"),
            q("empty dataset top-N", "SELECT * FROM nothing ORDER BY id LIMIT 5"),
            q("empty dataset filter", "SELECT id FROM nothing WHERE amount > 10.005 OR name LIKE 'a%'"));
    }

    /**
     * Sums leaving their types' ranges. Trino fails a bigint sum that overflows ("bigint addition overflow"); Glaux
     * today wraps around, live and cached alike (group 1's sum comes out as 18, and avg(v) as 1.5), and decimal
     * averages beyond 16 digits come out rounded (avg(m) is 10000000000000000.00, not 9999999999999999.99). Whatever
     * live does, cached must do the same: the statements that may overflow are allowed to fail, but then cached must
     * fail with the same message.
     */
    static Stream<Case> overflow() {
        return Stream.of(
            q("bigint sums that just fit", "SELECT g, sum(v), count(*) FROM bigs WHERE g IN (2, 3) GROUP BY g"
                    + " ORDER BY g"),
            q("bigint sum above range", "SELECT sum(v) FROM bigs WHERE g = 1").mayFail(),
            q("bigint sum below range", "SELECT sum(v) FROM bigs WHERE g = 4").mayFail(),
            q("bigint sum per group, some overflow", "SELECT g, sum(v) FROM bigs GROUP BY g ORDER BY g").mayFail(),
            q("bigint sum of expression above range", "SELECT sum(v + 1) FROM bigs WHERE g = 2").mayFail(),
            q("bigint product above range", "SELECT v * 2 FROM bigs WHERE g = 1").mayFail(),
            q("int product above range", "SELECT g, i * 100000 FROM bigs ORDER BY g, i").mayFail(),
            q("int sum of products above range", "SELECT sum(i * 100000), max(i - 2147483647) FROM bigs").mayFail(),
            q("int products that fit", "SELECT g, i * 2, -i, i - 1 FROM bigs WHERE g = 0 ORDER BY g, i"),
            q("bigint negation and difference", "SELECT g, -v, v - 1 FROM bigs ORDER BY g, v").mayFail(),
            q("bigint avg", "SELECT g, avg(v) FROM bigs GROUP BY g ORDER BY g"),
            q("bigint min max count", "SELECT min(v), max(v), count(*), count(DISTINCT v) FROM bigs"),
            q("int sum beyond int", "SELECT g, sum(i) FROM bigs GROUP BY g ORDER BY g"),
            q("int sum beyond int, all rows", "SELECT sum(i), avg(i) FROM bigs"),
            q("decimal(18,2) sum beyond long", "SELECT sum(m), avg(m) FROM bigs"),
            q("decimal(18,2) sum per group", "SELECT g, sum(m), sum(m * 2) FROM bigs GROUP BY g ORDER BY g"));
    }

    static Stream<Case> tpch() {
        return Stream.of(
            q("Q1", """
                    select
                    	l_returnflag,
                    	l_linestatus,
                    	sum(l_quantity) as sum_qty,
                    	sum(l_extendedprice) as sum_base_price,
                    	sum(l_extendedprice * (1 - l_discount)) as sum_disc_price,
                    	sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) as sum_charge,
                    	avg(l_quantity) as avg_qty,
                    	avg(l_extendedprice) as avg_price,
                    	avg(l_discount) as avg_disc,
                    	count(*) as count_order
                    from
                    	lineitem
                    where
                    	l_shipdate <= date '1998-12-01' - interval '90' day
                    group by
                    	l_returnflag,
                    	l_linestatus
                    order by
                    	l_returnflag,
                    	l_linestatus
                    """),
            q("Q6", """
                    select
                    	sum(l_extendedprice * l_discount) as revenue
                    from
                    	lineitem
                    where
                    	l_shipdate >= date '1994-01-01'
                    	and l_shipdate < date '1994-01-01' + interval '1' year
                    	and l_discount between .06 - 0.01 and .06 + 0.01
                    	and l_quantity < 24
                    """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void filtersOnNumbers(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void filtersOnDatesStringsAndBooleans(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void filtersCombined(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void aggregatesWithoutGroupBy(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void groupBy(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void countDistinct(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void expressions(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void having(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void dashboardTopN(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void topN(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void joins(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void fallbacks(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void nullAndEmptyData(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void overflow(Case statement) {
        assertSameEverywhere(statement);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void tpch(Case statement) {
        assertSameEverywhere(statement);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Anchors: a few absolute answers, so that live and cached cannot agree on something wrong unnoticed.

    @Test
    void theSmallBatchInstanceReallyHasManyBatches() {
        SpiceService spice = engines.get(0).glaux().spice();
        SpiceVersion version = spice.acquire(spice.dataset("items").orElseThrow());
        try {
            assertThat(version.batches()).hasSize((ITEMS + SMALL_BATCH - 1) / SMALL_BATCH);
        } finally {
            version.release();
        }
        SpiceService defaults = engines.get(1).glaux().spice();
        SpiceVersion single = defaults.acquire(defaults.dataset("items").orElseThrow());
        try {
            assertThat(single.batches()).hasSize(1);
        } finally {
            single.release();
        }
    }

    @Test
    void anEmptySelectionGivesNullSumsAndZeroCounts() {
        for (Engine engine : engines) {
            for (String catalog : List.of("awsdatacatalog", "spice")) {
                Outcome outcome = run(engine.glaux(), "SELECT count(*), count(amount), count(DISTINCT name),"
                        + " sum(amount), sum(big), avg(score), min(name), max(d) FROM items WHERE id < 0", catalog);
                assertThat(outcome.error()).as(engine.name() + " " + catalog).isNull();
                assertThat(outcome.rows()).as(engine.name() + " " + catalog)
                        .containsExactly(Arrays.asList("0", "0", "0", null, null, null, null, null));
            }
        }
    }

    @Test
    void theEmptyDatasetIsQueryableWithNoRows() {
        for (Engine engine : engines) {
            assertThat(engine.glaux().spice().dataset("nothing").orElseThrow().rows()).isZero();
            Outcome outcome = run(engine.glaux(), "SELECT count(*), sum(amount) FROM nothing", "spice");
            assertThat(outcome.error()).as(engine.name()).isNull();
            assertThat(outcome.rows()).as(engine.name()).containsExactly(Arrays.asList("0", null));
        }
    }

    @Test
    void liveAggregatesRunVectorizedExceptOnTheRowByRowInstance() {
        String q1 = tpch().findFirst().orElseThrow().sql();
        for (Engine engine : engines) {
            Glaux glaux = engine.glaux();
            long before = glaux.liveVectorizedScans();
            assertThat(run(glaux, q1, LIVE).error()).isNull();
            assertThat(glaux.liveVectorizedScans() - before).as(engine.name())
                    .isEqualTo(glaux == engines.get(engines.size() - 1).glaux() ? 0 : 1);
        }
    }

    @Test
    void tpchQ1HasItsFourGroups() {
        Outcome outcome = run(engines.get(0).glaux(), tpch().findFirst().orElseThrow().sql(), "spice");
        assertThat(outcome.error()).isNull();
        assertThat(outcome.rows()).extracting(row -> row.get(0) + row.get(1))
                .containsExactly("AF", "NF", "NO", "RF");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Runs the statement cached and live on every instance, and live over Parquet on the first, all at once, and
     * compares each result with the row-by-row instance's live one over the text files.
     */
    private void assertSameEverywhere(Case statement) {
        boolean ordered = statement.sql().toUpperCase(Locale.ROOT).contains("ORDER BY");
        Glaux reference = engines.get(engines.size() - 1).glaux();
        Future<Outcome> live = pool.submit(() -> run(reference, statement.sql(), LIVE, "default"));
        Map<String, Future<Outcome>> others = new LinkedHashMap<>();
        for (Engine engine : engines) {
            others.put(engine.name() + ", cached", pool.submit(() -> run(engine.glaux(), statement.sql(), CACHED,
                    "default")));
            if (engine.glaux() != reference) {
                others.put(engine.name() + ", live", pool.submit(() -> run(engine.glaux(), statement.sql(), LIVE,
                        "default")));
            }
        }
        others.put(engines.get(0).name() + ", live over Parquet", pool.submit(() -> run(engines.get(0).glaux(),
                statement.sql(), LIVE, PARQUET)));
        Outcome expected = await(live);
        List<String> problems = new ArrayList<>();
        if (expected.failed() && !statement.failureAllowed()) {
            problems.add("fails live, so agreeing proves nothing: " + expected.error());
        }
        others.forEach((name, outcome) -> differences(expected, await(outcome), ordered)
                .forEach(problem -> problems.add(name + " differs from live row by row: " + problem)));
        if (!problems.isEmpty()) {
            throw new AssertionError(statement.sql() + "\n" + String.join("\n", problems));
        }
    }

    private static Outcome await(Future<Outcome> run) {
        try {
            return run.get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static Outcome run(Glaux glaux, String sql, String catalog) {
        return run(glaux, sql, catalog, "default");
    }

    private static Outcome run(Glaux glaux, String sql, String catalog, String database) {
        QueryExecution done = glaux.execute(QueryRequest.of(sql).withContext(new QueryContext(catalog, database)));
        if (done.state() != QueryState.SUCCEEDED) {
            return new Outcome(List.of(), List.of(), done.state() + ": " + done.status().stateChangeReason());
        }
        try {
            QueryResults results = glaux.results(done.queryExecutionId());
            return new Outcome(results.columns(), results.rows(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What differs between {@code actual} and {@code expected} (nothing when they match). */
    private static List<String> differences(Outcome expected, Outcome actual, boolean ordered) {
        if (expected.failed() || actual.failed()) {
            if (Objects.equals(expected.error(), actual.error())) {
                return List.of();
            }
            return List.of("expected " + (expected.failed() ? "failure " + expected.error()
                    : expected.rows().size() + " rows " + head(expected.rows())) + " but got "
                    + (actual.failed() ? "failure " + actual.error() : actual.rows().size() + " rows "
                    + head(actual.rows())));
        }
        List<String> problems = new ArrayList<>();
        List<String> expectedColumns = expected.columns().stream().map(SpiceVectorizedDifferentialTest::describe)
                .toList();
        List<String> actualColumns = actual.columns().stream().map(SpiceVectorizedDifferentialTest::describe)
                .toList();
        if (!expectedColumns.equals(actualColumns)) {
            problems.add("columns " + actualColumns + " instead of " + expectedColumns);
            return problems;
        }
        double[] tolerances = expected.columns().stream().mapToDouble(SpiceVectorizedDifferentialTest::tolerance)
                .toArray();
        List<List<String>> expectedRows = expected.rows();
        List<List<String>> actualRows = actual.rows();
        if (!ordered) {
            Comparator<List<String>> order = rowOrder(tolerances);
            expectedRows = expectedRows.stream().sorted(order).toList();
            actualRows = actualRows.stream().sorted(order).toList();
        }
        if (expectedRows.size() != actualRows.size()) {
            problems.add(actualRows.size() + " rows instead of " + expectedRows.size() + "; expected "
                    + head(expectedRows) + " got " + head(actualRows));
            return problems;
        }
        for (int i = 0; i < expectedRows.size(); i++) {
            List<String> want = expectedRows.get(i);
            List<String> got = actualRows.get(i);
            for (int column = 0; column < tolerances.length; column++) {
                if (!sameCell(want.get(column), got.get(column), tolerances[column])) {
                    problems.add("row " + i + (ordered ? "" : " (sorted)") + " is " + got + " instead of " + want);
                    return problems;
                }
            }
        }
        return problems;
    }

    private static String describe(ColumnInfo column) {
        return column.name() + " " + column.type() + "(" + column.precision() + "," + column.scale() + ")";
    }

    /** The relative tolerance for a column: 0 (exact) except for double and float. */
    private static double tolerance(ColumnInfo column) {
        return switch (column.type().toLowerCase(Locale.ROOT)) {
            case "double" -> DOUBLE_TOLERANCE;
            case "float", "real" -> FLOAT_TOLERANCE;
            default -> 0;
        };
    }

    private static boolean sameCell(String expected, String actual, double tolerance) {
        if (Objects.equals(expected, actual)) {
            return true;
        }
        if (tolerance == 0 || expected == null || actual == null) {
            return false;
        }
        double want = Double.parseDouble(expected);
        double got = Double.parseDouble(actual);
        return Math.abs(want - got) <= tolerance * Math.max(Math.abs(want), Math.abs(got));
    }

    /** Exact columns first (as text, NULL first), then approximate ones numerically. */
    private static Comparator<List<String>> rowOrder(double[] tolerances) {
        Comparator<List<String>> order = (a, b) -> 0;
        for (int column = 0; column < tolerances.length; column++) {
            int index = column;
            if (tolerances[column] == 0) {
                order = order.thenComparing(row -> row.get(index), Comparator.nullsFirst(Comparator.naturalOrder()));
            }
        }
        for (int column = 0; column < tolerances.length; column++) {
            int index = column;
            if (tolerances[column] != 0) {
                order = order.thenComparing(row -> row.get(index) == null ? null
                        : Double.valueOf(row.get(index)), Comparator.nullsFirst(Comparator.naturalOrder()));
            }
        }
        return order;
    }

    private static String head(List<List<String>> rows) {
        return rows.size() <= 5 ? rows.toString() : rows.subList(0, 5) + "...";
    }
}
