package io.glaux.sql.function;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.type.BasicSqlType;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.nio.charset.Charset;
import java.util.List;

/**
 * Trino's {@code json} type: a VARCHAR that holds JSON text (canonical, as json_parse writes it) and says so. Calcite
 * has no JSON type; this one is a VARCHAR to the validator and to code generation (values are {@link String}s), and
 * {@code json} to {@code typeof}, to the result's column types and wherever {@link #is} asks. Its digest is
 * {@code JSON}, so it equals only itself.
 */
public final class JsonType extends VarcharHeldType {
    /** The result type of functions that return json. */
    static final SqlReturnTypeInference RETURNS = b -> new JsonType(b.getTypeFactory().getTypeSystem(), false);

    private JsonType(RelDataTypeSystem typeSystem, boolean nullable) {
        super(typeSystem, nullable);
        computeDigest();
    }

    /** The (nullable) json type. */
    public static RelDataType of(RelDataTypeFactory typeFactory) {
        return new JsonType(typeFactory.getTypeSystem(), true);
    }

    /** Whether a type is json. */
    public static boolean is(RelDataType type) {
        return type instanceof JsonType;
    }

    /**
     * The type factory of planning: Calcite's, except that json values together (CASE, COALESCE, UNION, ARRAY[...])
     * stay json, where Calcite would make them a plain VARCHAR; so do Trino's char(n) values ({@link TrinoCharType}),
     * as char(max n); and time with time zone is a {@code long} in generated code.
     */
    public static final class TypeFactory extends JavaTypeFactoryImpl {
        public TypeFactory(RelDataTypeSystem typeSystem) {
            super(typeSystem);
        }

        @Override
        public @Nullable RelDataType leastRestrictive(List<RelDataType> types) {
            boolean json = types.stream().anyMatch(JsonType::is) && types.stream()
                    .allMatch(t -> is(t) || t.getSqlTypeName() == SqlTypeName.NULL);
            if (json) {
                return new JsonType(getTypeSystem(), types.stream().anyMatch(RelDataType::isNullable));
            }
            RelDataType chars = TrinoCharType.leastRestrictive(getTypeSystem(), types);
            return chars != null ? chars : super.leastRestrictive(types);
        }

        /** time with time zone is held as the packed {@code long} of {@link io.glaux.format.ZonedTime}. */
        @Override
        public java.lang.reflect.Type getJavaClass(RelDataType type) {
            if (type.getSqlTypeName() == SqlTypeName.TIME_TZ && !(type instanceof JavaType)) {
                return type.isNullable() ? Long.class : long.class;
            }
            return super.getJavaClass(type);
        }

        @Override
        public RelDataType createTypeWithCharsetAndCollation(RelDataType type, Charset charset,
                SqlCollation collation) {
            return is(type) || TrinoCharType.is(type) ? type
                    : super.createTypeWithCharsetAndCollation(type, charset, collation);
        }
    }

    /** Whether a type is json or holds json (as an array's elements, a map's keys or values, a row's fields). */
    public static boolean within(RelDataType type) {
        return NestedTypes.anyMatch(type, JsonType::is);
    }

    @Override
    public BasicSqlType createWithNullability(boolean nullable) {
        return nullable == isNullable() ? this : new JsonType(typeSystem, nullable);
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
        sb.append("JSON");
    }
}
