package io.glaux.catalog.projection;

import io.glaux.catalog.Column;
import io.glaux.catalog.TableDefinition;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table's partition projection, read from its properties: one {@link ProjectedKey} per partition key, in the
 * table's key order, and where a partition's objects are ({@code storage.location.template} with {@code ${key}}
 * placeholders, else Hive's {@code <location>/key=value/...}). Configuration errors are the table's, reported when a
 * query reads it, with the property at fault.
 */
public final class PartitionProjection {
    static final String ENABLED = "projection.enabled";
    static final String TEMPLATE = "storage.location.template";
    private static final Pattern NOW = Pattern.compile(
            "\\s*NOW\\s*(?:([+-])\\s*(\\d+)\\s*(YEAR|MONTH|WEEK|DAY|HOUR|MINUTE|SECOND)S?)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final List<ProjectedKey> keys;
    private final String locationTemplate;

    private PartitionProjection(List<ProjectedKey> keys, String locationTemplate) {
        this.keys = List.copyOf(keys);
        this.locationTemplate = locationTemplate;
    }

    /** The table's projection if {@code projection.enabled} is {@code true}; dates relative to NOW use the clock. */
    public static Optional<PartitionProjection> of(TableDefinition table, Clock clock) {
        if (!table.parameter(ENABLED).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false)
                || table.partitionKeys().isEmpty()) {
            return Optional.empty();
        }
        List<ProjectedKey> keys = new ArrayList<>();
        for (Column key : table.partitionKeys()) {
            keys.add(key(table, key.name(), clock));
        }
        String template = table.parameter(TEMPLATE).orElseGet(() -> hiveTemplate(table));
        return Optional.of(new PartitionProjection(keys, template));
    }

    /** The projected keys, in the table's partition key order. */
    public List<ProjectedKey> keys() {
        return keys;
    }

    /** The location of the partition with these key values (in key order). */
    public String location(List<String> values) {
        String location = locationTemplate;
        for (int i = 0; i < keys.size(); i++) {
            location = location.replace("${" + keys.get(i).name() + "}", values.get(i));
        }
        return location;
    }

    private static String hiveTemplate(TableDefinition table) {
        StringBuilder b = new StringBuilder(table.storage().location());
        if (b.length() > 0 && b.charAt(b.length() - 1) != '/') {
            b.append('/');
        }
        for (Column key : table.partitionKeys()) {
            b.append(key.name()).append("=${").append(key.name()).append("}/");
        }
        return b.toString();
    }

    private static ProjectedKey key(TableDefinition table, String name, Clock clock) {
        String type = required(table, name, "type").trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "enum" -> new EnumKey(name, Arrays.asList(required(table, name, "values").split(",", -1)));
            case "integer" -> integerKey(table, name);
            case "date" -> dateKey(table, name, clock);
            case "injected" -> new InjectedKey(name);
            default -> throw invalid(table, name, "type", "is '" + type
                    + "'; it must be one of enum, integer, date, injected");
        };
    }

    private static IntegerKey integerKey(TableDefinition table, String name) {
        String[] range = range(table, name);
        long min;
        long max;
        try {
            min = Long.parseLong(range[0].trim());
            max = Long.parseLong(range[1].trim());
        } catch (NumberFormatException e) {
            throw invalid(table, name, "range", "must be two integers, 'min,max'");
        }
        long interval = positive(table, name, "interval");
        int digits = (int) table.parameter(property(name, "digits")).map(d -> number(table, name, "digits", d))
                .orElse(0L).longValue();
        return new IntegerKey(name, min, max, interval, digits);
    }

    private static DateKey dateKey(TableDefinition table, String name, Clock clock) {
        String pattern = required(table, name, "format");
        DateTimeFormatter format;
        try {
            format = new DateTimeFormatterBuilder().appendPattern(pattern)
                    .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
                    .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                    .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                    .toFormatter(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(table, name, "format", "is not a date pattern: " + e.getMessage());
        }
        String[] range = range(table, name);
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime start = dateBound(table, name, format, range[0], now);
        LocalDateTime end = dateBound(table, name, format, range[1], now);
        long interval = positive(table, name, "interval");
        ChronoUnit unit = table.parameter(property(name, "interval.unit"))
                .map(u -> unit(table, name, u)).orElseGet(() -> finestUnit(pattern));
        return new DateKey(name, format, start, end, interval, unit);
    }

    /** A bound of a date range: a date in the key's format, or {@code NOW} with an optional offset. */
    private static LocalDateTime dateBound(TableDefinition table, String name, DateTimeFormatter format, String text,
            LocalDateTime now) {
        Matcher m = NOW.matcher(text);
        if (m.matches()) {
            if (m.group(1) == null) {
                return now;
            }
            long amount = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
            return now.plus(amount, unit(table, name, m.group(3)));
        }
        try {
            return LocalDateTime.parse(text.trim(), format);
        } catch (DateTimeParseException e) {
            throw invalid(table, name, "range", "has '" + text.trim() + "', which is neither NOW[+-N<UNIT>] nor a "
                    + "date in the format '" + table.parameter(property(name, "format")).orElse("") + "'");
        }
    }

    /** Athena's default step when {@code interval.unit} is absent: the finest field the format writes. */
    private static ChronoUnit finestUnit(String pattern) {
        String letters = pattern.replaceAll("'[^']*'", "");
        if (letters.indexOf('S') >= 0) {
            return ChronoUnit.MILLIS;
        }
        if (letters.indexOf('s') >= 0) {
            return ChronoUnit.SECONDS;
        }
        if (letters.indexOf('m') >= 0) {
            return ChronoUnit.MINUTES;
        }
        if (letters.indexOf('H') >= 0 || letters.indexOf('h') >= 0 || letters.indexOf('k') >= 0) {
            return ChronoUnit.HOURS;
        }
        if (letters.indexOf('d') >= 0) {
            return ChronoUnit.DAYS;
        }
        if (letters.indexOf('M') >= 0 || letters.indexOf('L') >= 0) {
            return ChronoUnit.MONTHS;
        }
        return ChronoUnit.YEARS;
    }

    private static ChronoUnit unit(TableDefinition table, String name, String text) {
        String u = text.trim().toUpperCase(Locale.ROOT);
        return switch (u.endsWith("S") ? u.substring(0, u.length() - 1) : u) {
            case "YEAR" -> ChronoUnit.YEARS;
            case "MONTH" -> ChronoUnit.MONTHS;
            case "WEEK" -> ChronoUnit.WEEKS;
            case "DAY" -> ChronoUnit.DAYS;
            case "HOUR" -> ChronoUnit.HOURS;
            case "MINUTE" -> ChronoUnit.MINUTES;
            case "SECOND" -> ChronoUnit.SECONDS;
            case "MILLI", "MILLISECOND" -> ChronoUnit.MILLIS;
            default -> throw invalid(table, name, "interval.unit", "is '" + text.trim() + "'; it must be one of "
                    + "YEARS, MONTHS, WEEKS, DAYS, HOURS, MINUTES, SECONDS, MILLIS");
        };
    }

    private static String[] range(TableDefinition table, String name) {
        String[] range = required(table, name, "range").split(",", -1);
        if (range.length != 2) {
            throw invalid(table, name, "range", "must have two comma-separated values");
        }
        return range;
    }

    private static long positive(TableDefinition table, String name, String suffix) {
        long value = table.parameter(property(name, suffix)).map(v -> number(table, name, suffix, v)).orElse(1L);
        if (value <= 0) {
            throw invalid(table, name, suffix, "must be a positive integer");
        }
        return value;
    }

    private static long number(TableDefinition table, String name, String suffix, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(table, name, suffix, "must be an integer");
        }
    }

    private static String required(TableDefinition table, String name, String suffix) {
        return table.parameter(property(name, suffix)).orElseThrow(() -> new GlauxException(ErrorType.USER_ERROR,
                TrinoErrorCode.INVALID_TABLE_PROPERTY, "Table " + table.database() + "." + table.name()
                + " enables partition projection but has no '" + property(name, suffix)
                + "' property for its partition key " + name));
    }

    private static GlauxException invalid(TableDefinition table, String name, String suffix, String problem) {
        return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.INVALID_TABLE_PROPERTY, "Table property '"
                + property(name, suffix) + "' of " + table.database() + "." + table.name() + " " + problem);
    }

    static String property(String key, String suffix) {
        return "projection." + key + "." + suffix;
    }
}
