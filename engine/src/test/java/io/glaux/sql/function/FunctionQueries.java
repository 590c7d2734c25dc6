package io.glaux.sql.function;

import io.glaux.sql.TrinoConvertlets;
import io.glaux.sql.parse.GlauxParserConfig;
import io.glaux.sql.parse.ParserText;
import io.glaux.sql.parse.GlauxTypeSystem;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.apache.calcite.tools.Programs;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * Runs SQL the way the engine will: Babel parser with {@link GlauxParserConfig#PARSER}, {@link TrinoFunctionRewriter},
 * {@link TrinoConvertlets},
 * validation against SqlStdOperatorTable + Glaux's tables with {@link GlauxTypeSystem}, conversion to relational
 * algebra, Enumerable code generation (Janino) and execution. Table {@code t} has rows with non-constant values and
 * NULLs so that functions run in generated code rather than being folded at planning time.
 */
final class FunctionQueries {
    /** The clock seen by now() / current_timestamp: 2024-03-10 12:34:56.789 UTC. */
    static final long NOW = LocalDateTime.of(2024, 3, 10, 12, 34, 56, 789_000_000)
            .toEpochSecond(java.time.ZoneOffset.UTC) * 1000 + 789;

    static {
        // Calcite encodes string literals in ISO-8859-1 unless told otherwise; Trino's strings are Unicode. The
        // engine needs the same settings (before any Calcite class loads).
        System.setProperty("calcite.default.charset", "UTF-8");
        System.setProperty("calcite.default.nationalcharset", "UTF-8");
        System.setProperty("calcite.default.collation.name", "UTF-8$en_US");
    }

    private FunctionQueries() {
    }

    /** The first column of the first row, as a readable Java value (DATE: LocalDate, TIMESTAMP: LocalDateTime). */
    static Object value(String sql) {
        List<List<Object>> rows = rows(sql);
        if (rows.size() != 1) {
            throw new AssertionError("Expected one row, got " + rows);
        }
        return rows.get(0).get(0);
    }

    /** The first column of every row. */
    static List<Object> column(String sql) {
        List<Object> values = new ArrayList<>();
        for (List<Object> row : rows(sql)) {
            values.add(row.get(0));
        }
        return values;
    }

    /** The type of the first result column, e.g. {@code BIGINT NOT NULL}. */
    static String type(String sql) {
        return prepare(sql).rowType.getFieldList().get(0).getType().getFullTypeString();
    }

    static List<List<Object>> rows(String sql) {
        Prepared p = prepare(sql);
        Enumerable<?> result = p.bindable.bind(new Context(p.typeFactory, p.schema));
        List<List<Object>> rows = new ArrayList<>();
        for (Object row : result) {
            Object[] values = row instanceof Object[] ? (Object[]) row : new Object[] {row};
            List<Object> converted = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                converted.add(readable(values[i], p.rowType.getFieldList().get(i).getType()));
            }
            rows.add(converted);
        }
        return rows;
    }

    private static Object readable(@Nullable Object value, RelDataType type) {
        if (value == null) {
            return null;
        }
        switch (type.getSqlTypeName()) {
            case DATE:
                return LocalDate.ofEpochDay(((Number) value).longValue());
            case TIMESTAMP:
                return DateTimeFunctions.dateTime(((Number) value).longValue());
            case TIMESTAMP_TZ:
                return io.glaux.format.ZonedTimestamp.format(((Number) value).longValue());
            case ARRAY: {
                List<Object> list = new ArrayList<>();
                for (Object e : (List<?>) value) {
                    list.add(readable(e, type.getComponentType()));
                }
                return list;
            }
            default:
                return value;
        }
    }

    private static final class Prepared {
        final Bindable<?> bindable;
        final RelDataType rowType;
        final JavaTypeFactory typeFactory;
        final SchemaPlus schema;

        Prepared(Bindable<?> bindable, RelDataType rowType, JavaTypeFactory typeFactory, SchemaPlus schema) {
            this.bindable = bindable;
            this.rowType = rowType;
            this.typeFactory = typeFactory;
            this.schema = schema;
        }
    }

    private static Prepared prepare(String sql) {
        SchemaPlus root = Frameworks.createRootSchema(true);
        root.add("t", new TestTable());
        FrameworkConfig config = Frameworks.newConfigBuilder()
                .parserConfig(GlauxParserConfig.PARSER)
                .typeSystem(GlauxTypeSystem.INSTANCE)
                .operatorTable(SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
                        TrinoFunctions.operatorTable(), TrinoFunctions.libraryOperators()))
                .sqlValidatorConfig(SqlValidator.Config.DEFAULT
                        .withConformance(GlauxParserConfig.CONFORMANCE)
                        .withIdentifierExpansion(true))
                .defaultSchema(root)
                .programs(Programs.standard())
                .convertletTable(TrinoConvertlets.INSTANCE)
                .build();
        Planner planner = Frameworks.getPlanner(config);
        try {
            SqlNode parsed = planner.parse(ParserText.quote(sql).text());
            SqlNode rewritten = parsed.accept(new TrinoFunctionRewriter());
            SqlNode validated = planner.validate(rewritten);
            RelRoot relRoot = planner.rel(validated);
            RelNode rel = relRoot.project();
            RelNode physical = planner.transform(0,
                    rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel);
            Bindable<?> bindable = EnumerableInterpretable.toBindable(new HashMap<>(), null,
                    (EnumerableRel) physical, EnumerableRel.Prefer.ARRAY);
            JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(GlauxTypeSystem.INSTANCE);
            return new Prepared(bindable, relRoot.validatedRowType, typeFactory, root);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException(e.getMessage(), e);
        } finally {
            planner.close();
        }
    }

    /** The root schema, type factory and clock given to generated code. */
    private static final class Context implements DataContext {
        private final JavaTypeFactory typeFactory;
        private final SchemaPlus schema;
        private final Map<String, Object> variables = new HashMap<>();

        Context(JavaTypeFactory typeFactory, SchemaPlus schema) {
            this.typeFactory = typeFactory;
            this.schema = schema;
            variables.put(Variable.UTC_TIMESTAMP.camelName, NOW);
            variables.put(Variable.CURRENT_TIMESTAMP.camelName, NOW);
            variables.put(Variable.LOCAL_TIMESTAMP.camelName, NOW);
            variables.put(Variable.TIME_ZONE.camelName, TimeZone.getTimeZone("UTC"));
        }

        @Override
        public SchemaPlus getRootSchema() {
            return schema;
        }

        @Override
        public JavaTypeFactory getTypeFactory() {
            return typeFactory;
        }

        @Override
        public QueryProvider getQueryProvider() {
            throw new UnsupportedOperationException("no query provider in function tests");
        }

        @Override
        public @Nullable Object get(String name) {
            return variables.get(name);
        }
    }

    /**
     * Table t: id, ts (timestamp), d (date), s (varchar), n (bigint), x (double), tags (array of varchar),
     * nums (array of integer), m (map varchar to integer), flag (boolean). Row 3 holds NULLs in every column.
     */
    static final class TestTable extends AbstractTable implements ScannableTable {
        static final List<Object[]> ROWS = List.of(
                new Object[] {1, millis("2024-02-15T10:11:12.345"), days("2024-02-15"), "apple,banana", 3L, 2.5,
                        List.of("a", "b", "c"), Arrays.asList(1, 2, 3), map("a", 1, "b", 2), true},
                new Object[] {2, millis("2023-12-31T23:59:59.999"), days("2024-01-31"), "x", -2L, -0.5,
                        List.of(), Arrays.asList(10, null), map(), false},
                new Object[] {3, null, null, null, null, null, null, null, null, null});

        @Override
        public RelDataType getRowType(RelDataTypeFactory f) {
            Function<SqlTypeName, RelDataType> nullable =
                    n -> f.createTypeWithNullability(f.createSqlType(n), true);
            return f.builder()
                    .add("id", SqlTypeName.INTEGER)
                    .add("ts", f.createTypeWithNullability(f.createSqlType(SqlTypeName.TIMESTAMP, 3), true))
                    .add("d", nullable.apply(SqlTypeName.DATE))
                    .add("s", nullable.apply(SqlTypeName.VARCHAR))
                    .add("n", nullable.apply(SqlTypeName.BIGINT))
                    .add("x", nullable.apply(SqlTypeName.DOUBLE))
                    .add("tags", f.createTypeWithNullability(
                            f.createArrayType(f.createSqlType(SqlTypeName.VARCHAR), -1), true))
                    .add("nums", f.createTypeWithNullability(f.createArrayType(
                            nullable.apply(SqlTypeName.INTEGER), -1), true))
                    .add("m", f.createTypeWithNullability(f.createMapType(
                            f.createSqlType(SqlTypeName.VARCHAR), f.createSqlType(SqlTypeName.INTEGER)), true))
                    .add("flag", nullable.apply(SqlTypeName.BOOLEAN))
                    .build();
        }

        @Override
        public Enumerable<@Nullable Object[]> scan(DataContext root) {
            return Linq4j.asEnumerable(ROWS);
        }

        private static long millis(String isoLocal) {
            return DateTimeFunctions.millis(LocalDateTime.parse(isoLocal));
        }

        private static int days(String isoDate) {
            return (int) LocalDate.parse(isoDate).toEpochDay();
        }

        private static Map<String, Integer> map(Object... kv) {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                m.put((String) kv[i], (Integer) kv[i + 1]);
            }
            return m;
        }
    }
}
