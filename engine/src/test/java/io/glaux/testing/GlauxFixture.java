package io.glaux.testing;

import io.glaux.Glaux;
import io.glaux.QueryResults;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.sql.QueryContext;
import io.glaux.storage.S3StoreConfig;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A Glaux over a temporary data folder (and optionally an S3 endpoint) with helpers for tests. Either opened by the
 * test ({@link #local}, closed by it), or one per test method as a JUnit extension ({@link #perTest()}, {@link
 * #perTestWithTable}): {@code @RegisterExtension final GlauxFixture g = GlauxFixture.perTest();} opens a Glaux over a
 * new folder before each test and closes it and deletes the folder after.
 */
public final class GlauxFixture implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    /** What a per-test fixture sets up in each new Glaux. */
    private final Consumer<GlauxFixture> setup;
    /** How a per-test fixture configures each new Glaux beyond its data folder. */
    private final UnaryOperator<Glaux.Builder> options;
    private Glaux glaux;
    private Path folder;

    private GlauxFixture(Glaux glaux) {
        this.glaux = glaux;
        this.setup = null;
        this.options = null;
    }

    private GlauxFixture(Consumer<GlauxFixture> setup, UnaryOperator<Glaux.Builder> options) {
        this.setup = setup;
        this.options = options;
    }

    /** A fresh embedded Glaux for every test method of the class that registers it. */
    public static GlauxFixture perTest() {
        return perTest(builder -> builder);
    }

    /** {@link #perTest()} with {@code options} applied to each Glaux's builder (e.g. to run live queries row by row). */
    public static GlauxFixture perTest(UnaryOperator<Glaux.Builder> options) {
        return new GlauxFixture(fixture -> { }, options);
    }

    /** {@link #perTest()} with the table {@code t} of {@link #localWithTable}. */
    public static GlauxFixture perTestWithTable(String columns, String rows) {
        return new GlauxFixture(fixture -> fixture.createTable(columns, rows), builder -> builder);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("glaux-test");
        glaux = options.apply(Glaux.builder().dataFolder(folder)).build();
        setup.accept(this);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            glaux.close();
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    public static GlauxFixture local(Path dataFolder) throws IOException {
        return new GlauxFixture(Glaux.builder().dataFolder(dataFolder).build());
    }

    /**
     * An embedded Glaux whose default database has the CSV table {@code t} ({@code columns}, e.g.
     * {@code id int, name string}) over {@code s3://lake/t/} holding {@code rows}.
     */
    public static GlauxFixture localWithTable(Path dataFolder, String columns, String rows) throws IOException {
        GlauxFixture fixture = local(dataFolder);
        fixture.createTable(columns, rows);
        return fixture;
    }

    private void createTable(String columns, String rows) {
        put("lake", "t/a.csv", rows);
        script("CREATE EXTERNAL TABLE t (" + columns + ") ROW FORMAT DELIMITED FIELDS TERMINATED BY ','"
                + " LOCATION 's3://lake/t/'");
    }

    /** The error planning {@code sql} raises (null when it plans). */
    public io.glaux.error.GlauxException planningError(String sql) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(() -> glaux.planner().prepare(sql,
                io.glaux.sql.QueryContext.DEFAULT, List.of()), io.glaux.error.GlauxException.class);
    }

    public static GlauxFixture s3(Path dataFolder, S3StoreConfig config) throws IOException {
        return new GlauxFixture(Glaux.builder().dataFolder(dataFolder).s3(config).build());
    }

    public Glaux glaux() {
        return glaux;
    }

    /** Puts a text object, creating the bucket if needed. */
    public void put(String bucket, String key, String content) {
        put(bucket, key, content.getBytes(StandardCharsets.UTF_8));
    }

    public void put(String bucket, String key, byte[] content) {
        try {
            glaux.store().createBucket(bucket);
            glaux.store().put(bucket, key, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a statement in database {@code db} and returns its finished execution, whatever its state. */
    public QueryExecution run(String db, String sql) {
        return glaux.execute(QueryRequest.of(sql).withContext(new QueryContext(null, db)));
    }

    public QueryExecution run(String sql) {
        return run("default", sql);
    }

    /** Runs a statement that must succeed, and returns what it wrote. */
    public QueryResults query(String db, String sql) {
        QueryExecution done = run(db, sql);
        if (done.state() != QueryState.SUCCEEDED) {
            throw new AssertionError(sql + " ended " + done.state() + ": " + done.status().stateChangeReason());
        }
        try {
            return glaux.results(done.queryExecutionId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public QueryResults query(String sql) {
        return query("default", sql);
    }

    /** The rows of a query, each as a list of texts (null for NULL). */
    public List<List<String>> rows(String sql) {
        return query(sql).rows();
    }

    /** Runs a script of statements that must all succeed. */
    public void script(String script) {
        for (String statement : io.glaux.sql.parse.StatementSplitter.split(script)) {
            query(statement);
        }
    }

    @Override
    public void close() throws IOException {
        glaux.close();
    }
}
