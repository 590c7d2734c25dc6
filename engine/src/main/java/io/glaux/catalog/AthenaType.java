package io.glaux.catalog;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A column type as Athena DDL spells it (Hive type names): {@code int}, {@code decimal(10,2)},
 * {@code array<struct<a:int,b:string>>}. {@link #parse} reads that spelling, {@link #ddl()} writes it back.
 */
public sealed interface AthenaType {

    enum Kind { BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, CHAR, VARCHAR, STRING, DATE, TIMESTAMP,
        BINARY, ARRAY, MAP, STRUCT }

    Kind kind();

    /** The Hive/Athena DDL spelling, lower case. */
    String ddl();

    /**
     * How Athena engine v3 (Trino) names the type, as {@code information_schema.columns} and result metadata do:
     * {@code integer}, {@code varchar}, {@code timestamp(3)}, {@code array(varchar)}, {@code row(a integer)}.
     */
    String trinoName();

    static AthenaType parse(String text) {
        return new TypeParser(text, false).parseWhole();
    }

    /** Reads a stored column's type, which may also be (or hold) a view's {@link #JSON}. */
    static AthenaType parseStored(String text) {
        return new TypeParser(text, true).parseWhole();
    }

    AthenaType BOOLEAN = new Primitive(Kind.BOOLEAN);
    AthenaType TINYINT = new Primitive(Kind.TINYINT);
    AthenaType SMALLINT = new Primitive(Kind.SMALLINT);
    AthenaType INT = new Primitive(Kind.INT);
    AthenaType BIGINT = new Primitive(Kind.BIGINT);
    AthenaType FLOAT = new Primitive(Kind.FLOAT);
    AthenaType DOUBLE = new Primitive(Kind.DOUBLE);
    AthenaType STRING = new Primitive(Kind.STRING);
    AthenaType DATE = new Primitive(Kind.DATE);
    AthenaType TIMESTAMP = new Primitive(Kind.TIMESTAMP);
    AthenaType BINARY = new Primitive(Kind.BINARY);
    AthenaType JSON = new Json();

    /** Types with no parameters. */
    record Primitive(Kind kind) implements AthenaType {
        public String ddl() {
            return kind.name().toLowerCase(Locale.ROOT);
        }

        public String trinoName() {
            return switch (kind) {
                case INT -> "integer";
                case FLOAT -> "real";
                case STRING -> "varchar";
                case TIMESTAMP -> "timestamp(3)";
                case BINARY -> "varbinary";
                default -> ddl();
            };
        }
    }

    /**
     * Trino's json, the type of a view's column whose query yields json (Athena stores a view's Trino types); a
     * string to everything that switches on {@link #kind()}. No table column is json: DDL and the Hive connector
     * refuse it.
     */
    record Json() implements AthenaType {
        public Kind kind() {
            return Kind.STRING;
        }

        public String ddl() {
            return "json";
        }

        public String trinoName() {
            return "json";
        }
    }

    record Decimal(int precision, int scale) implements AthenaType {
        public Decimal {
            if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
                throw new IllegalArgumentException("Invalid decimal(" + precision + "," + scale + ")");
            }
        }

        public Kind kind() {
            return Kind.DECIMAL;
        }

        public String ddl() {
            return "decimal(" + precision + "," + scale + ")";
        }

        public String trinoName() {
            return ddl();
        }
    }

    record Char(int length) implements AthenaType {
        public Kind kind() {
            return Kind.CHAR;
        }

        public String ddl() {
            return "char(" + length + ")";
        }

        /**
         * A value as Trino holds a char(length): cut to length characters, without its trailing spaces (padding is
         * added only when the value is shown).
         */
        public String hold(String text) {
            int end = text.codePointCount(0, text.length()) > length ? text.offsetByCodePoints(0, length)
                    : text.length();
            while (end > 0 && text.charAt(end - 1) == ' ') {
                end--;
            }
            return text.substring(0, end);
        }

        public String trinoName() {
            return ddl();
        }
    }

    record Varchar(int length) implements AthenaType {
        public Kind kind() {
            return Kind.VARCHAR;
        }

        public String ddl() {
            return "varchar(" + length + ")";
        }

        public String trinoName() {
            return ddl();
        }
    }

    record Array(AthenaType element) implements AthenaType {
        public Kind kind() {
            return Kind.ARRAY;
        }

        public String ddl() {
            return "array<" + element.ddl() + ">";
        }

        public String trinoName() {
            return "array(" + element.trinoName() + ")";
        }
    }

    record Map(AthenaType key, AthenaType value) implements AthenaType {
        public Kind kind() {
            return Kind.MAP;
        }

        public String ddl() {
            return "map<" + key.ddl() + "," + value.ddl() + ">";
        }

        public String trinoName() {
            return "map(" + key.trinoName() + ", " + value.trinoName() + ")";
        }
    }

    record Field(String name, AthenaType type) {
    }

    record Struct(List<Field> fields) implements AthenaType {
        public Struct {
            fields = List.copyOf(fields);
        }

        public Kind kind() {
            return Kind.STRUCT;
        }

        public String ddl() {
            return fields.stream().map(f -> f.name() + ":" + f.type().ddl())
                    .collect(Collectors.joining(",", "struct<", ">"));
        }

        public String trinoName() {
            return fields.stream().map(f -> f.name() + " " + f.type().trinoName())
                    .collect(Collectors.joining(", ", "row(", ")"));
        }
    }
}
