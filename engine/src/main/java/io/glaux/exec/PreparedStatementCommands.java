package io.glaux.exec;

import io.glaux.catalog.ddl.DdlParser;
import io.glaux.catalog.ddl.DdlStatement;
import io.glaux.catalog.ddl.StatementType;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.saved.PreparedStatement;
import io.glaux.saved.PreparedStatementCommand;
import io.glaux.saved.PreparedStatementStore;
import io.glaux.results.ColumnInfo;
import io.glaux.sql.QueryPlanner;
import io.glaux.sql.StatementDescription;

import java.util.List;
import java.util.Optional;

/**
 * PREPARE, EXECUTE and DEALLOCATE PREPARE in the query's workgroup. PREPARE checks the statement's syntax and saves
 * it; EXECUTE turns into the prepared statement itself, with its {@code ?} placeholders bound to the USING values (or
 * else to the request's ExecutionParameters), in order, exactly as ExecutionParameters are bound.
 */
final class PreparedStatementCommands {

    private final PreparedStatementStore statements;
    private final QueryPlanner planner;

    PreparedStatementCommands(PreparedStatementStore statements, QueryPlanner planner) {
        this.statements = statements;
        this.planner = planner;
    }

    static Optional<PreparedStatementCommand> parse(String sql) {
        return PreparedStatementCommand.parse(sql);
    }

    void prepare(PreparedStatementCommand.Prepare prepare, QueryRequest request) {
        try {
            if (DdlParser.tryParse(prepare.statement()).isEmpty()
                    && PreparedStatementCommand.commandKeyword(prepare.statement()).isEmpty()) {
                planner.parse(prepare.statement());
            }
        } catch (GlauxException e) {
            throw SqlPositions.shift(e, request.query(), prepare.statementOffset());
        }
        statements.put(request.workgroup(), prepare.name(), prepare.statement());
    }

    void deallocate(PreparedStatementCommand.Deallocate deallocate, QueryRequest request) {
        PreparedStatement statement = statements.resolve(request.workgroup(), deallocate.name());
        statements.delete(request.workgroup(), statement.statementName());
    }

    /**
     * DESCRIBE OUTPUT (columns {@code Column Name}, {@code Catalog}, {@code Schema}, {@code Table}, {@code Type},
     * {@code Type Size}, {@code Aliased}: one row per result column) or DESCRIBE INPUT ({@code Position},
     * {@code Type}: one row per placeholder, from 0) of a prepared statement, as Trino answers them. A prepared
     * statement that is not a query (DDL, INSERT, CTAS) describes as no rows.
     */
    TableResult describe(PreparedStatementCommand.Describe describe, QueryRequest request) {
        String sql = statements.resolve(request.workgroup(), describe.name()).queryStatement();
        boolean query = PreparedStatementCommand.commandKeyword(sql).isEmpty() && DdlParser.tryParse(sql).isEmpty();
        StatementDescription description = query ? planner.describe(sql, request.context())
                : new StatementDescription(List.of(), List.of());
        List<Object[]> rows = new java.util.ArrayList<>();
        if (describe.input()) {
            for (int i = 0; i < description.parameterTypes().size(); i++) {
                rows.add(new Object[] {(long) i, description.parameterTypes().get(i)});
            }
            return new TableResult(List.of(ColumnInfo.of("Position", "bigint", 19, 0),
                    ColumnInfo.of("Type", "varchar", Integer.MAX_VALUE, 0)), rows);
        }
        for (StatementDescription.Output o : description.outputs()) {
            rows.add(new Object[] {o.name(), o.catalog(), o.schema(), o.table(), o.type(), o.typeSize(), o.aliased()});
        }
        return new TableResult(List.of(ColumnInfo.of("Column Name", "varchar", Integer.MAX_VALUE, 0),
                ColumnInfo.of("Catalog", "varchar", Integer.MAX_VALUE, 0),
                ColumnInfo.of("Schema", "varchar", Integer.MAX_VALUE, 0),
                ColumnInfo.of("Table", "varchar", Integer.MAX_VALUE, 0),
                ColumnInfo.of("Type", "varchar", Integer.MAX_VALUE, 0),
                ColumnInfo.of("Type Size", "bigint", 19, 0),
                ColumnInfo.of("Aliased", "boolean", 0, 0)), rows);
    }

    /** A small table of rows a utility statement answers. */
    record TableResult(List<ColumnInfo> columns, List<Object[]> rows) {
    }

    /** The request that runs what EXECUTE names, with its parameters. */
    QueryRequest bind(PreparedStatementCommand.Execute execute, QueryRequest request) {
        PreparedStatement statement = statements.resolve(request.workgroup(), execute.name());
        List<String> parameters = request.executionParameters();
        if (execute.using()) {
            if (!parameters.isEmpty()) {
                throw new GlauxException(ErrorType.INVALID_ARGUMENT, "EXECUTE takes its parameters either from"
                        + " USING or from ExecutionParameters, not both");
            }
            parameters = execute.parameters();
        }
        String sql = statement.queryStatement();
        PreparedStatementCommand.commandKeyword(sql).ifPresent(keyword -> {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Invalid statement type for prepared statement: "
                    + keyword);
        });
        Optional<DdlStatement> ddl = DdlParser.tryParse(sql);
        if (ddl.isPresent() && !(ddl.get() instanceof DdlStatement.WithQuery) && !parameters.isEmpty()) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Incorrect number of parameters: expected 0 but"
                    + " found " + parameters.size());
        }
        return new QueryRequest(sql, request.context(), request.workgroup(), request.outputLocation(),
                request.clientRequestToken(), parameters, request.principal(), request.encryption());
    }

    /**
     * The StatementType of a PREPARE, EXECUTE or DEALLOCATE request: EXECUTE reports the type of the statement it
     * runs, the others are UTILITY; empty for other statements. Problems are left for the run to report.
     */
    Optional<StatementType> classify(QueryRequest request) {
        try {
            Optional<PreparedStatementCommand> command = parse(request.query());
            if (command.isEmpty()) {
                return Optional.empty();
            }
            if (command.get() instanceof PreparedStatementCommand.Execute execute) {
                String sql = statements.resolve(request.workgroup(), execute.name()).queryStatement();
                if (PreparedStatementCommand.commandKeyword(sql).isEmpty()) {
                    return Optional.of(StatementType.classify(sql));
                }
            }
        } catch (GlauxException e) {
            // reported when the statement runs
        }
        return Optional.of(StatementType.UTILITY);
    }
}
