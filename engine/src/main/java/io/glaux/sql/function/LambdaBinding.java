package io.glaux.sql.function;

import org.apache.calcite.linq4j.function.Function;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeFieldImpl;
import org.apache.calcite.rel.type.RelRecordType;
import org.apache.calcite.rex.RexCallBinding;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.FunctionSqlType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlLambdaScope;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gives the lambda operands of a Glaux function call their parameter types. Calcite's parser and validator read
 * {@code x -> x + 1} with parameters of type ANY; once the call's signature is known, its {@link LambdaParameters} say
 * what each parameter is (the array's element type, ...), and the lambda is validated again with those types, so
 * that its body and result are typed as Trino types them. Binding repeats until the types settle, because a lambda's
 * result can decide another's parameters ({@code reduce}'s state).
 *
 * <p>After validation a lambda operand is a {@link RexLambda}, whose type is its body's; {@link #operandTypes} gives
 * it back its function type so that signatures match the same way in validation and in code generation.
 */
final class LambdaBinding {
    private static final int MAX_ROUNDS = 3;

    private LambdaBinding() {
    }

    /** Whether any operand of the call is a lambda expression. */
    static boolean hasLambda(SqlCallBinding binding) {
        return binding.operands().stream().anyMatch(o -> o instanceof SqlLambda);
    }

    /**
     * Binds the call's lambdas for {@code signature} and answers the operand types after binding, or null if the
     * signature cannot take these operands (a lambda where none belongs, or one with the wrong number of parameters).
     */
    static List<RelDataType> bind(SqlCallBinding binding, Signature signature) {
        List<SqlNode> operands = binding.operands();
        if (operands.size() != signature.args.size()) {
            return null;
        }
        for (int i = 0; i < operands.size(); i++) {
            boolean lambda = operands.get(i) instanceof SqlLambda;
            if (lambda != (signature.args.get(i) == Arg.FUNCTION)) {
                return null;
            }
        }
        SqlValidator validator = binding.getValidator();
        RelDataTypeFactory f = binding.getTypeFactory();
        List<RelDataType> types = new ArrayList<>(binding.collectOperandTypes());
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (int i = 0; i < operands.size(); i++) {
                if (!(operands.get(i) instanceof SqlLambda)) {
                    continue;
                }
                SqlLambda lambda = (SqlLambda) operands.get(i);
                List<RelDataType> params = signature.lambdaParameters.of(i, types, f);
                if (lambda.getParameters().size() != params.size()) {
                    return null;
                }
                if (setParameterTypes(validator, lambda, params)) {
                    lambda.accept(new TypeRemover(validator));
                    validator.validateLambda(lambda);
                    changed = true;
                }
                types.set(i, validator.getValidatedNodeType(lambda));
            }
            if (!changed) {
                break;
            }
        }
        return types;
    }

    private static boolean setParameterTypes(SqlValidator validator, SqlLambda lambda, List<RelDataType> params) {
        Map<String, RelDataType> scopeTypes = ((SqlLambdaScope) validator.getLambdaScope(lambda)).getParameterTypes();
        boolean changed = false;
        for (int k = 0; k < params.size(); k++) {
            String name = lambda.getParameters().get(k).toString();
            if (!Objects.equals(scopeTypes.get(name), params.get(k))) {
                scopeTypes.put(name, params.get(k));
                changed = true;
            }
        }
        return changed;
    }

    /** The operand types of a call, a lambda operand as its function type, in validation and after it. */
    static List<RelDataType> operandTypes(SqlOperatorBinding binding) {
        if (!(binding instanceof RexCallBinding)) {
            return binding.collectOperandTypes();
        }
        return operandTypes(((RexCallBinding) binding).operands());
    }

    /** The types of row expression operands, a lambda as its function type. */
    static List<RelDataType> operandTypes(List<RexNode> operands) {
        List<RelDataType> types = new ArrayList<>();
        for (RexNode operand : operands) {
            types.add(operand instanceof RexLambda ? functionType((RexLambda) operand) : operand.getType());
        }
        return types;
    }

    /**
     * The operand types of a call in code generation, where a lambda operand is a reference to the lambda in the
     * program, typed as its body: it is recognised by the Java type code generation gave it, a linq4j function.
     */
    static List<RelDataType> operandTypes(List<RexNode> operands, List<Expression> translated) {
        List<RelDataType> types = operandTypes(operands);
        for (int i = 0; i < types.size(); i++) {
            boolean lambda = Function.class.isAssignableFrom(Types.toClass(translated.get(i).getType()));
            if (lambda && !(types.get(i) instanceof FunctionSqlType)) {
                types.set(i, new FunctionSqlType(new RelRecordType(List.of()), types.get(i)));
            }
        }
        return types;
    }

    private static RelDataType functionType(RexLambda lambda) {
        List<RelDataTypeField> params = new ArrayList<>();
        for (RexLambdaRef p : lambda.getParameters()) {
            params.add(new RelDataTypeFieldImpl(p.getName(), params.size(), p.getType()));
        }
        return new FunctionSqlType(new RelRecordType(params), lambda.getExpression().getType());
    }

    /** Forgets the types validation gave a lambda's nodes, so that validating it again derives them anew. */
    private static final class TypeRemover extends SqlBasicVisitor<Void> {
        private final SqlValidator validator;

        TypeRemover(SqlValidator validator) {
            this.validator = validator;
        }

        @Override
        public Void visit(SqlIdentifier id) {
            validator.removeValidatedNodeType(id);
            return null;
        }

        @Override
        public Void visit(SqlCall call) {
            validator.removeValidatedNodeType(call);
            return super.visit(call);
        }

        /** A NULL's type is inferred from its neighbours ({@code IF(c, NULL, s.sum)}), which may change. */
        @Override
        public Void visit(SqlLiteral literal) {
            if (literal.getTypeName() == SqlTypeName.NULL) {
                validator.removeValidatedNodeType(literal);
            }
            return null;
        }
    }
}
