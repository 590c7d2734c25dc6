package io.glaux.sql;

import io.glaux.sql.function.JsonType;
import io.glaux.sql.function.TrinoTypeNames;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.Map;

/**
 * json is a VARCHAR to Calcite, so it would compare with text and match LIKE patterns; Trino refuses both while the
 * query is analyzed, with TYPE_MISMATCH: json has {@code =} and {@code <>} (and IS DISTINCT FROM) with json only, no
 * order ({@code '=' cannot be applied to json, varchar(1)}; {@code '<' cannot be applied to json, json}), and LIKE
 * takes varchar ({@code Left side of LIKE expression must evaluate to a varchar (actual: json)}). CAST(j AS varchar)
 * is the way to compare json's text.
 */
final class JsonOperands {
    private static final Map<SqlKind, String> COMPARISONS = Map.of(SqlKind.EQUALS, "=", SqlKind.NOT_EQUALS, "<>",
            SqlKind.IS_DISTINCT_FROM, "IS DISTINCT FROM", SqlKind.IS_NOT_DISTINCT_FROM, "IS DISTINCT FROM",
            SqlKind.LESS_THAN, "<", SqlKind.LESS_THAN_OR_EQUAL, "<=", SqlKind.GREATER_THAN, ">",
            SqlKind.GREATER_THAN_OR_EQUAL, ">=");

    private JsonOperands() {
    }

    /** Fails if the validated statement compares json with another type, orders json, or matches it with LIKE. */
    static void check(SqlValidator validator, SqlNode validated) {
        validated.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                String operator = COMPARISONS.get(call.getKind());
                if (operator != null && call.operandCount() == 2) {
                    compared(validator, call, operator);
                } else if (call.getKind() == SqlKind.LIKE) {
                    like(validator, call);
                }
                return super.visit(call);
            }
        });
    }

    private static void compared(SqlValidator validator, SqlCall call, String operator) {
        RelDataType left = validator.getValidatedNodeTypeIfKnown(call.operand(0));
        RelDataType right = validator.getValidatedNodeTypeIfKnown(call.operand(1));
        if (left == null || right == null || !(JsonType.is(left) || JsonType.is(right))) {
            return;
        }
        boolean equality = call.getKind() == SqlKind.EQUALS || call.getKind() == SqlKind.NOT_EQUALS
                || call.getKind() == SqlKind.IS_DISTINCT_FROM || call.getKind() == SqlKind.IS_NOT_DISTINCT_FROM;
        boolean comparable = equality && jsonOrUnknown(left) && jsonOrUnknown(right);
        if (!comparable) {
            throw OrderableTypes.typeMismatch(call.getParserPosition(), "'" + operator + "' cannot be applied to "
                    + TrinoTypeNames.of(left) + ", " + TrinoTypeNames.of(right));
        }
    }

    private static void like(SqlValidator validator, SqlCall call) {
        String[] sides = {"Left side of LIKE expression", "Pattern for LIKE expression",
            "Escape for LIKE expression"};
        for (int i = 0; i < call.operandCount() && i < sides.length; i++) {
            RelDataType type = validator.getValidatedNodeTypeIfKnown(call.operand(i));
            if (type != null && JsonType.is(type)) {
                throw OrderableTypes.typeMismatch(call.operand(i).getParserPosition(),
                        sides[i] + " must evaluate to a varchar (actual: json)");
            }
        }
    }

    private static boolean jsonOrUnknown(RelDataType type) {
        return JsonType.is(type) || type.getSqlTypeName() == SqlTypeName.NULL;
    }
}
