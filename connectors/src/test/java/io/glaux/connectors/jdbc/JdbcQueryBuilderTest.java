package io.glaux.connectors.jdbc;

import io.glaux.connector.ConnectorTable;
import io.glaux.connector.ConnectorValues;
import io.glaux.connector.Constraint;
import io.glaux.connector.Domain;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SchemaTableName;
import io.glaux.connector.SortItem;
import io.glaux.connector.ValueSet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL a scan request becomes: each part of the constraint said exactly, or checked by the connector. */
class JdbcQueryBuilderTest {

    private static final SchemaTableName TABLE = new SchemaTableName("Sales", "Orders");
    private static final Map<String, SourceColumn> COLUMNS = new LinkedHashMap<>();

    static {
        add(PostgresTypes.column("Id", Types.BIGINT, "int8", 19, 0, 0));
        add(PostgresTypes.column("name", Types.VARCHAR, "text", Integer.MAX_VALUE, 0, 0));
        add(PostgresTypes.column("price", Types.REAL, "float4", 8, 8, 0));
        add(PostgresTypes.column("total", Types.NUMERIC, "numeric", 0, 0, 0));
        add(PostgresTypes.column("at", Types.TIMESTAMP, "timestamptz", 35, 6, 0));
        add(PostgresTypes.column("tags", Types.ARRAY, "_text", Integer.MAX_VALUE, 0, 0));
    }

    private static void add(SourceColumn column) {
        COLUMNS.put(column.name(), column);
    }

    private static final ConnectorTable CONNECTOR_TABLE = new ConnectorTable(TABLE,
            COLUMNS.values().stream().map(SourceColumn::column).toList());

    private static PostgresQuery build(ServerEncoding encoding, List<String> columns, Map<String, Domain> domains,
                                       OptionalLong limit, List<SortItem> order) {
        return new PostgresQueryBuilder(COLUMNS, encoding).build(TABLE,
                new ScanRequest(CONNECTOR_TABLE, columns, new Constraint(domains), limit, order, "q-1"), "glaux:q-1");
    }

    private static PostgresQuery build(List<String> columns, Map<String, Domain> domains) {
        return build(ServerEncoding.UTF8, columns, domains, OptionalLong.empty(), List.of());
    }

    private static List<Object> values(PostgresQuery query) {
        return query.parameters().stream().map(PostgresQuery.Parameter::value).toList();
    }

    private static Domain ranges(boolean nullAllowed, ValueSet.Range... ranges) {
        return new Domain(ValueSet.SortedRanges.of(List.of(ranges)), nullAllowed);
    }

    @Test
    void onlyTheProjectedColumnsAreSelectedUnderTheirQuotedNames() {
        PostgresQuery query = build(List.of("name", "id"), Map.of());

        assertThat(query.sql()).isEqualTo("/* glaux:q-1 */ SELECT \"name\", \"Id\" FROM \"Sales\".\"Orders\"");
        assertThat(query.output()).containsExactly(0, 1);
        assertThat(query.parameters()).isEmpty();
        assertThat(query.residual()).isEmpty();
    }

    @Test
    void noColumnsSelectsAConstant() {
        assertThat(build(List.of(), Map.of()).sql()).isEqualTo("/* glaux:q-1 */ SELECT 1 FROM \"Sales\".\"Orders\"");
    }

    @Test
    void rangesAndValueListsBecomeComparisonsWithBindParameters() {
        Map<String, Domain> domains = new LinkedHashMap<>();
        domains.put("id", ranges(false, ValueSet.Range.greaterThan(2L, false), ValueSet.Range.equal(-1L),
                ValueSet.Range.equal(-5L)));
        domains.put("name", new Domain(ValueSet.ofValues(List.of("eu", "us")), false));

        PostgresQuery query = build(List.of("id"), domains);

        assertThat(query.sql()).endsWith(" WHERE (\"Id\" IN (?, ?) OR \"Id\" > ?) AND (\"name\" IN (?, ?))");
        assertThat(values(query)).containsExactly(-5L, -1L, 2L, "eu", "us");
        assertThat(query.selected()).extracting(SourceColumn::name).containsExactly("id");
    }

    @Test
    void excludedValuesBecomeNotInAndNullsAreSaidExplicitly() {
        Map<String, Domain> domains = new LinkedHashMap<>();
        domains.put("id", new Domain(ValueSet.excluding(List.of(3L, 4L)), true));
        domains.put("name", Domain.notNull());
        domains.put("total", Domain.onlyNull());

        assertThat(build(List.of("id"), domains).sql()).endsWith(" WHERE (\"Id\" NOT IN (?, ?) OR \"Id\" IS NULL)"
                + " AND \"name\" IS NOT NULL AND CAST(\"total\" AS numeric(38,0)) IS NULL");
    }

