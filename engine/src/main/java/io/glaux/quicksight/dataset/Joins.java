package io.glaux.quicksight.dataset;

import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.dataset.DataSetModel.Join;
import io.glaux.quicksight.expression.Column;
import io.glaux.quicksight.expression.QuickSightType;
import io.glaux.quicksight.expression.Translation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Joins two logical tables. The result has the left table's columns, then the right table's; a right column whose
 * name the left table already has is named {@code name[alias]} after the right table's Alias, as QuickSight's data
 * preparation shows it. The OnClause is a QuickSight condition over those result names.
 */
final class Joins {

    private static final String LEFT = "l";
    private static final String RIGHT = "r";

    private final Transforms expressions;

    Joins(Transforms expressions) {
        this.expressions = expressions;
    }

    Relation join(Relation left, Relation right, String rightAlias, Join join, String table) {
        String where = table + " JoinInstruction";
        String sqlJoin = switch (join.type().toUpperCase(Locale.ROOT)) {
            case "INNER" -> "INNER JOIN";
            case "LEFT" -> "LEFT OUTER JOIN";
            case "RIGHT" -> "RIGHT OUTER JOIN";
            case "OUTER" -> "FULL OUTER JOIN";
            default -> throw QuickSightException.invalid(where + ": Type " + join.type()
                    + " is not one of INNER, OUTER, LEFT, RIGHT");
        };
        Set<String> leftNames = new HashSet<>();
        left.fields().forEach(f -> leftNames.add(Relation.key(f.name())));
        List<Field> fields = new ArrayList<>();
        List<String> expressionsSql = new ArrayList<>();
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Field f : left.fields()) {
            fields.add(f);
            String sql = Sql.identifier(LEFT) + "." + Sql.identifier(f.name());
            expressionsSql.add(sql);
            columns.put(f.name(), new Column(sql, f.type()));
        }
        for (Field f : right.fields()) {
            String name = leftNames.contains(Relation.key(f.name())) ? f.name() + "[" + rightAlias + "]" : f.name();
            fields.add(f.named(name));
            String sql = Sql.identifier(RIGHT) + "." + Sql.identifier(f.name());
            expressionsSql.add(sql);
            columns.put(name, new Column(sql, f.type()));
        }
        Relation checked = Relation.of("", fields, where);
        Translation on = expressions.translate(join.onClause(), columns, where + " OnClause");
        if (on.type() != QuickSightType.BOOLEAN) {
            throw QuickSightException.invalid(where + " OnClause: '" + join.onClause()
                    + "' must be a condition, not a " + on.type() + " value");
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(expressionsSql.get(i)).append(" AS ")
                    .append(Sql.identifier(fields.get(i).name()));
        }
        sql.append(fields.isEmpty() ? "" : ", ").append("(COALESCE(").append(Sql.identifier(LEFT)).append('.')
                .append(Sql.identifier(Sql.CAST_FAILED)).append(", FALSE) OR COALESCE(").append(Sql.identifier(RIGHT))
                .append('.').append(Sql.identifier(Sql.CAST_FAILED)).append(", FALSE)) AS ")
                .append(Sql.identifier(Sql.CAST_FAILED));
        sql.append(" FROM (").append(left.sql()).append(") AS ").append(Sql.identifier(LEFT)).append(' ')
                .append(sqlJoin).append(" (").append(right.sql()).append(") AS ").append(Sql.identifier(RIGHT))
                .append(" ON ").append(on.sql());
        return new Relation(sql.toString(), checked.fields());
    }
}
