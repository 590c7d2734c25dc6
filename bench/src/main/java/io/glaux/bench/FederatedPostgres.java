package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.QueryResults;
import io.glaux.connectors.jdbc.JdbcConnectorFactory;
import io.glaux.connectors.jdbc.PostgresServer;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A federated scan and a federated join of PostgreSQL tables through Glaux's JDBC connector, next to the same query
 * run directly in PostgreSQL, in one run on one machine.
 *
 * <p>Starts a throw-away PostgreSQL cluster (the one the tests use; PostgreSQL's binaries must be installed),
 * generates {@code orders} ({@code --rows}, default 1,000,000) and {@code customers} ({@code --rows} / 10) with
 * {@code generate_series}, registers the database with an embedded Glaux as the FEDERATED catalog {@code pg}, then
 * times each query {@code --runs} times after {@code --warmups}, alternating Glaux and PostgreSQL so both see the
 * same machine load. Both answers must agree or the harness fails. Glaux's time is the Athena query path end to end
 * (planning, the connector's SELECT, streaming every row the query needs, the result object); PostgreSQL's is the
 * statement over JDBC with the result read.
 *
 * <pre>
 * FederatedPostgres [--rows 1000000] [--runs 5] [--warmups 1]
 * </pre>
 */
public final class FederatedPostgres {

    private record Query(String name, String glaux, String postgres) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query("scan: 1 table, every row read",
                    "SELECT count(*), sum(amount), max(customer_id) FROM pg.public.orders",
                    "SELECT count(*), sum(amount), max(customer_id) FROM orders"),
            new Query("scan: filter pushed down",
                    "SELECT status, count(*), sum(amount) FROM pg.public.orders"
                            + " WHERE order_date >= DATE '2024-07-01' GROUP BY status ORDER BY status",
                    "SELECT status, count(*), sum(amount) FROM orders"
                            + " WHERE order_date >= DATE '2024-07-01' GROUP BY status ORDER BY status"),
            new Query("join: orders ⋈ customers",
                    "SELECT c.region, count(*), sum(o.amount) FROM pg.public.orders o"
                            + " JOIN pg.public.customers c ON o.customer_id = c.id GROUP BY c.region ORDER BY c.region",
                    "SELECT c.region, count(*), sum(o.amount) FROM orders o"
                            + " JOIN customers c ON o.customer_id = c.id GROUP BY c.region ORDER BY c.region"),
            new Query("top-N pushed down",
                    "SELECT id, amount FROM pg.public.orders ORDER BY amount DESC, id LIMIT 10",
                    "SELECT id, amount FROM orders ORDER BY amount DESC, id LIMIT 10"));

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int runs = 5;
        int warmups = 1;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--warmups" -> warmups = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Path data = Files.createTempDirectory("glaux-federated-bench");
        try (PostgresServer postgres = PostgresServer.start()) {
            String database = "bench";
            postgres.recreateDatabase(database);
            long customers = Math.max(1, rows / 10);
            long loading = System.nanoTime();
            postgres.execute(database,
                    "CREATE TABLE customers (id bigint PRIMARY KEY, name text, region text)",
                    "INSERT INTO customers SELECT g, 'customer ' || g, (ARRAY['eu','us','ap','sa'])[1 + g % 4]"
                            + " FROM generate_series(1::bigint, " + customers + ") g",
                    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, amount numeric(10,2),"
                            + " status text, order_date date)",
                    "INSERT INTO orders SELECT g, 1 + (g * 7919) % " + customers + ", ((g * 104729) % 100000) / 100.0,"
                            + " (ARRAY['placed','shipped','returned'])[1 + g % 3],"
                            + " DATE '2024-01-01' + (g % 366)::int FROM generate_series(1::bigint, " + rows + ") g",
                    "ANALYZE");
            System.out.printf(Locale.ROOT, "PostgreSQL: %,d orders, %,d customers generated in %.1f s%n", rows,
                    customers, (System.nanoTime() - loading) / 1e9);
            try (Glaux glaux = Glaux.builder().dataFolder(data).connectorFactory(new JdbcConnectorFactory(
                    Map.of("pg", postgres.connectionString(database)))).build();
                 Connection direct = postgres.connect(database)) {
                glaux.dataCatalogs().create("pg", DataCatalogType.FEDERATED, null,
                        Map.of(DataCatalogParameters.CONNECTION_TYPE, JdbcConnectorFactory.CONNECTION_TYPE), Map.of());
                System.out.printf(Locale.ROOT, "%d runs after %d warm-ups, medians in ms%n%n", runs, warmups);
                System.out.println("| query | Glaux (federated) | PostgreSQL (direct) | ratio |");
                System.out.println("|---|---|---|---|");
                for (Query query : QUERIES) {
                    List<Double> glauxTimes = new ArrayList<>();
                    List<Double> postgresTimes = new ArrayList<>();
                    for (int run = 0; run < warmups + runs; run++) {
                        long start = System.nanoTime();
                        List<List<String>> viaGlaux = glaux(glaux, query.glaux());
                        double glauxMs = (System.nanoTime() - start) / 1e6;
                        start = System.nanoTime();
                        List<List<String>> viaPostgres = postgres(direct, query.postgres());
                        double postgresMs = (System.nanoTime() - start) / 1e6;
                        if (!normalise(viaGlaux).equals(normalise(viaPostgres))) {
                            throw new AssertionError(query.name() + ": Glaux answered " + viaGlaux
                                    + ", PostgreSQL " + viaPostgres);
                        }
                        if (run >= warmups) {
                            glauxTimes.add(glauxMs);
                            postgresTimes.add(postgresMs);
                        }
                    }
                    double g = DashboardRender.percentile(glauxTimes, 0.5);
                    double p = DashboardRender.percentile(postgresTimes, 0.5);
                    System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f× |%n", query.name(), g, p, g / p);
                }
            }
        } finally {
            SideBySide.deleteTree(data);
        }
    }

    private static List<List<String>> glaux(Glaux glaux, String sql) throws Exception {
        QueryExecution done = glaux.execute(sql);
        if (done.state() != QueryState.SUCCEEDED) {
            throw new AssertionError(sql + " ended " + done.state() + ": " + done.status().stateChangeReason());
        }
        QueryResults results = glaux.results(done.queryExecutionId());
        return results.rows();
    }

    private static List<List<String>> postgres(Connection connection, String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Numbers compared by value (12.50 and 12.5 agree), everything else as text. */
    private static List<List<String>> normalise(List<List<String>> rows) {
        List<List<String>> normalised = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> values = new ArrayList<>();
            for (String value : row) {
                try {
                    values.add(value == null ? null : new BigDecimal(value).stripTrailingZeros().toPlainString());
                } catch (NumberFormatException text) {
                    values.add(value);
                }
            }
            normalised.add(values);
        }
        return normalised;
    }
}
