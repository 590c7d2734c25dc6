package io.glaux.sql.differential;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The rows both engines query, generated from a fixed seed: {@code fact} (2,000 rows), {@code customers} (60) and
 * {@code products} (40). Every column except the row keys {@code fact.id}, {@code customers.cust_id} and
 * {@code products.prod_id} holds NULLs; strings include empty ones, non-ASCII ones and a quote; arrays hold NULL
 * elements and maps NULL values now and then; some foreign keys point at no dimension row so that outer joins
 * differ from inner ones. The same rows are written as newline-delimited JSON for Glaux (a JsonSerDe table) and as
 * SQL literals for DuckDB, so neither engine reads the other's encoding.
 */
final class DifferentialData {

    /** One table: its name, columns (Athena DDL and DuckDB types, in the same order) and rows. */
    record Table(String name, List<Column> columns, List<Object[]> rows) {
    }

    /** A column: its name, its Athena DDL type and its DuckDB type. */
    record Column(String name, String athenaType, String duckDbType) {
    }

    static final String[] WORDS = {"apple", "Banana", "", "cherry pie", "Ünïcödé", "日本語", "x_y%z", " padded ",
        "O'Reilly", "zeta", "apple tart", "Äpfel"};
    static final String[] TAGS = {"red", "green", "blue", "", "grün", "big"};
    static final String[] KEYS = {"a", "b", "c", "ü"};
    static final String[] REGIONS = {"north", "south", "east", "west", "Zürich"};
    static final String[] CATEGORIES = {"tools", "toys", "food", "books"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Random random;

    private DifferentialData(long seed) {
        this.random = new Random(seed);
    }

    /** The three tables, the same for the same seed. */
    static List<Table> tables(long seed) {
        DifferentialData data = new DifferentialData(seed);
        return List.of(data.fact(2_000), data.customers(60), data.products(40));
    }

    private Table fact(int count) {
        List<Column> columns = List.of(
                new Column("id", "bigint", "BIGINT"),
                new Column("cust_id", "int", "INTEGER"),
                new Column("prod_id", "bigint", "BIGINT"),
                new Column("qty", "int", "INTEGER"),
                new Column("price", "double", "DOUBLE"),
                new Column("amount", "decimal(12,2)", "DECIMAL(12,2)"),
                new Column("note", "string", "VARCHAR"),
                new Column("flag", "boolean", "BOOLEAN"),
                new Column("d", "date", "DATE"),
                new Column("ts", "timestamp", "TIMESTAMP"),
                new Column("nums", "array<bigint>", "BIGINT[]"),
                new Column("tags", "array<string>", "VARCHAR[]"),
                new Column("attrs", "map<string,bigint>", "MAP(VARCHAR, BIGINT)"));
        List<Object[]> rows = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            rows.add(new Object[] {
                id,
                nullOr(8, () -> 1 + random.nextInt(66)),
                nullOr(10, () -> 1L + random.nextInt(44)),
                nullOr(10, () -> random.nextInt(41) - 10),
                nullOr(10, () -> random.nextInt(4) == 0 ? random.nextInt(1_000_000) / 7.0
                        : (random.nextInt(8001) - 2000) / 4.0),
                nullOr(10, () -> BigDecimal.valueOf(random.nextInt(2_000_001) - 500_000, 2)),
                nullOr(10, () -> WORDS[random.nextInt(WORDS.length)]),
                nullOr(10, random::nextBoolean),
                nullOr(10, () -> FIRST_DAY.plusDays(random.nextInt(1100))),
                nullOr(10, () -> FIRST_DAY.atStartOfDay().plusSeconds(random.nextInt(1100 * 86_400))
                        .plusNanos(random.nextInt(1000) * 1_000_000L)),
                nullOr(10, this::nums),
                nullOr(10, this::tags),
                nullOr(10, this::attrs),
            });
        }
        return new Table("fact", columns, rows);
    }

