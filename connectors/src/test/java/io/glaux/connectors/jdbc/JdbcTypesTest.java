package io.glaux.connectors.jdbc;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values of every mapped PostgreSQL type come through a Glaux query as Athena shows them, and a filter on each type
 * finds the rows it should, whatever the database keeps beyond Athena's precision.
 */
@Tag("postgres")
class JdbcTypesTest {

    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension("glaux_types");

    private static final List<String> COLUMNS = List.of("id", "c_smallint", "c_int", "c_bigint", "c_real",
            "c_double", "c_numeric", "c_numeric_any", "c_numeric_wide", "c_bool", "c_varchar", "c_text", "c_char",
            "c_date", "c_timestamp", "c_timestamptz", "c_bytea", "c_int_array", "c_text_array", "c_numeric_array",
            "c_json", "c_uuid", "c_time", "c_interval", "c_enum", "c_money", "c_bit", "c_bits", "c_date_array",
            "c_timestamptz_array");

    @TempDir
    Path folder;

    private GlauxFixture fixture;

    @BeforeAll
    static void data() {
        PG.execute(
                "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE TABLE all_types (id integer, c_smallint smallint, c_int integer, c_bigint bigint,"
                        + " c_real real, c_double double precision, c_numeric numeric(10,2), c_numeric_any numeric,"
                        + " c_numeric_wide numeric(50,5), c_bool boolean, c_varchar varchar(10), c_text text,"
                        + " c_char char(3), c_date date, c_timestamp timestamp, c_timestamptz timestamptz,"
                        + " c_bytea bytea, c_int_array integer[], c_text_array text[],"
                        + " c_numeric_array numeric(5,1)[], c_json json, c_uuid uuid, c_time time,"
                        + " c_interval interval, c_enum mood, c_money money, c_bit bit(1), c_bits bit(3),"
                        + " c_date_array date[], c_timestamptz_array timestamptz[])",
                "INSERT INTO all_types VALUES (1, 32767, 2147483647, 9223372036854775807, 1.1, 2.25,"
                        + " 12345678.91, 2.5, 1234.567891, true, 'héllo', 'it''s', 'ab', '2024-02-29',"
                        + " '2024-02-29 13:14:15.123456', '2024-02-29 13:14:15.9999+02', '\\xdeadbeef',"
                        + " '{1,NULL,3}', '{a,\"b c\"}', '{1.5,2.0}', '{\"a\": 1}',"
                        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '10:11:12', '1 day 2 hours', 'ok', 12.34,"
                        + " B'1', B'101', '{2024-01-01,NULL}', '{2024-01-01 00:00:00+00}')",
                "INSERT INTO all_types (id) VALUES (2)",
                "INSERT INTO all_types (id, c_smallint, c_int, c_bigint, c_real, c_double, c_numeric,"
                        + " c_numeric_any, c_bool, c_date, c_timestamp, c_timestamptz, c_enum, c_bit, c_char)"
                        + " VALUES (3, -32768, -2147483648, -9223372036854775808, -0.5, -1e300, -0.01, -2.5, false,"
                        + " '1969-12-31', '1969-12-31 23:59:59.9995', '1970-01-01 00:59:59.0001+01', 'happy', B'0',"
                        + " ' x ')");
    }

    @BeforeEach
    void start() throws Exception {
        fixture = PG.glaux(folder, "pg");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private Map<String, String> row(int id) {
        List<List<String>> rows = fixture.rows("SELECT " + String.join(", ", COLUMNS)
                + " FROM pg.public.all_types WHERE id = " + id);
        assertThat(rows).hasSize(1);
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            named.put(COLUMNS.get(i), rows.get(0).get(i));
        }
        return named;
    }

    @Test
    void everyMappedTypeReadsAsAthenaShowsIt() {
        Map<String, String> row = row(1);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "1");
        expected.put("c_smallint", "32767");
        expected.put("c_int", "2147483647");
        expected.put("c_bigint", "9223372036854775807");
        expected.put("c_real", "1.1");
        expected.put("c_double", "2.25");
        expected.put("c_numeric", "12345678.91");
        expected.put("c_numeric_any", "3");
        expected.put("c_numeric_wide", "1234.56789");
        expected.put("c_bool", "true");
        expected.put("c_varchar", "héllo");
        expected.put("c_text", "it's");
        expected.put("c_char", "ab");
        expected.put("c_date", "2024-02-29");
        expected.put("c_timestamp", "2024-02-29 13:14:15.123");
        expected.put("c_timestamptz", "2024-02-29 11:14:15.999");
        expected.put("c_bytea", "de ad be ef");
        expected.put("c_int_array", "[1, null, 3]");
        expected.put("c_text_array", "[a, b c]");
        expected.put("c_numeric_array", "[1.5, 2.0]");
        expected.put("c_json", "{\"a\": 1}");
        expected.put("c_uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        expected.put("c_time", "10:11:12");
        expected.put("c_interval", "1 day 02:00:00");
        expected.put("c_enum", "ok");
        expected.put("c_money", "12.34");
        expected.put("c_bit", "true");
        expected.put("c_bits", "101");
        expected.put("c_date_array", "[2024-01-01, null]");
        expected.put("c_timestamptz_array", "[2024-01-01 00:00:00+00]");
        assertThat(row).containsExactlyEntriesOf(expected);
    }

