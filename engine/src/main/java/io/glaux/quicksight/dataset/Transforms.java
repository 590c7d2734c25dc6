package io.glaux.quicksight.dataset;

import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.dataset.DataSetModel.CalculatedColumn;
import io.glaux.quicksight.dataset.DataSetModel.Cast;
import io.glaux.quicksight.dataset.DataSetModel.CreateColumns;
import io.glaux.quicksight.dataset.DataSetModel.Filter;
import io.glaux.quicksight.dataset.DataSetModel.Project;
import io.glaux.quicksight.dataset.DataSetModel.Rename;
import io.glaux.quicksight.dataset.DataSetModel.Tag;
import io.glaux.quicksight.dataset.DataSetModel.Transform;
import io.glaux.quicksight.dataset.DataSetModel.Untag;
import io.glaux.quicksight.expression.Column;
import io.glaux.quicksight.expression.ExpressionException;
import io.glaux.quicksight.expression.ExpressionTranslator;
import io.glaux.quicksight.expression.QuickSightType;
import io.glaux.quicksight.expression.Translation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Applies a logical table's DataTransforms, in order, each one wrapping the SELECT before it. */
final class Transforms {

    private final ExpressionTranslator translator;

    Transforms(ExpressionTranslator translator) {
        this.translator = translator;
    }

    Relation apply(Relation input, List<Transform> transforms, String table) {
        Relation r = input;
        for (int i = 0; i < transforms.size(); i++) {
            Transform t = transforms.get(i);
            String where = table + " DataTransforms[" + i + "] " + kind(t);
            if (t instanceof Project p) {
                r = project(r, p, where);
            } else if (t instanceof Filter f) {
                r = filter(r, f, where);
            } else if (t instanceof CreateColumns c) {
                r = create(r, c, where);
            } else if (t instanceof Rename n) {
                r = rename(r, n, where);
            } else if (t instanceof Cast c) {
                r = cast(r, c, where);
            } else if (t instanceof Tag g) {
                r = describe(r, g.column(), g.description(), false, where);
            } else if (t instanceof Untag u) {
                r = describe(r, u.column(), null, u.removesDescription(), where);
            } else {
                throw new IllegalStateException("Unknown transform " + t);
            }
        }
        return r;
    }

    /** The operation's name in the API, for messages. */
    private static String kind(Transform t) {
        return t instanceof Project ? "ProjectOperation"
                : t instanceof Filter ? "FilterOperation"
                : t instanceof CreateColumns ? "CreateColumnsOperation"
                : t instanceof Rename ? "RenameColumnOperation"
                : t instanceof Cast ? "CastColumnTypeOperation"
                : t instanceof Tag ? "TagColumnOperation"
                : "UntagColumnOperation";
    }

