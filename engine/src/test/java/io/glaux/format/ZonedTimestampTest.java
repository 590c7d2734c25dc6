package io.glaux.format;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class ZonedTimestampTest {

    @Test
    void packsTheInstantAboveTheZoneKey() {
        int paris = ZonedTimestamp.zoneKey("Europe/Paris").orElseThrow();
        long packed = ZonedTimestamp.pack(-1234L, paris);
        assertThat(ZonedTimestamp.millis(packed)).isEqualTo(-1234L);
        assertThat(ZonedTimestamp.zoneKey(packed)).isEqualTo(paris);
        assertThat(ZonedTimestamp.zone(packed)).isEqualTo(ZoneId.of("Europe/Paris"));
        // Packed values order by instant first.
        assertThat(ZonedTimestamp.pack(-1, 4000)).isLessThan(ZonedTimestamp.pack(0, 0));
    }

    @Test
    void zoneKeysCoverUtcOffsetsAndRegionsWithinTwelveBits() {
        assertThat(ZonedTimestamp.zoneKey("UTC")).contains(0);
        assertThat(ZonedTimestamp.zoneKey("Z")).contains(0);
        assertThat(ZonedTimestamp.zoneKey("+00:00")).contains(0);
        assertThat(ZonedTimestamp.zoneKey("etc/utc")).contains(0);
        assertThat(ZonedTimestamp.zoneName(ZonedTimestamp.zoneKey("+08:35").orElseThrow())).isEqualTo("+08:35");
        assertThat(ZonedTimestamp.zoneName(ZonedTimestamp.zoneKey("-14:00").orElseThrow())).isEqualTo("-14:00");
        assertThat(ZonedTimestamp.zoneKey("+14:01")).isEmpty();
        assertThat(ZonedTimestamp.zoneName(ZonedTimestamp.zoneKey("america/los_angeles").orElseThrow()))
                .isEqualTo("America/Los_Angeles");
        assertThat(ZonedTimestamp.zoneKey("Mars/Base")).isEmpty();
        for (String region : ZonedTimestamp.regions()) {
            int key = ZonedTimestamp.zoneKey(region).orElseThrow();
            assertThat(key).isLessThan(1 << ZonedTimestamp.ZONE_BITS);
            assertThat(ZonedTimestamp.zoneName(key)).isEqualTo(region);
        }
    }

    @Test
    void formatsAsTrinoPrints() {
        long paris = ZonedTimestamp.of(ZonedDateTime.of(2001, 8, 22, 3, 4, 5, 321_000_000, ZoneId.of("Europe/Paris")));
        assertThat(ZonedTimestamp.format(paris)).isEqualTo("2001-08-22 03:04:05.321 Europe/Paris");
        assertThat(ZonedTimestamp.format(ZonedTimestamp.pack(0, 0))).isEqualTo("1970-01-01 00:00:00.000 UTC");
    }

    @Test
    void parsesLiteralsWithNamesOffsetsAndNoZone() {
        assertThat(ZonedTimestamp.parse("2001-08-22 03:04:05.321 Europe/Paris", 0).map(ZonedTimestamp::format))
                .contains("2001-08-22 03:04:05.321 Europe/Paris");
        assertThat(ZonedTimestamp.parse("2020-05-10 12:34:56 +08:35", 0).map(ZonedTimestamp::format))
                .contains("2020-05-10 12:34:56.000 +08:35");
        assertThat(ZonedTimestamp.parse("2012-10-31 01:00", 0).map(ZonedTimestamp::format))
                .contains("2012-10-31 01:00:00.000 UTC");
        assertThat(ZonedTimestamp.parse("2012-10-31 01:00:00.12345 UTC", 0).map(ZonedTimestamp::format))
                .contains("2012-10-31 01:00:00.123 UTC");
        // 02:30 did not exist in Los Angeles on 2020-03-08: the gap moves it forward, as Java and Joda-Time do.
        assertThat(ZonedTimestamp.parse("2020-03-08 02:30:00 America/Los_Angeles", 0).map(ZonedTimestamp::format))
                .contains("2020-03-08 03:30:00.000 America/Los_Angeles");
        assertThat(ZonedTimestamp.parse("2020-02-30 00:00 UTC", 0)).isEmpty();
        assertThat(ZonedTimestamp.parse("2020-01-01 00:00 Nowhere", 0)).isEmpty();
        assertThat(ZonedTimestamp.hasZone("2020-01-01 00:00:00 UTC")).isTrue();
        assertThat(ZonedTimestamp.hasZone("2020-01-01 00:00:00")).isFalse();
    }
}
