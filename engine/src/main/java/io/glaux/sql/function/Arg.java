package io.glaux.sql.function;

import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The kind of one operand in a {@link Signature}: which SQL types it accepts, the Java type the implementing method
 * receives (Calcite's internal representation, see {@code io.glaux.format.Values}) and the SQL type given to an
 * operand of unknown type ({@code NULL}, {@code ?}).
 */
enum Arg {
    /** CHAR or VARCHAR, as {@link String}; not json, which Trino does not take for varchar. */
    STRING(String.class),
    /** JSON text: json, or a CHAR or VARCHAR holding it, as {@link String} (the JSON functions take either). */
    JSON(String.class),
    /** TINYINT, SMALLINT, INTEGER or BIGINT, as {@code long}. */
    BIGINT(long.class),
    /** Any number, as {@code double}. */
    DOUBLE(double.class),
    /** DECIMAL, as {@link BigDecimal}. */
    DECIMAL(BigDecimal.class),
    /** DATE, as {@code int} days since the epoch. */
    DATE(int.class),
    /** TIMESTAMP, as {@code long} milliseconds since the epoch. */
    TIMESTAMP(long.class),
    /** TIME, as {@code int} milliseconds of the day. */
    TIME(int.class),
    /** TIMESTAMP WITH TIME ZONE, as the packed {@code long} of {@link io.glaux.format.ZonedTimestamp}. */
    ZONED(long.class),
    /** TIME WITH TIME ZONE, as the packed {@code long} of {@link io.glaux.format.ZonedTime}. */
    ZONED_TIME(long.class),
    /**
     * DATE, TIMESTAMP or TIMESTAMP WITH TIME ZONE, as {@code long} milliseconds of the wall clock (a date is its
     * midnight, as Trino coerces date to timestamp; a zoned value its time in its own zone).
     */
    DATETIME(long.class),
    /** TIMESTAMP or TIMESTAMP WITH TIME ZONE, as {@code long} milliseconds of the wall clock. */
    WALL_CLOCK(long.class),
    /** INTERVAL DAY TO SECOND (or any of its parts), as {@code long} milliseconds. */
    INTERVAL_DAY_TIME(long.class),
    /** BOOLEAN, as {@code boolean}. */
    BOOLEAN(boolean.class),
    /** BINARY or VARBINARY, as {@link ByteString}. */
    BINARY(ByteString.class),
    /**
     * An INTERVAL, as {@code long}: milliseconds for day-time intervals, months for year-month intervals (which a
     * function tells apart by a hidden argument).
     */
    INTERVAL(long.class),
    /** ARRAY, as {@link List}. */
    ARRAY(List.class),
    /** MAP, as {@link Map}. */
    MAP(Map.class),
    /** Any type, as {@link Object}. */
    /** A geometry ({@code SqlTypeName.GEOMETRY}), a JTS object at run time. */
    GEOMETRY(org.locationtech.jts.geom.Geometry.class),
    ANY(Object.class),
    /**
     * A lambda expression, as the {@link org.apache.calcite.linq4j.function.Function} code generation makes of it
     * (see {@link Lambdas} for calling it); its parameter types come from the signature's {@link LambdaParameters}.
     */
    FUNCTION(org.apache.calcite.linq4j.function.Function.class);

    final Class<?> javaClass;

    Arg(Class<?> javaClass) {
        this.javaClass = javaClass;
    }

    /**
     * Whether an operand of this type fits; NULL and not yet known types fit everywhere, and so does ANY: the type of
     * a lambda parameter until the lambda is bound to its function's operands.
     */
    boolean accepts(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        if (name == SqlTypeName.NULL || name == SqlTypeName.UNKNOWN || name == SqlTypeName.ANY) {
            return true;
        }
        switch (this) {
            case STRING:
                return SqlTypeUtil.isCharacter(type) && !JsonType.is(type);
            case JSON:
                return SqlTypeUtil.isCharacter(type);
            case BIGINT:
                return SqlTypeUtil.isIntType(type);
            case DOUBLE:
                return SqlTypeUtil.isNumeric(type);
            case DECIMAL:
                return name == SqlTypeName.DECIMAL;
            case DATE:
                return name == SqlTypeName.DATE;
            case TIMESTAMP:
                return name == SqlTypeName.TIMESTAMP;
            case TIME:
                return name == SqlTypeName.TIME;
            case ZONED:
                return name == SqlTypeName.TIMESTAMP_TZ;
            case ZONED_TIME:
                return name == SqlTypeName.TIME_TZ;
            case DATETIME:
                return name == SqlTypeName.DATE || name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_TZ;
            case WALL_CLOCK:
                return name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_TZ;
            case INTERVAL_DAY_TIME:
                return name.getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME;
            case BOOLEAN:
                return name == SqlTypeName.BOOLEAN;
            case BINARY:
                return SqlTypeUtil.isBinary(type);
            case INTERVAL:
                return SqlTypeUtil.isInterval(type);
            case ARRAY:
                return name == SqlTypeName.ARRAY;
            case MAP:
                return name == SqlTypeName.MAP;
            case GEOMETRY:
                return name == SqlTypeName.GEOMETRY;
            case ANY:
                return true;
            case FUNCTION:
                return name == SqlTypeName.FUNCTION;
            default:
                throw new AssertionError(this);
        }
    }

    /** The type an operand of unknown type takes, or null if there is none to guess. */
    @Nullable RelDataType defaultType(RelDataTypeFactory typeFactory) {
        switch (this) {
            case STRING:
            case JSON:
                return typeFactory.createSqlType(SqlTypeName.VARCHAR);
            case BIGINT:
                return typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DOUBLE:
                return typeFactory.createSqlType(SqlTypeName.DOUBLE);
            case DATE:
                return typeFactory.createSqlType(SqlTypeName.DATE);
            case TIMESTAMP:
            case DATETIME:
            case WALL_CLOCK:
                return typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case TIME:
                return typeFactory.createSqlType(SqlTypeName.TIME, 3);
            case BOOLEAN:
                return typeFactory.createSqlType(SqlTypeName.BOOLEAN);
            case BINARY:
                return typeFactory.createSqlType(SqlTypeName.VARBINARY);
            default:
                return null;
        }
    }

    /** Whether a method parameter of this Java class can receive this operand. */
    boolean fitsParameter(Class<?> parameter) {
        return parameter == javaClass || parameter == boxed(javaClass);
    }

    static Class<?> boxed(Class<?> c) {
        if (c == long.class) {
            return Long.class;
        } else if (c == int.class) {
            return Integer.class;
        } else if (c == double.class) {
            return Double.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        }
        return c;
    }
}
