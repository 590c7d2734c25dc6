package io.glaux.sql;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.SourceLocation;
import io.glaux.error.TrinoErrorCode;
import io.glaux.sql.function.JsonType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

import java.util.Locale;

/**
 * Trino sorts only orderable types: json compares for equality (GROUP BY, DISTINCT) but has no order, so an ORDER BY
 * of a json value fails while the query is analyzed, with Trino's TYPE_MISMATCH and words ({@code Type json is not
 * orderable, and therefore cannot be used in ORDER BY: j}; in a window, {@code json is not orderable, and therefore
 * cannot be used in window function ORDER BY}). Calcite would sort json by its text.
 */
final class OrderableTypes {

    private OrderableTypes() {
    }

    /** Fails if an ORDER BY of the validated statement sorts by json. */
    static void check(SqlValidator validator, SqlNode validated) {
        validated.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select && select.getOrderList() != null) {
                    for (SqlNode item : select.getOrderList()) {
                        SqlNode key = key(item);
                        RelDataType type = type(validator, select, key);
                        if (type != null && JsonType.is(type)) {
                            throw typeMismatch(select.getParserPosition(), "Type json is not orderable, and therefore"
                                    + " cannot be used in ORDER BY: " + text(key));
                        }
                    }
                }
                if (call instanceof SqlWindow window) {
                    for (SqlNode item : window.getOrderList()) {
                        RelDataType type = validator.getValidatedNodeTypeIfKnown(key(item));
                        if (type != null && JsonType.is(type)) {
                            throw typeMismatch(window.getParserPosition(),
                                    "json is not orderable, and therefore cannot be used in window function ORDER BY");
                        }
                    }
                }
                return super.visit(call);
            }
        });
    }

    /** The sort key without DESC and NULLS FIRST/LAST. */
    private static SqlNode key(SqlNode item) {
        SqlNode key = item;
        while (key.getKind() == SqlKind.DESCENDING || key.getKind() == SqlKind.NULLS_FIRST
                || key.getKind() == SqlKind.NULLS_LAST) {
            key = ((SqlCall) key).operand(0);
        }
        return key;
    }

    /** The key's type: an expression's own, or the select item an ordinal or an alias names. */
    private static RelDataType type(SqlValidator validator, SqlSelect select, SqlNode key) {
        SqlNodeList items = select.getSelectList();
        if (key instanceof SqlNumericLiteral ordinal && ordinal.isInteger()) {
            int index = ordinal.intValue(false) - 1;
            return index >= 0 && index < items.size() ? validator.getValidatedNodeTypeIfKnown(items.get(index))
                    : null;
        }
        if (key instanceof SqlIdentifier id && id.isSimple()) {
            for (int i = 0; i < items.size(); i++) {
                String alias = SqlValidatorUtil.alias(items.get(i), i);
                if (id.getSimple().equalsIgnoreCase(alias)) {
                    return validator.getValidatedNodeTypeIfKnown(items.get(i));
                }
            }
        }
        return validator.getValidatedNodeTypeIfKnown(key);
    }

    /** The key as the query wrote it, near enough: names unquoted, as Trino prints them. */
    private static String text(SqlNode key) {
        return key instanceof SqlIdentifier id ? String.join(".", id.names).toLowerCase(Locale.ROOT)
                : key.toString().replace("\"", "").replace("`", "");
    }

    /** Trino's TYPE_MISMATCH at a position, found while the query is analyzed. */
    static GlauxException typeMismatch(SqlParserPos pos, String message) {
        return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.TYPE_MISMATCH,
                new SourceLocation(Math.max(1, pos.getLineNum()), Math.max(1, pos.getColumnNum())), message, null);
    }
}
