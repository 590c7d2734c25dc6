package io.glaux.quicksight.dataset;

import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.dataset.DataSetModel.CustomSql;
import io.glaux.quicksight.dataset.DataSetModel.InputColumn;
import io.glaux.quicksight.dataset.DataSetModel.PhysicalTable;
import io.glaux.quicksight.dataset.DataSetModel.RelationalTable;
import io.glaux.quicksight.expression.QuickSightType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SELECT reading a physical table: its InputColumns, each value cast to the column's declared type with
 * {@code TRY_CAST}, so a value that does not convert (text in an INTEGER column) is NULL instead of failing the whole
 * query, as QuickSight skips such values; the ingestion can count them.
 */
final class PhysicalRelations {

    /** The catalog a RelationalTable without Catalog reads, as QuickSight's Athena data sources do. */
    static final String DEFAULT_CATALOG = "AwsDataCatalog";
    /** The database a RelationalTable without Schema reads: Athena's default database. */
    static final String DEFAULT_SCHEMA = "default";

    private PhysicalRelations() {
    }

    static Relation read(PhysicalTable table) {
        String where = "PhysicalTable " + table.id();
        List<Field> fields = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        for (InputColumn c : table.columns()) {
            Field f = field(c, where);
            fields.add(f);
            expressions.add(castFrom(c, f));
        }
        String from;
        if (table instanceof RelationalTable r) {
            from = Sql.identifier(r.catalog() == null ? DEFAULT_CATALOG : r.catalog()) + "."
                    + Sql.identifier(r.schema() == null ? DEFAULT_SCHEMA : r.schema()) + "." + Sql.identifier(r.name());
        } else {
            from = "(" + query((CustomSql) table) + ") AS " + Sql.identifier("q");
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(expressions.get(i)).append(" AS ")
                    .append(Sql.identifier(fields.get(i).name()));
        }
        sql.append(fields.isEmpty() ? "" : ", ").append(castFailed(table.columns(), fields)).append(" AS ")
                .append(Sql.identifier(Sql.CAST_FAILED));
        sql.append(" FROM ").append(from);
        return Relation.of(sql.toString(), fields, where);
    }

    /** The custom query without the trailing semicolons a query pasted from an editor often has. */
    private static String query(CustomSql table) {
        String q = table.sqlQuery().strip();
        while (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        if (q.isEmpty()) {
            throw QuickSightException.invalid("PhysicalTable " + table.id() + " CustomSql has an empty SqlQuery");
        }
        return q;
    }

    /** The dataset field an InputColumn becomes: BIT is a 0/1 INTEGER, BOOLEAN and JSON are text. */
    private static Field field(InputColumn c, String where) {
        String type = c.type().toUpperCase(Locale.ROOT);
        QuickSightType qsType = switch (type) {
            case "STRING", "JSON", "BOOLEAN" -> QuickSightType.STRING;
            case "INTEGER", "BIT" -> QuickSightType.INTEGER;
            case "DECIMAL" -> QuickSightType.DECIMAL;
            case "DATETIME" -> QuickSightType.DATETIME;
            default -> throw QuickSightException.invalid(where + ": input column '" + c.name() + "' has type " + c.type()
                    + "; Glaux supports STRING, INTEGER, DECIMAL, DATETIME, BIT, BOOLEAN and JSON");
        };
        String subType = null;
        if (qsType == QuickSightType.DECIMAL) {
            subType = subType(c.subType(), where + ": input column '" + c.name() + "'");
        } else if (c.subType() != null) {
            throw QuickSightException.invalid(where + ": input column '" + c.name() + "' has SubType " + c.subType()
                    + " but sub types are only available for DECIMAL columns");
        }
        return new Field(c.name(), c.id(), qsType, subType, null);
    }

    /**
     * FIXED or FLOAT; a decimal without a sub type is FIXED (four digits after the point), QuickSight's decimal
     * before decimal-float existed, and what SPICE keeps.
     */
    static String subType(String subType, String where) {
        if (subType == null) {
            return Field.FIXED;
        }
        String s = subType.toUpperCase(Locale.ROOT);
        if (!s.equals(Field.FIXED) && !s.equals(Field.FLOAT)) {
            throw QuickSightException.invalid(where + " has SubType " + subType + "; expected FIXED or FLOAT");
        }
        return s;
    }

    /** Whether a non-NULL value of the row does not convert to its InputColumn's type. */
    private static String castFailed(List<InputColumn> columns, List<Field> fields) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            InputColumn c = columns.get(i);
            String type = c.type().equalsIgnoreCase("BOOLEAN") ? "BOOLEAN" : fields.get(i).sqlType();
            if (!type.equals("VARCHAR")) {
                String column = Sql.identifier(c.name());
                failures.add("(" + column + " IS NOT NULL AND TRY_CAST(" + column + " AS " + type + ") IS NULL)");
            }
        }
        return failures.isEmpty() ? "FALSE" : "(" + String.join(" OR ", failures) + ")";
    }

    private static String castFrom(InputColumn c, Field f) {
        String column = Sql.identifier(c.name());
        if (c.type().equalsIgnoreCase("BOOLEAN")) {
            return "CASE TRY_CAST(" + column + " AS BOOLEAN) WHEN TRUE THEN 'true' WHEN FALSE THEN 'false' END";
        }
        return "TRY_CAST(" + column + " AS " + f.sqlType() + ")";
    }
}
