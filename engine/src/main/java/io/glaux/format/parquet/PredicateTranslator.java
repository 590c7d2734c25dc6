package io.glaux.format.parquet;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnPredicate;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.filter2.predicate.UserDefinedPredicate;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the engine's {@link ColumnPredicate}s into one Parquet {@link FilterPredicate} (their conjunction) so the
 * reader can skip row groups by statistics and pages by column index. A predicate is pushed only when its literal
 * maps exactly onto the file column's physical values and the file's ordering agrees with the table type's; anything
 * else is left to the engine, which re-applies every filter to the rows read.
 */
final class PredicateTranslator {

    /**
     * Short IN lists become ORs of equalities: Parquet's statistics filter drops a row group for an OR when each value
     * falls outside its min/max, while its IN check only compares the list's extremes with them.
     */
    static final int MAX_IN_AS_OR = 32;

    private PredicateTranslator() {
    }

    /**
     * Whether Parquet's dictionary filter can drop a row group that the statistics keep: only when {@code filter}
     * tests columns for (in)equality with values (a range is dropped by statistics too, but for gaps between the
     * values of a dictionary). Each row group the filter looks at costs it the chunks' dictionaries read and boxed.
     */
    static boolean testsValues(FilterPredicate filter) {
        return filter != null && filter.accept(new FilterPredicate.Visitor<Boolean>() {
            @Override
            public <T extends Comparable<T>> Boolean visit(Operators.Eq<T> eq) {
                return eq.getValue() != null;
            }

            @Override
            public <T extends Comparable<T>> Boolean visit(Operators.NotEq<T> notEq) {
                return notEq.getValue() != null;
            }

            @Override
            public <T extends Comparable<T>> Boolean visit(Operators.In<T> in) {
                return true;
            }

            @Override
            public <T extends Comparable<T>> Boolean visit(Operators.NotIn<T> notIn) {
                return true;
            }

            @Override
            public <T extends Comparable<T>> Boolean visit(Operators.Contains<T> contains) {
                return true;
            }

            @Override
            public <T extends Comparable<T>> Boolean visit(Operators.Lt<T> lt) {
                return false;
            }

            @Override
            public <T extends Comparable<T>> Boolean visit(Operators.LtEq<T> ltEq) {
                return false;
            }

            @Override
            public <T extends Comparable<T>> Boolean visit(Operators.Gt<T> gt) {
                return false;
            }

            @Override
            public <T extends Comparable<T>> Boolean visit(Operators.GtEq<T> gtEq) {
                return false;
            }

            @Override
            public Boolean visit(Operators.And and) {
                return and.getLeft().accept(this) || and.getRight().accept(this);
            }

            @Override
            public Boolean visit(Operators.Or or) {
                return or.getLeft().accept(this) || or.getRight().accept(this);
            }

            @Override
            public Boolean visit(Operators.Not not) {
                return not.getPredicate().accept(this);
            }

            @Override
            public <T extends Comparable<T>, U extends UserDefinedPredicate<T>> Boolean visit(
                    Operators.UserDefined<T, U> udp) {
                return false;
            }

            @Override
            public <T extends Comparable<T>, U extends UserDefinedPredicate<T>> Boolean visit(
                    Operators.LogicalNotUserDefined<T, U> udp) {
                return false;
            }
        });
    }

    /** The pushed-down filter, or null when none of the predicates can be pushed. */
    static FilterPredicate translate(List<ColumnPredicate> predicates, List<Column> dataColumns,
                                     Map<Integer, PrimitiveType> pushable) {
        FilterPredicate result = null;
        for (ColumnPredicate predicate : predicates) {
            PrimitiveType fileType = pushable.get(predicate.column());
            if (fileType == null) {
                continue;
            }
            FilterPredicate translated = translate(predicate, dataColumns.get(predicate.column()).type(), fileType);
            if (translated != null) {
                result = result == null ? translated : FilterApi.and(result, translated);
            }
        }
        return result;
    }