    private Table customers(int count) {
        List<Column> columns = List.of(
                new Column("cust_id", "int", "INTEGER"),
                new Column("name", "string", "VARCHAR"),
                new Column("region", "string", "VARCHAR"),
                new Column("joined", "date", "DATE"),
                new Column("score", "double", "DOUBLE"));
        List<Object[]> rows = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            rows.add(new Object[] {
                id,
                nullOr(10, () -> WORDS[random.nextInt(WORDS.length)] + " " + random.nextInt(100)),
                nullOr(10, () -> REGIONS[random.nextInt(REGIONS.length)]),
                nullOr(10, () -> FIRST_DAY.minusDays(random.nextInt(2000))),
                nullOr(10, () -> random.nextInt(400) / 8.0),
            });
        }
        return new Table("customers", columns, rows);
    }

    private Table products(int count) {
        List<Column> columns = List.of(
                new Column("prod_id", "bigint", "BIGINT"),
                new Column("pname", "string", "VARCHAR"),
                new Column("category", "string", "VARCHAR"),
                new Column("list_price", "decimal(12,2)", "DECIMAL(12,2)"),
                new Column("active", "boolean", "BOOLEAN"));
        List<Object[]> rows = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            rows.add(new Object[] {
                id,
                nullOr(10, () -> TAGS[random.nextInt(TAGS.length)] + " " + WORDS[random.nextInt(WORDS.length)]),
                nullOr(10, () -> CATEGORIES[random.nextInt(CATEGORIES.length)]),
                nullOr(10, () -> BigDecimal.valueOf(random.nextInt(100_000), 2)),
                nullOr(10, random::nextBoolean),
            });
        }
        return new Table("products", columns, rows);
    }

    private List<Long> nums() {
        List<Long> values = new ArrayList<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            values.add(random.nextInt(15) == 0 ? null : (long) random.nextInt(21) - 5);
        }
        return values;
    }

    private List<String> tags() {
        List<String> values = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            values.add(random.nextInt(15) == 0 ? null : TAGS[random.nextInt(TAGS.length)]);
        }
        return values;
    }

    private Map<String, Long> attrs() {
        Map<String, Long> values = new LinkedHashMap<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            values.put(KEYS[random.nextInt(KEYS.length)], random.nextInt(15) == 0 ? null : (long) random.nextInt(100));
        }
        return values;
    }

    /** NULL one time in {@code oneIn}, else the supplied value. */
    private Object nullOr(int oneIn, java.util.function.Supplier<Object> value) {
        return random.nextInt(oneIn) == 0 ? null : value.get();
    }

    /** The rows as newline-delimited JSON objects, as Glaux's JsonSerDe reads them. */
    static String json(Table table) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            for (Object[] row : table.rows()) {
                json.writeStartObject();
                for (int i = 0; i < row.length; i++) {
                    json.writeFieldName(table.columns().get(i).name());
                    writeJson(json, row[i]);
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeJson(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long || value instanceof Integer) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof LocalDateTime t) {
            json.writeString(t.format(TIMESTAMP));
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeJson(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName((String) entry.getKey());
                writeJson(json, entry.getValue());
            }
            json.writeEndObject();
        } else {
            json.writeString(value.toString());
        }
    }

    /** Glaux's DDL for the table over {@code location}. */
    static String glauxDdl(Table table, String location) {
        StringBuilder ddl = new StringBuilder("CREATE EXTERNAL TABLE " + table.name() + " (");
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            ddl.append(i == 0 ? "" : ", ").append(column.name()).append(' ').append(column.athenaType());
        }
        return ddl.append(") ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION '")
                .append(location).append('\'').toString();
    }

    /** DuckDB's statements creating the table and inserting its rows, 250 rows per INSERT. */
    static List<String> duckDbStatements(Table table) {
        List<String> statements = new ArrayList<>();
        StringBuilder create = new StringBuilder("CREATE TABLE " + table.name() + " (");
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            create.append(i == 0 ? "" : ", ").append(column.name()).append(' ').append(column.duckDbType());
        }
        statements.add(create.append(')').toString());
        for (int start = 0; start < table.rows().size(); start += 250) {
            StringBuilder insert = new StringBuilder("INSERT INTO " + table.name() + " VALUES ");
            for (int r = start; r < Math.min(start + 250, table.rows().size()); r++) {
                insert.append(r == start ? "(" : ", (");
                Object[] row = table.rows().get(r);
                for (int i = 0; i < row.length; i++) {
                    insert.append(i == 0 ? "" : ", ").append(sqlLiteral(row[i], table.columns().get(i).duckDbType()));
                }
                insert.append(')');
            }
            statements.add(insert.toString());
        }
        return statements;
    }

    private static String sqlLiteral(Object value, String duckDbType) {
        if (value == null) {
            return "CAST(NULL AS " + duckDbType + ")";
        } else if (value instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        } else if (value instanceof LocalDate d) {
            return "DATE '" + d + "'";
        } else if (value instanceof LocalDateTime t) {
            return "TIMESTAMP '" + t.format(TIMESTAMP) + "'";
        } else if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(list.get(i) == null ? "NULL" : sqlLiteral(list.get(i), ""));
            }
            return "CAST(" + out.append(']') + " AS " + duckDbType + ")";
        } else if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("MAP {");
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ", ").append(sqlLiteral(entry.getKey(), ""))
                        .append(": ").append(entry.getValue() == null ? "NULL" : entry.getValue());
                first = false;
            }
            return "CAST(" + out.append('}') + " AS " + duckDbType + ")";
        } else if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