    @Test
    void stringRangesCompareInTheCCollationAndBoundsBeyondU_D800ThroughTheUtf16Rewrite() {
        PostgresQuery plain = build(List.of("id"), Map.of("name", ranges(false,
                new ValueSet.Range(new ValueSet.Bound("b", true), new ValueSet.Bound("k", false)))));
        assertThat(plain.sql()).endsWith(" WHERE ((\"name\" COLLATE \"C\" >= ? AND \"name\" COLLATE \"C\" < ?))");

        PostgresQuery high = build(List.of("id"), Map.of("name", ranges(false,
                ValueSet.Range.greaterThan("\uFF21", true))));
        assertThat(high.sql()).contains("regexp_replace(\"name\" COLLATE \"C\", U&'([!E000-!FFFF])' UESCAPE '!',"
                + " U&'!+10FFFF\\1' UESCAPE '!', 'g') COLLATE \"C\" >= ?");
        assertThat(values(high)).containsExactly(new String(Character.toChars(0x10FFFF)) + "\uFF21");
    }

    @Test
    void stringsAServerEncodingCannotCompareAreCheckedByTheConnector() {
        PostgresQuery query = build(ServerEncoding.LATIN1, List.of("id"), Map.of("name",
                new Domain(ValueSet.ofValues(List.of("€")), false)), OptionalLong.of(5), List.of());

        assertThat(query.sql()).doesNotContain("WHERE").doesNotContain("LIMIT");
        assertThat(query.selected()).extracting(SourceColumn::name).containsExactly("id", "name");
        assertThat(query.residual()).containsExactly(new PostgresQuery.Residual(1,
                new Domain(ValueSet.ofValues(List.of("€")), false)));
        assertThat(query.rowLimit()).hasValue(5);
    }

    @Test
    void aRealIsComparedAsARealAndADecimalFractionAgainstAWholeNumberColumnIsLeftToTheConnector() {
        assertThat(build(List.of("id"), Map.of("price", Domain.singleValue(1.1f))).sql())
                .endsWith(" WHERE (\"price\" = CAST(? AS float4))");

        PostgresQuery fraction = build(List.of("id"), Map.of("id", Domain.singleValue(new BigDecimal("2.5"))));
        assertThat(fraction.sql()).doesNotContain("WHERE");
        assertThat(fraction.residual()).hasSize(1);
    }

    @Test
    void timestampBoundsMoveByAMillisecondSoTheColumnNeedsNoCutting() {
        long noon = ConnectorValues.timestamp(LocalDateTime.of(2024, 5, 1, 12, 0));
        Map<String, Domain> domains = Map.of("at", ranges(false, ValueSet.Range.equal(noon),
                new ValueSet.Range(new ValueSet.Bound(noon + 10, false), new ValueSet.Bound(noon + 20, true))));

        PostgresQuery query = build(List.of("id"), domains);

        assertThat(query.sql()).endsWith(" WHERE ((\"at\" >= ? AND \"at\" < ?) OR (\"at\" >= ? AND \"at\" < ?))");
        assertThat(values(query)).containsExactly(noon, noon + 1, noon + 11, noon + 21);
        assertThat(query.parameters()).extracting(PostgresQuery.Parameter::type)
                .containsOnly(SourceColumn.Read.TIMESTAMP_TZ);
    }

    @Test
    void aLimitAndATopNGoIntoTheSqlWhenTheWhereClauseSaysEverything() {
        PostgresQuery limited = build(ServerEncoding.UTF8, List.of("id"), Map.of("id",
                ranges(false, ValueSet.Range.greaterThan(1L, false))), OptionalLong.of(2), List.of());
        assertThat(limited.sql()).endsWith(" WHERE (\"Id\" > ?) LIMIT 2");
        assertThat(limited.rowLimit()).isEmpty();

        PostgresQuery top = build(ServerEncoding.UTF8, List.of("id", "name"), Map.of(), OptionalLong.of(3),
                List.of(new SortItem("total", false, true), new SortItem("name", true, false)));
        assertThat(top.sql()).endsWith(" ORDER BY CAST(\"total\" AS numeric(38,0)) DESC NULLS FIRST,"
                + " regexp_replace(\"name\" COLLATE \"C\", U&'([!E000-!FFFF])' UESCAPE '!', U&'!+10FFFF\\1' UESCAPE"
                + " '!', 'g') COLLATE \"C\" ASC NULLS LAST LIMIT 3");
    }

    @Test
    void anOrderTheDatabaseCannotFollowSendsNoLimit() {
        PostgresQuery byArray = build(ServerEncoding.UTF8, List.of("id"), Map.of(), OptionalLong.of(3),
                List.of(new SortItem("tags", true, false)));
        assertThat(byArray.sql()).doesNotContain("ORDER BY").doesNotContain("LIMIT");
        assertThat(byArray.rowLimit()).isEmpty();

        PostgresQuery byNameInLatin9 = build(ServerEncoding.OTHER, List.of("id"), Map.of(), OptionalLong.of(3),
                List.of(new SortItem("name", true, false)));
        assertThat(byNameInLatin9.sql()).doesNotContain("LIMIT");
    }

    @Test
    void theUtf16RewriteOrdersAsJavaDoes() {
        String emoji = new String(Character.toChars(0x1F600));
        String fullwidth = "\uFF21";
        assertThat(emoji.compareTo(fullwidth)).isNegative();
        // UTF-8 (code point) order puts them the other way round; after the rewrite it agrees with Java.
        assertThat(emoji.codePointAt(0)).isGreaterThan(fullwidth.codePointAt(0));
        assertThat(PostgresQueryBuilder.utf16Order(emoji).codePointAt(0))
                .isLessThan(PostgresQueryBuilder.utf16Order(fullwidth).codePointAt(0));
    }
}