    private static FilterPredicate translate(ColumnPredicate predicate, AthenaType table, PrimitiveType file) {
        FileValueKind kind = FileValueKind.of(file);
        if (kind == null) {
            return null;
        }
        String path = file.getName();
        return switch (file.getPrimitiveTypeName()) {
            case INT32 -> int32(predicate, table, file, kind, path);
            case INT64 -> int64(predicate, table, file, kind, path);
            case FLOAT -> table.kind() == AthenaType.Kind.FLOAT || table.kind() == AthenaType.Kind.DOUBLE
                    ? build(predicate, FilterApi.floatColumn(path), PredicateTranslator::exactFloat) : null;
            case DOUBLE -> table.kind() == AthenaType.Kind.DOUBLE
                    ? build(predicate, FilterApi.doubleColumn(path), PredicateTranslator::exactDouble) : null;
            case BOOLEAN -> table.kind() == AthenaType.Kind.BOOLEAN ? bool(predicate, FilterApi.booleanColumn(path)) : null;
            case BINARY -> kind == FileValueKind.STRING && table.kind() == AthenaType.Kind.STRING
                    ? build(predicate, FilterApi.binaryColumn(path), v -> utf8(v, predicate.op())) : null;
            default -> null;
        };
    }

    private static FilterPredicate int32(ColumnPredicate predicate, AthenaType table, PrimitiveType file,
                                         FileValueKind kind, String path) {
        Function<Object, Integer> encode = switch (kind) {
            case INT -> table.kind() == AthenaType.Kind.INT || table.kind() == AthenaType.Kind.BIGINT
                    ? v -> v instanceof Number n ? toInt(n.longValue(), n) : null : null;
            case DATE -> table.kind() == AthenaType.Kind.DATE ? v -> v instanceof Integer i ? i : null : null;
            case DECIMAL -> sameDecimal(table, file) ? v -> {
                Long unscaled = unscaled(v, FileValueKind.decimalScale(file));
                return unscaled == null ? null : toInt(unscaled, unscaled);
            } : null;
            default -> null;
        };
        return encode == null ? null : build(predicate, FilterApi.intColumn(path), encode);
    }

    private static FilterPredicate int64(ColumnPredicate predicate, AthenaType table, PrimitiveType file,
                                         FileValueKind kind, String path) {
        Operators.LongColumn column = FilterApi.longColumn(path);
        return switch (kind) {
            case LONG -> table.kind() == AthenaType.Kind.BIGINT
                    && !(file.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
                    && !i.isSigned())
                    ? build(predicate, column, v -> v instanceof Number n && isIntegral(n) ? n.longValue() : null)
                    : null;
            case DECIMAL -> sameDecimal(table, file)
                    ? build(predicate, column, v -> unscaled(v, FileValueKind.decimalScale(file))) : null;
            case TIMESTAMP -> table.kind() == AthenaType.Kind.TIMESTAMP ? timestamp(predicate, column, file) : null;
            default -> null;
        };
    }

    /**
     * Timestamps read as milliseconds, rounded down from the file's unit, so a millisecond bound covers a range of
     * file values: {@code ts <= X} becomes {@code v < (X+1)·f}, {@code ts = X} becomes {@code X·f <= v < (X+1)·f}.
     */
    private static FilterPredicate timestamp(ColumnPredicate predicate, Operators.LongColumn column, PrimitiveType file) {
        long factor = switch (FileValueKind.timestampUnit(file)) {
            case MILLIS -> 1;
            case MICROS -> 1_000;
            case NANOS -> 1_000_000;
        };
        if (factor == 1) {
            return build(predicate, column, v -> v instanceof Long l ? l : null);
        }
        if (predicate.values().isEmpty() && predicate.op() != ColumnPredicate.Op.IS_NULL
                && predicate.op() != ColumnPredicate.Op.IS_NOT_NULL) {
            return null;
        }
        try {
            return switch (predicate.op()) {
                case IS_NULL -> FilterApi.eq(column, null);
                case IS_NOT_NULL -> FilterApi.notEq(column, null);
                case LT -> FilterApi.lt(column, start(predicate.value(), factor));
                case LE -> FilterApi.lt(column, start(predicate.value(), factor) + factor);
                case GT -> FilterApi.gtEq(column, start(predicate.value(), factor) + factor);
                case GE -> FilterApi.gtEq(column, start(predicate.value(), factor));
                case EQ -> millisecond(column, predicate.value(), factor);
                case IN -> {
                    FilterPredicate any = null;
                    for (Object value : predicate.values()) {
                        if (value != null) {
                            FilterPredicate one = millisecond(column, value, factor);
                            any = any == null ? one : FilterApi.or(any, one);
                        }
                    }
                    yield any;
                }
                case NE -> null;
            };
        } catch (ArithmeticException | ClassCastException | NullPointerException e) {
            return null;
        }
    }

    private static long start(Object millis, long factor) {
        return Math.multiplyExact((Long) millis, factor);
    }