    @Test
    void nullsOfEveryTypeReadAsNull() {
        Map<String, String> row = row(2);

        List<String> notNull = new ArrayList<>();
        row.forEach((column, value) -> {
            if (value != null) {
                notNull.add(column);
            }
        });
        assertThat(notNull).containsExactly("id");
    }

    @Test
    void extremesNegativesAndTimesBefore1970ReadExactly() {
        Map<String, String> row = row(3);

        assertThat(row).containsEntry("c_smallint", "-32768").containsEntry("c_int", "-2147483648")
                .containsEntry("c_bigint", "-9223372036854775808").containsEntry("c_real", "-0.5")
                .containsEntry("c_double", "-1.0E300").containsEntry("c_numeric", "-0.01")
                .containsEntry("c_numeric_any", "-3").containsEntry("c_bool", "false")
                .containsEntry("c_date", "1969-12-31")
                // cut to the millisecond toward the past, as Athena does
                .containsEntry("c_timestamp", "1969-12-31 23:59:59.999")
                .containsEntry("c_timestamptz", "1969-12-31 23:59:59.000")
                .containsEntry("c_bit", "false").containsEntry("c_char", " x");
    }

    private List<String> ids(String where) {
        return fixture.rows("SELECT id FROM pg.public.all_types WHERE " + where + " ORDER BY id").stream()
                .map(r -> r.get(0)).toList();
    }

    @Test
    void aFilterOnEachTypeFindsTheRowsAthenaWould() {
        assertThat(ids("c_smallint = 32767")).containsExactly("1");
        assertThat(ids("c_int < 0")).containsExactly("3");
        assertThat(ids("c_bigint = 9223372036854775807")).containsExactly("1");
        assertThat(ids("c_real = CAST(1.1 AS real)")).containsExactly("1");
        assertThat(ids("c_double > 2")).containsExactly("1");
        assertThat(ids("c_numeric = 12345678.91")).containsExactly("1");
        // compared as Glaux sees it: 2.5 rounded to 3, -2.5 to -3
        assertThat(ids("c_numeric_any = 3")).containsExactly("1");
        assertThat(ids("c_numeric_any < -2")).containsExactly("3");
        assertThat(ids("c_bool")).containsExactly("1");
        assertThat(ids("NOT c_bool")).containsExactly("3");
        assertThat(ids("c_varchar = 'héllo'")).containsExactly("1");
        assertThat(ids("c_char = 'ab'")).containsExactly("1");
        assertThat(ids("c_char = ' x'")).containsExactly("3");
        assertThat(ids("c_date < DATE '1970-01-01'")).containsExactly("3");
        assertThat(ids("c_timestamp = TIMESTAMP '2024-02-29 13:14:15.123'")).containsExactly("1");
        assertThat(ids("c_timestamp > TIMESTAMP '2024-02-29 13:14:15.123'")).isEmpty();
        assertThat(ids("c_timestamp <= TIMESTAMP '1969-12-31 23:59:59.999'")).containsExactly("3");
        assertThat(ids("c_timestamptz = TIMESTAMP '2024-02-29 11:14:15.999'")).containsExactly("1");
        assertThat(ids("c_timestamptz < TIMESTAMP '1970-01-01 00:00:00'")).containsExactly("3");
        // an enum compares as its text (Athena sees a varchar), not in the enum's declared order
        assertThat(ids("c_enum > 'happy'")).containsExactly("1");
        assertThat(ids("c_uuid = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'")).containsExactly("1");
        assertThat(ids("c_money > 12")).containsExactly("1");
        assertThat(ids("c_bit")).containsExactly("1");
        assertThat(ids("c_json = '{\"a\": 1}'")).containsExactly("1");
    }
}
