package io.glaux.exec;

import io.glaux.QueryResults;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** timestamp with time zone in Athena's results, and written to tables as its instant. */
class ZonedTimestampResultsTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    @Test
    void resultsPrintTheZoneAndTypeTheColumnAsTrino() {
        QueryResults results = g.query("SELECT from_unixtime(1000000000, 'Asia/Tokyo') AS z,"
                + " TIMESTAMP '2001-08-22 03:04:05.321 Europe/Paris' AS p");
        assertThat(results.rows()).containsExactly(
                List.of("2001-09-09 10:46:40.000 Asia/Tokyo", "2001-08-22 03:04:05.321 Europe/Paris"));
        assertThat(results.columns().get(0).type()).isEqualTo("timestamp with time zone");
    }

    @Test
    void timeWithTimeZonePrintsItsOffsetAsTrino() {
        // Trino's SqlTimeWithTimeZone: the wall clock, then the offset as +hh:mm with no space.
        QueryResults results = g.query("SELECT TIME '10:00:00.123 +02:00' AS t, current_time AS c");
        assertThat(results.rows().get(0).get(0)).isEqualTo("10:00:00.123+02:00");
        assertThat(results.rows().get(0).get(1)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
        assertThat(results.columns().get(0).type()).isEqualTo("time with time zone");
    }

    @Test
    void aTableStoresAZonedValueAsItsInstant() {
        g.query("CREATE TABLE zoned WITH (format = 'PARQUET', external_location = 's3://lake/zoned/') AS"
                + " SELECT TIMESTAMP '2020-03-08 03:00:00 America/Los_Angeles' AS z");
        assertThat(g.rows("SELECT z FROM zoned")).containsExactly(List.of("2020-03-08 10:00:00.000"));
    }

    @Test
    void aZonedValueNestedInAnArrayCannotBeStored() {
        assertThat(g.run("CREATE TABLE nested WITH (format = 'JSON', external_location = 's3://lake/nested/') AS"
                + " SELECT ARRAY[TIMESTAMP '2020-03-08 03:00:00 UTC'] AS a").status().stateChangeReason())
                .contains("NOT_SUPPORTED");
    }
}