    private static FilterPredicate millisecond(Operators.LongColumn column, Object millis, long factor) {
        long start = start(millis, factor);
        return FilterApi.and(FilterApi.gtEq(column, start), FilterApi.lt(column, Math.addExact(start, factor)));
    }

    private static Object first(ColumnPredicate predicate) {
        return predicate.values().isEmpty() ? null : predicate.value();
    }

    /** Booleans support only equality in Parquet's filter API. */
    private static FilterPredicate bool(ColumnPredicate predicate, Operators.BooleanColumn column) {
        return switch (predicate.op()) {
            case IS_NULL -> FilterApi.eq(column, null);
            case IS_NOT_NULL -> FilterApi.notEq(column, null);
            case EQ -> first(predicate) instanceof Boolean b ? FilterApi.eq(column, b) : null;
            case NE -> first(predicate) instanceof Boolean b ? FilterApi.notEq(column, b) : null;
            case IN -> predicate.values().size() == 1 && first(predicate) instanceof Boolean b
                    ? FilterApi.eq(column, b) : null;
            default -> null;
        };
    }

    /** Builds the predicate for one column; {@code encode} maps a table value to the file's, or null if it cannot. */
    private static <T extends Comparable<T>, C extends Operators.Column<T> & Operators.SupportsLtGt>
    FilterPredicate build(ColumnPredicate predicate, C column, Function<Object, T> encode) {
        switch (predicate.op()) {
            case IS_NULL:
                return FilterApi.eq(column, null);
            case IS_NOT_NULL:
                return FilterApi.notEq(column, null);
            case IN: {
                Set<T> values = new LinkedHashSet<>();
                for (Object value : predicate.values()) {
                    if (value != null) {
                        T encoded = encode.apply(value);
                        if (encoded == null) {
                            return null;
                        }
                        values.add(encoded);
                    }
                }
                if (values.isEmpty()) {
                    return null;
                }
                if (values.size() > MAX_IN_AS_OR) {
                    return FilterApi.in(column, values);
                }
                FilterPredicate any = null;
                for (T value : values) {
                    FilterPredicate eq = FilterApi.eq(column, value);
                    any = any == null ? eq : FilterApi.or(any, eq);
                }
                return any;
            }
            default:
                break;
        }
        if (predicate.values().isEmpty() || predicate.value() == null) {
            return null;
        }
        T value = encode.apply(predicate.value());
        if (value == null) {
            return null;
        }
        return switch (predicate.op()) {
            case EQ -> FilterApi.eq(column, value);
            case NE -> FilterApi.notEq(column, value);
            case LT -> FilterApi.lt(column, value);
            case LE -> FilterApi.ltEq(column, value);
            case GT -> FilterApi.gt(column, value);
            case GE -> FilterApi.gtEq(column, value);
            default -> null;
        };
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static Integer toInt(long value, Number original) {
        if (!isIntegral(original) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            return null;
        }
        return (int) value;
    }

    private static boolean sameDecimal(AthenaType table, PrimitiveType file) {
        if (!(table instanceof AthenaType.Decimal decimal)
                || !(file.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d)) {
            return false;
        }
        return decimal.scale() == d.getScale() && decimal.precision() >= d.getPrecision();
    }

    private static Long unscaled(Object value, int scale) {
        if (!(value instanceof BigDecimal decimal)) {
            return null;
        }
        try {
            return decimal.setScale(scale).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static Float exactFloat(Object value) {
        if (value instanceof Float f) {
            return f.isNaN() ? null : f;
        }
        if (value instanceof Double d && !d.isNaN() && (double) d.floatValue() == d) {
            return d.floatValue();
        }
        return null;
    }

    private static Double exactDouble(Object value) {
        return value instanceof Double d && !d.isNaN() ? d : null;
    }

    /**
     * Strings compare by UTF-8 bytes in Parquet and by UTF-16 units in the engine; the orders agree whenever the
     * literal has no character at or above U+D800, so range bounds are pushed only then. Equality always agrees.
     */
    private static Binary utf8(Object value, ColumnPredicate.Op op) {
        if (!(value instanceof String text)) {
            return null;
        }
        boolean range = op == ColumnPredicate.Op.LT || op == ColumnPredicate.Op.LE
                || op == ColumnPredicate.Op.GT || op == ColumnPredicate.Op.GE;
        if (range && text.chars().anyMatch(c -> c >= 0xD800)) {
            return null;
        }
        return Binary.fromString(text);
    }
}
