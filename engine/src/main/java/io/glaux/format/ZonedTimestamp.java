package io.glaux.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code timestamp(3) with time zone} value as one {@code long}, as Trino packs it: the UTC instant in milliseconds
 * shifted left by {@link #ZONE_BITS}, with a zone key in the low bits ({@code (millis << 12) | zoneKey}). Ordering the
 * packed values orders the instants (equal instants in different zones are told apart by their keys, so equality and
 * comparisons must use {@link #millis}).
 *
 * <p>Zone keys: 0 is {@code UTC}; 1..1681 are the fixed offsets {@code -14:00..+14:00} minute by minute (offset zero
 * is UTC); then the JVM's region ids ({@link ZoneId#getAvailableZoneIds()}) in sorted order. Names that mean UTC
 * ({@code Z}, {@code GMT}, {@code Etc/UTC}, ...) are UTC. Keys live only while a query runs (they are never stored),
 * so they need only be stable within one JVM.
 */
public final class ZonedTimestamp {

    public static final int ZONE_BITS = 12;
    private static final int ZONE_MASK = (1 << ZONE_BITS) - 1;
    private static final int MAX_OFFSET_MINUTES = 14 * 60;
    private static final int FIRST_REGION_KEY = 2 * MAX_OFFSET_MINUTES + 2;
    private static final Set<String> UTC_NAMES = Set.of("z", "utc", "gmt", "ut", "uct", "zulu", "universal",
            "greenwich", "gmt0", "etc/utc", "etc/gmt", "etc/ut", "etc/uct", "etc/zulu", "etc/universal",
            "etc/greenwich", "etc/gmt0", "etc/gmt+0", "etc/gmt-0", "gmt+0", "gmt-0", "+00:00", "-00:00");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?");
    private static final Pattern LITERAL = Pattern.compile(
            "\\s*(\\d{4,}-\\d{1,2}-\\d{1,2})(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,12}))?)?)?"
                    + "\\s*(\\S+)?\\s*");
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private static final List<String> REGIONS;
    private static final Map<String, Integer> KEYS = new HashMap<>();

    static {
        TreeSet<String> ids = new TreeSet<>(ZoneId.getAvailableZoneIds());
        ids.removeIf(id -> UTC_NAMES.contains(id.toLowerCase(Locale.ROOT)));
        REGIONS = List.copyOf(ids);
        if (FIRST_REGION_KEY + REGIONS.size() > ZONE_MASK + 1) {
            throw new IllegalStateException(REGIONS.size() + " zone ids do not fit " + ZONE_BITS + " bits");
        }
        for (int i = 0; i < REGIONS.size(); i++) {
            KEYS.put(REGIONS.get(i).toLowerCase(Locale.ROOT), FIRST_REGION_KEY + i);
        }
    }

    private ZonedTimestamp() {
    }

    public static long pack(long millis, int zoneKey) {
        return (millis << ZONE_BITS) | zoneKey;
    }

    /** The UTC instant in milliseconds. */
    public static long millis(long packed) {
        return packed >> ZONE_BITS;
    }

    public static int zoneKey(long packed) {
        return (int) (packed & ZONE_MASK);
    }

    public static ZoneId zone(long packed) {
        return zoneOf(zoneKey(packed));
    }

    public static ZonedDateTime toZonedDateTime(long packed) {
        return Instant.ofEpochMilli(millis(packed)).atZone(zone(packed));
    }

    /** The value of {@code t}'s instant and zone (the zone must be one {@link #zoneKey(String)} knows). */
    public static long of(ZonedDateTime t) {
        return pack(t.toInstant().toEpochMilli(), zoneKey(t.getZone()));
    }

    public static ZoneId zoneOf(int key) {
        if (key == 0) {
            return ZoneOffset.UTC;
        }
        if (key < FIRST_REGION_KEY) {
            return ZoneOffset.ofTotalSeconds((key - 1 - MAX_OFFSET_MINUTES) * 60);
        }
        return ZoneId.of(REGIONS.get(key - FIRST_REGION_KEY));
    }

    /** The zone's name as Trino prints it: {@code UTC}, {@code +08:35}, {@code Europe/Paris}. */
    public static String zoneName(int key) {
        return key == 0 ? "UTC" : zoneOf(key).getId();
    }

    /** The key of a zone named as Trino accepts it (case-insensitive region id, UTC alias, or offset), if any. */
    public static Optional<Integer> zoneKey(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (UTC_NAMES.contains(lower)) {
            return Optional.of(0);
        }
        Matcher m = OFFSET.matcher(lower);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int total = hours * 60 + minutes;
            if (minutes > 59 || total > MAX_OFFSET_MINUTES) {
                return Optional.empty();
            }
            return Optional.of(offsetKey(m.group(1).equals("-") ? -total : total));
        }
        return Optional.ofNullable(KEYS.get(lower));
    }

    /** The key of a java.time zone: offsets by their minutes, regions by id. */
    public static int zoneKey(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() % 60 != 0) {
                throw new DateTimeException("Offset with seconds: " + offset);
            }
            return offsetKey(offset.getTotalSeconds() / 60);
        }
        return zoneKey(zone.getId()).orElseThrow(() -> new DateTimeException("Unknown time zone: " + zone));
    }

    private static int offsetKey(int minutes) {
        if (Math.abs(minutes) > MAX_OFFSET_MINUTES) {
            throw new DateTimeException("Offset out of range: " + minutes + " minutes");
        }
        return minutes == 0 ? 0 : minutes + MAX_OFFSET_MINUTES + 1;
    }

    /** As Trino prints it: {@code 2001-08-22 03:04:05.321 Europe/Paris} (wall time in the value's zone). */
    public static String format(long packed) {
        return WALL.format(toZonedDateTime(packed)) + " " + zoneName(zoneKey(packed));
    }

    /**
     * A timestamp with a time zone as Trino reads its literals and casts from varchar: {@code yyyy-MM-dd[
     * HH:mm[:ss[.fff]]] zone}, the zone a region id, an offset ({@code +08:35}) or UTC; without a zone, in
     * {@code defaultZone}. Fractions past milliseconds are rounded half up. Empty if the text is not one.
     */
    public static Optional<Long> parse(String text, int defaultZone) {
        Matcher m = LITERAL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Integer> key = m.group(6) == null ? Optional.of(defaultZone) : zoneKey(m.group(6));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            String[] ymd = m.group(1).split("-");
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]),
                    Integer.parseInt(ymd[2]), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
            long fractionMillis = 0;
            if (m.group(5) != null) {
                String digits = (m.group(5) + "000").substring(0, 4);
                fractionMillis = (Long.parseLong(digits) + 5) / 10;
            }
            ZoneId zone = zoneOf(key.get());
            long millis = ZonedDateTime.ofLocal(local, zone, null).toInstant().toEpochMilli() + fractionMillis;
            return Optional.of(pack(millis, key.get()));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} ends in a zone: a timestamp literal that is {@code timestamp with time zone}. */
    public static boolean hasZone(String text) {
        Matcher m = LITERAL.matcher(text);
        return m.matches() && m.group(6) != null;
    }

    /**
     * The precision of a zoned timestamp literal, as Trino types it: its count of fractional digits (0 for none), at
     * most {@code max}; {@code fallback} if the text is no literal.
     */
    public static int precision(String text, int max, int fallback) {
        Matcher m = LITERAL.matcher(text);
        if (!m.matches()) {
            return fallback;
        }
        return m.group(5) == null ? 0 : Math.min(m.group(5).length(), max);
    }

    /** Region ids known to the zone keys (for tests and listings). */
    static List<String> regions() {
        return new ArrayList<>(REGIONS);
    }
}
