package io.glaux.sql.plan;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JoinRowCountsTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    private void tables() {
        FactsAndDims.create(g, 2000, 20, 20);
    }

    private List<Long> estimates(String sql) {
        return PlanEstimates.of(g, sql);
    }

    /** A fact table joined to its dimension on the key: as many rows as the fact table, not a product. */
    @Test
    void anEquiJoinIsEstimatedAtItsLargerInput() {
        tables();
        long facts = estimates("SELECT amount FROM facts").get(0);
        long dims = estimates("SELECT name FROM dims").get(0);
        assertThat(facts).isGreaterThan(dims * 10);
        assertThat(estimates("SELECT f.amount, d.name FROM facts f JOIN dims d ON f.dim = d.id").get(0))
                .isEqualTo(facts);
        // A condition beside the equality keeps Calcite's guess for it; a join without an equality keeps Calcite's.
        assertThat(estimates("SELECT f.amount FROM facts f JOIN dims d ON f.dim = d.id AND f.amount > d.id").get(0))
                .isLessThan(facts);
        assertThat(estimates("SELECT f.amount FROM facts f JOIN dims d ON f.amount > d.id").get(0))
                .isGreaterThan(facts);
    }

    /** Four dimension joins on the fact table's keys stay at the fact table's size at every step. */
    @Test
    void aStarJoinIsEstimatedAtTheFactTablesSize() {
        tables();
        long facts = estimates("SELECT amount FROM facts").get(0);
        String star = "SELECT f.amount, d.name FROM facts f JOIN dims d ON f.dim = d.id JOIN dims e ON e.id = f.dim"
                + " JOIN dims x ON x.id = e.id JOIN facts y ON y.id = f.id";
        assertThat(estimates(star)).allMatch(rows -> rows <= facts);
        assertThat(g.rows("SELECT count(*) FROM (" + star + ")")).containsExactly(List.of("2000"));
    }

    /**
     * Over Parquet the footers bound each key's distinct values: a join on a key stays at the other side's rows, a
     * join on a column of 20 values is the product divided by 20.
     */
    @Test
    void parquetKeyRangesTellAKeyJoinFromAManyToManyJoin() {
        tables();
        FactsAndDims.parquetCopies(g);
        assertThat(estimates("SELECT amount FROM pfacts").get(0)).isEqualTo(2000L);
        assertThat(estimates("SELECT f.amount, d.name FROM pfacts f JOIN pdims d ON f.dim = d.id").get(0))
                .isEqualTo(2000L);
        assertThat(estimates("SELECT f.amount FROM pfacts f JOIN pfacts g ON f.dim = g.dim").get(0))
                .isEqualTo(2000L * 2000 / 20);
        assertThat(g.rows("SELECT count(*) FROM pfacts f JOIN pfacts g ON f.dim = g.dim"))
                .containsExactly(List.of(String.valueOf(2000L * 2000 / 20)));
    }

    /**
     * A side that was joined on a table's key inside holds each key value as many times as it met it: joined on that
     * key again, it is no lookup (each fact meets the 100 facts of its dimension: 2,000 × 2,000 / 20 rows, not 2,000).
     * TPC-H Q5 over text joined the customers of a region's nations to the suppliers on the nation key, estimated
     * as a lookup of the suppliers, and ran for minutes.
     */
    @Test
    void aSideJoinedOnItsKeyIsNoLookupOnThatKey() {
        tables();
        FactsAndDims.parquetCopies(g);
        String sql = "SELECT f.amount FROM pfacts f JOIN pdims d ON f.dim = d.id JOIN pfacts g ON g.dim = d.id";
        assertThat(estimates(sql).get(0)).isEqualTo(2000L * 2000 / 20);
        assertThat(g.rows("SELECT count(*) FROM (" + sql + ")"))
                .containsExactly(List.of(String.valueOf(2000L * 2000 / 20)));
    }

    /**
     * Over text the first rows of each table are sampled: a join on a column of 20 repeated values is the product
     * divided by 20, not the larger input as for a key.
     */
    @Test
    void textSamplesTellAKeyJoinFromAManyToManyJoin() {
        tables();
        assertThat(estimates("SELECT f.amount, d.name FROM facts f JOIN dims d ON f.dim = d.id").get(0))
                .isEqualTo(2000L);
        assertThat(estimates("SELECT f.amount FROM facts f JOIN facts g ON f.dim = g.dim").get(0))
                .isEqualTo(2000L * 2000 / 20);
    }

    /**
     * TPC-H's lineitem and orders, and lineitem and partsupp: the foreign key columns' value ranges make them look as
     * distinct as their rows (sparse order keys; pairs of part and supplier keys, guessed as the product of each
     * column's distinct values). The join with the smaller table's key keeps the other side's rows, and a filter of
     * the key side keeps its share of them.
     */
    @Test
    void aJoinOnTheSmallerTablesKeyKeepsTheOtherSidesRows() {
        g.script("""
                CREATE TABLE orders WITH (format = 'PARQUET', external_location = 's3://lake/orders/') AS
                  SELECT i * 4 AS okey, i % 10 AS status FROM UNNEST(sequence(0, 499)) AS t (i);
                CREATE TABLE pairs WITH (format = 'PARQUET', external_location = 's3://lake/pairs/') AS
                  SELECT i % 100 AS p, (i % 100 + i / 100) % 20 AS s FROM UNNEST(sequence(0, 399)) AS t (i);
                CREATE TABLE items WITH (format = 'PARQUET', external_location = 's3://lake/items/') AS
                  SELECT (i / 4) * 4 AS okey, i % 400 % 100 AS p, (i % 400 % 100 + i % 400 / 100) % 20 AS s
                  FROM UNNEST(sequence(0, 1999)) AS t (i);
                """);
        assertThat(g.rows("SELECT count(*) FROM (SELECT DISTINCT p, s FROM items)")).containsExactly(List.of("400"));
        assertThat(estimates("SELECT i.p FROM items i JOIN orders o ON i.okey = o.okey").get(0)).isEqualTo(2000L);
        assertThat(estimates("SELECT i.okey FROM items i JOIN pairs x ON i.p = x.p AND i.s = x.s").get(0))
                .isEqualTo(2000L);
        long filtered = estimates("SELECT i.p FROM items i JOIN orders o ON i.okey = o.okey WHERE o.status = 3")
                .get(0);
        assertThat(filtered).isBetween(100L, 400L);
        assertThat(g.rows("SELECT count(*) FROM items i JOIN pairs x ON i.p = x.p AND i.s = x.s"))
                .containsExactly(List.of("2000"));
    }
}