    private static Relation project(Relation r, Project p, String where) {
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : p.columns()) {
            if (!seen.add(name)) {
                throw QuickSightException.invalid(where + ": column '" + name + "' is projected more than once");
            }
            fields.add(r.require(name, where));
        }
        return Relation.of(Sql.select(Sql.passThrough(fields), names(fields), r.sql(), null), fields, where);
    }

    private Relation filter(Relation r, Filter f, String where) {
        Translation t = translate(f.condition(), r.columns(Sql.INPUT), where);
        if (t.type() != QuickSightType.BOOLEAN) {
            throw QuickSightException.invalid(where + ": the condition '" + f.condition()
                    + "' must be true or false, not a " + t.type() + " value");
        }
        return Relation.of(Sql.select(Sql.passThrough(r.fields()), names(r.fields()), r.sql(), t.sql()), r.fields(),
                where);
    }

    private Relation create(Relation r, CreateColumns c, String where) {
        List<Field> fields = new ArrayList<>(r.fields());
        List<String> expressions = new ArrayList<>(Sql.passThrough(r.fields()));
        Map<String, Column> columns = r.columns(Sql.INPUT);
        for (CalculatedColumn column : c.columns()) {
            String w = where + " column '" + column.name() + "'";
            Translation t = translate(column.expression(), columns, w);
            if (t.type() == QuickSightType.BOOLEAN) {
                throw QuickSightException.invalid(w + ": the expression '" + column.expression()
                        + "' is a condition; a calculated column must give a string, integer, decimal or date");
            }
            Field f = new Field(column.name(), column.id(), t.type(),
                    t.type() == QuickSightType.DECIMAL ? Field.FLOAT : null, null);
            fields.add(f);
            expressions.add("CAST(" + t.sql() + " AS " + f.sqlType() + ")");
        }
        return Relation.of(Sql.select(expressions, names(fields), r.sql(), null), fields, where);
    }

    private static Relation rename(Relation r, Rename n, String where) {
        r.require(n.column(), where);
        List<Field> fields = new ArrayList<>();
        for (Field f : r.fields()) {
            fields.add(f.name().equals(n.column()) ? f.named(n.newName()) : f);
        }
        return Relation.of(Sql.select(Sql.passThrough(r.fields()), names(fields), r.sql(), null), fields, where);
    }

    private Relation cast(Relation r, Cast c, String where) {
        Field from = r.require(c.column(), where);
        QuickSightType to;
        try {
            to = QuickSightType.valueOf(c.newType().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            to = QuickSightType.BOOLEAN;
        }
        if (to == QuickSightType.BOOLEAN) {
            throw QuickSightException.invalid(where + ": NewColumnType " + c.newType()
                    + " is not one of STRING, INTEGER, DECIMAL, DATETIME");
        }
        String subType = to == QuickSightType.DECIMAL ? PhysicalRelations.subType(c.subType(), where) : null;
        Field target = new Field(from.name(), from.id(), to, subType, from.description());
        String value = Sql.identifier(Sql.INPUT) + "." + Sql.identifier(from.name());
        String sql = castSql(value, from, target, c.format(), where);
        List<Field> fields = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        List<String> passed = Sql.passThrough(r.fields());
        for (int i = 0; i < r.fields().size(); i++) {
            boolean cast = r.fields().get(i).name().equals(from.name());
            fields.add(cast ? target : r.fields().get(i));
            expressions.add(cast ? sql : passed.get(i));
        }
        return Relation.of(Sql.select(expressions, names(fields), r.sql(), null), fields, where);
    }

    /**
     * A value converted as QuickSight converts a field's type: text that does not convert is NULL (QuickSight skips
     * it); STRING to DATETIME with a Format parses with that QuickSight date format (as parseDate does).
     */
    private String castSql(String value, Field from, Field to, String format, String where) {
        QuickSightType f = from.type();
        QuickSightType t = to.type();
        if (f == QuickSightType.DATETIME && (t == QuickSightType.INTEGER || t == QuickSightType.DECIMAL)
                || t == QuickSightType.DATETIME && f != QuickSightType.STRING && f != QuickSightType.DATETIME) {
            throw QuickSightException.invalid(where + ": column '" + from.name() + "' of type " + f
                    + " cannot be cast to " + t);
        }
        if (t == QuickSightType.DATETIME && f == QuickSightType.STRING && format != null) {
            String expression = "parseDate({value}, '" + format.replace("\\", "\\\\").replace("'", "\\'") + "')";
            try {
                return "CAST(" + translator.translate(expression, Map.of("value", new Column(value, f))).sql()
                        + " AS " + to.sqlType() + ")";
            } catch (ExpressionException e) {
                throw QuickSightException.invalid(where + ": Format '" + format + "' cannot be used: " + e.problem());
            }
        }
        if (t == QuickSightType.STRING) {
            return "CAST(" + value + " AS VARCHAR)";
        }
        return "TRY_CAST(" + (f == QuickSightType.STRING ? "trim(" + value + ")" : value) + " AS " + to.sqlType() + ")";
    }

    private static Relation describe(Relation r, String column, String description, boolean remove, String where) {
        r.require(column, where);
        List<Field> fields = new ArrayList<>();
        for (Field f : r.fields()) {
            if (!f.name().equals(column)) {
                fields.add(f);
            } else if (remove) {
                fields.add(f.described(null));
            } else {
                fields.add(description == null ? f : f.described(description));
            }
        }
        return new Relation(r.sql(), fields);
    }

    /** An expression translated, or INVALID naming where it is, the expression and the problem's position. */
    Translation translate(String expression, Map<String, Column> columns, String where) {
        Translation t;
        try {
            t = translator.translate(expression, columns);
        } catch (ExpressionException e) {
            throw QuickSightException.invalid(where + ": expression '" + expression + "': " + e.problem()
                    + " at position " + e.position());
        }
        if (t.aggregate()) {
            throw QuickSightException.invalid(where + ": expression '" + expression
                    + "' aggregates; aggregate functions are only available during analysis and visualization");
        }
        return t;
    }

    static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).toList();
    }
}
