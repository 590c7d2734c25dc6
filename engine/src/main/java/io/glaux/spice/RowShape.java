package io.glaux.spice;

import io.glaux.format.ColumnLayout;
import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.results.ValueFormatter;
import io.glaux.results.ValueType;
import io.glaux.sql.function.TrinoCharType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns a dataset holds given its query's columns, and how a query row becomes a dataset row: as it is when
 * the definition declares no columns, else the declared columns picked by name and cast to their QuickSight types.
 * A value that fails its cast makes {@link #apply} return null: the row is dropped, as QuickSight drops it.
 */
final class RowShape {

    private static final BigInteger MAX_DECIMAL_UNSCALED = BigInteger.TEN.pow(18);
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter(Locale.ROOT);

    /**
     * The query column QuickSight datasets compiled by Glaux carry to say a value of the row failed its InputColumn's
     * cast: such rows are dropped, as QuickSight drops them.
     */
    static final String CAST_FAILED = "__glaux_cast_failed";

    private final List<Column> columns;
    /** The query column saying the row's cast failed, or -1. */
    private final int castFailed;
    /** For each dataset column, the query column it reads; null when the row is taken as it is. */
    private final int[] sources;
    private final AthenaType[] sourceTypes;
    private final OutputColumn.Type[] targets;

    private RowShape(List<Column> columns, int castFailed, int[] sources, AthenaType[] sourceTypes,
            OutputColumn.Type[] targets) {
        this.columns = List.copyOf(columns);
        this.castFailed = castFailed;
        this.sources = sources;
        this.sourceTypes = sourceTypes;
        this.targets = targets;
    }

    /**
     * The shape of a definition over its query's columns.
     *
     * @throws IngestionFailure SQL_SCHEMA_MISMATCH_ERROR when a column SPICE needs has a type it cannot hold, or a
     *                          declared column is not a column of the query
     */
    static RowShape of(SpiceDefinition definition, List<Column> queryColumns) {
        if (definition.outputColumns().isEmpty()) {
            for (Column column : queryColumns) {
                requireSupported(column);
            }
            return new RowShape(queryColumns, -1, null, null, null);
        }
        int width = definition.outputColumns().size();
        List<Column> columns = new ArrayList<>(width);
        int[] sources = new int[width];
        AthenaType[] sourceTypes = new AthenaType[width];
        OutputColumn.Type[] targets = new OutputColumn.Type[width];
        for (int i = 0; i < width; i++) {
            OutputColumn declared = definition.outputColumns().get(i);
            int source = -1;
            for (int q = 0; q < queryColumns.size() && source < 0; q++) {
                if (queryColumns.get(q).name().equalsIgnoreCase(declared.name())) {
                    source = q;
                }
            }
            if (source < 0) {
                throw new IngestionFailure(IngestionErrorType.SQL_SCHEMA_MISMATCH_ERROR, "Column " + declared.name()
                        + " of dataset " + definition.name() + " is not a column of its query, which returns "
                        + queryColumns.stream().map(Column::name).toList());
            }
            requireSupported(queryColumns.get(source));
            sources[i] = source;
            sourceTypes[i] = queryColumns.get(source).type();
            targets[i] = declared.type();
            columns.add(new Column(declared.name(), declared.type().athenaType()));
        }
        int castFailed = -1;
        for (int q = 0; q < queryColumns.size(); q++) {
            if (queryColumns.get(q).name().equalsIgnoreCase(CAST_FAILED)) {
                castFailed = q;
            }
        }
        return new RowShape(columns, castFailed, sources, sourceTypes, targets);
    }

    private static void requireSupported(Column column) {
        if (!ColumnLayout.isSupported(column.type())) {
            throw new IngestionFailure(IngestionErrorType.SQL_SCHEMA_MISMATCH_ERROR, "Column " + column.name()
                    + " has type " + column.type().ddl() + ", which SPICE cannot hold");
        }
    }

    List<Column> columns() {
        return columns;
    }

    /** Whether a query row is the dataset row as it is (no declared columns to pick and cast). */
    boolean keepsRows() {
        return sources == null;
    }

    /** The dataset row for a query row, or null when a value fails its column's cast (the row is dropped). */
    Object[] apply(Object[] row) {
        if (sources == null) {
            return row;
        }
        if (castFailed >= 0 && Boolean.TRUE.equals(row[castFailed])) {
            return null;
        }
        Object[] out = new Object[sources.length];
        for (int i = 0; i < sources.length; i++) {
            Object value = row[sources[i]];
            if (value != null) {
                try {
                    value = cast(value, sourceTypes[i], targets[i]);
                } catch (RuntimeException e) {
                    value = null;
                }
                if (value == null) {
                    return null;
                }
            }
            out[i] = value;
        }
        return out;
    }

    /** A non-null value of {@code source} type as a value of {@code target}; null or an exception when it fails. */
    static Object cast(Object value, AthenaType source, OutputColumn.Type target) {
        AthenaType.Kind kind = source.kind();
        return switch (target) {
            // A char(n) value reads as Athena prints it: padded to n.
            case STRING -> source instanceof AthenaType.Char c ? TrinoCharType.pad((String) value, c.length())
                    : value instanceof String text ? text : text(value, source);
            case INTEGER -> switch (kind) {
                case TINYINT, SMALLINT, INT, BIGINT -> ((Number) value).longValue();
                case DECIMAL -> ((BigDecimal) value).longValueExact();
                case FLOAT, DOUBLE -> {
                    double number = ((Number) value).doubleValue();
                    yield number == Math.rint(number) && Math.abs(number) < 0x1p63 ? (long) number : null;
                }
                case CHAR, VARCHAR, STRING -> Long.parseLong(value.toString().strip());
                default -> null;
            };
            case DECIMAL -> {
                BigDecimal number = switch (kind) {
                    case TINYINT, SMALLINT, INT, BIGINT -> BigDecimal.valueOf(((Number) value).longValue());
                    case DECIMAL -> (BigDecimal) value;
                    case FLOAT, DOUBLE -> BigDecimal.valueOf(((Number) value).doubleValue());
                    case CHAR, VARCHAR, STRING -> new BigDecimal(value.toString().strip());
                    default -> null;
                };
                if (number == null) {
                    yield null;
                }
                BigDecimal fixed = number.setScale(4, RoundingMode.HALF_UP);
                yield fixed.unscaledValue().abs().compareTo(MAX_DECIMAL_UNSCALED) < 0 ? fixed : null;
            }
            case DATETIME -> switch (kind) {
                case TIMESTAMP -> value;
                case DATE -> ((Number) value).longValue() * 86_400_000L;
                case CHAR, VARCHAR, STRING -> parseDateTime(value.toString().strip());
                default -> null;
            };
            case BOOLEAN -> switch (kind) {
                case BOOLEAN -> value;
                case TINYINT, SMALLINT, INT, BIGINT -> {
                    long number = ((Number) value).longValue();
                    yield number == 0 || number == 1 ? number == 1 : null;
                }
                case CHAR, VARCHAR, STRING -> {
                    String text = value.toString().strip().toLowerCase(Locale.ROOT);
                    yield text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
                }
                default -> null;
            };
        };
    }

    /** A value as Athena prints it in a result object. */
    private static String text(Object value, AthenaType type) {
        String name = switch (type.kind()) {
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case DECIMAL -> "decimal";
            case BINARY -> "varbinary";
            default -> type.ddl();
        };
        int scale = type instanceof AthenaType.Decimal decimal ? decimal.scale() : 0;
        return new ValueFormatter(new ValueType.Scalar(name, scale)).format(value);
    }

    /** Milliseconds since the epoch (UTC, no zone) of a date, or a date and time, as a DATETIME column reads it. */
    static long parseDateTime(String text) {
        return LocalDateTime.parse(text, DATETIME).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
