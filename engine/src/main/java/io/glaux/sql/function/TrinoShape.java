package io.glaux.sql.function;

import io.glaux.sql.parse.TrinoTypeSpelling;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A type read from its Trino spelling ({@link TrinoTypeNames}' output, e.g. {@code map(varchar, array(integer))}):
 * the base name, its type parameters (element; key and value; row fields with their names, null if unnamed) and
 * numeric parameters (length, precision and scale). It is how the JSON casts carry a type from planning to run time
 * as a constant string, and how a cast's target type is typed.
 */
record TrinoShape(String base, List<TrinoShape> params, List<String> fieldNames, List<Integer> numbers) {

    static TrinoShape parse(String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        if (open < 0 || !t.endsWith(")")) {
            return new TrinoShape(t.toLowerCase(Locale.ROOT), List.of(), List.of(), List.of());
        }
        String base = t.substring(0, open).trim().toLowerCase(Locale.ROOT);
        List<String> parts = TrinoTypeSpelling.splitTopLevel(t.substring(open + 1, t.length() - 1));
        List<TrinoShape> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (String part : parts) {
            String p = part.trim();
            if (!p.isEmpty() && p.chars().allMatch(Character::isDigit)) {
                numbers.add(Integer.parseInt(p));
            } else if (base.equals("row")) {
                int space = p.indexOf(' ');
                boolean named = space > 0 && p.indexOf('(') != 0 && (p.indexOf('(') < 0 || space < p.indexOf('('))
                        && !p.startsWith("timestamp") && !p.startsWith("time") && !p.startsWith("double ");
                names.add(named ? p.substring(0, space) : null);
                params.add(parse(named ? p.substring(space + 1) : p));
            } else {
                params.add(parse(p));
            }
        }
        return new TrinoShape(base, List.copyOf(params), names, List.copyOf(numbers));
    }

    /** The Calcite type of this shape, nullable. */
    RelDataType toType(RelDataTypeFactory f) {
        RelDataType type;
        switch (base) {
            case "array":
                type = f.createArrayType(params.get(0).toType(f), -1);
                break;
            case "map":
                type = f.createMapType(f.createTypeWithNullability(params.get(0).toType(f), false),
                        params.get(1).toType(f));
                break;
            case "row": {
                List<String> names = new ArrayList<>();
                List<RelDataType> types = new ArrayList<>();
                for (int i = 0; i < params.size(); i++) {
                    names.add(fieldNames.get(i) == null ? "field" + i : fieldNames.get(i));
                    types.add(params.get(i).toType(f));
                }
                type = f.createStructType(types, names);
                break;
            }
            case "varchar":
            case "char":
                type = numbers.isEmpty() ? f.createSqlType(SqlTypeName.VARCHAR)
                        : f.createSqlType(SqlTypeName.VARCHAR, numbers.get(0));
                break;
            case "decimal":
                type = f.createSqlType(SqlTypeName.DECIMAL, numbers.isEmpty() ? 38 : numbers.get(0),
                        numbers.size() < 2 ? 0 : numbers.get(1));
                break;
            case "timestamp":
                type = f.createSqlType(SqlTypeName.TIMESTAMP, numbers.isEmpty() ? 3 : numbers.get(0));
                break;
            case "real":
                type = f.createSqlType(SqlTypeName.REAL);
                break;
            case "varbinary":
                type = f.createSqlType(SqlTypeName.VARBINARY);
                break;
            case "json":
                type = f.createSqlType(SqlTypeName.VARCHAR);
                break;
            default:
                SqlTypeName name = SqlTypeName.get(base.toUpperCase(Locale.ROOT));
                if (name == null) {
                    throw FunctionErrors.invalidArgument("Unknown type: " + base);
                }
                type = f.createSqlType(name);
        }
        return f.createTypeWithNullability(type, true);
    }

    int number(int i, int otherwise) {
        return i < numbers.size() ? numbers.get(i) : otherwise;
    }

    @Override
    public String toString() {
        if (params.isEmpty() && numbers.isEmpty()) {
            return base;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String name = i < fieldNames.size() ? fieldNames.get(i) : null;
            parts.add(name == null ? params.get(i).toString() : name + " " + params.get(i));
        }
        numbers.forEach(n -> parts.add(String.valueOf(n)));
        return base + "(" + String.join(", ", parts) + ")";
    }

}
