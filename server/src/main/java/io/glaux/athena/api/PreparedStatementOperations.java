package io.glaux.athena.api;

import io.glaux.workgroup.WorkgroupService;

import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.saved.PreparedStatement;
import io.glaux.saved.PreparedStatementStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * CreatePreparedStatement, GetPreparedStatement, ListPreparedStatements, UpdatePreparedStatement,
 * DeletePreparedStatement and BatchGetPreparedStatement over the engine's prepared statement store. A missing
 * statement is a ResourceNotFoundException where the model declares one (Get, Update, Delete); a duplicate or an
 * unknown workgroup is an InvalidRequestException.
 */
final class PreparedStatementOperations {

    private static final int MAX_QUERY_LENGTH = 262_144;

    private final PreparedStatementStore preparedStatements;
    private final WorkgroupService workgroups;

    PreparedStatementOperations(PreparedStatementStore preparedStatements, WorkgroupService workgroups) {
        this.preparedStatements = preparedStatements;
        this.workgroups = workgroups;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("CreatePreparedStatement", this::create);
        operations.put("GetPreparedStatement", this::get);
        operations.put("ListPreparedStatements", this::list);
        operations.put("UpdatePreparedStatement", this::update);
        operations.put("DeletePreparedStatement", this::delete);
        operations.put("BatchGetPreparedStatement", this::batchGet);
    }

    private static String name(JsonInput request) {
        return request.requiredString("StatementName", 1, 256, PreparedStatementStore.NAME);
    }

    private static String workgroup(JsonInput request) {
        return request.requiredString("WorkGroup", 1, 128, QueryExecutionOperations.WORKGROUP_NAME);
    }

    private static <T> T foundOrResourceNotFound(Supplier<T> call) {
        try {
            return call.get();
        } catch (GlauxException e) {
            if (e.type() == ErrorType.NOT_FOUND) {
                throw AthenaErrors.resourceNotFound(e.getMessage());
            }
            throw e;
        }
    }

    private JsonNode create(JsonInput request, RequestContext context) {
        String name = name(request);
        String workgroup = workgroup(request);
        String query = request.requiredString("QueryStatement", 1, MAX_QUERY_LENGTH);
        String description = request.string("Description", 1, 1024);
        preparedStatements.create(workgroup, name, query, description);
        return AwsJson.object();
    }

    private JsonNode get(JsonInput request, RequestContext context) {
        String name = name(request);
        String workgroup = workgroup(request);
        PreparedStatement statement = foundOrResourceNotFound(() -> preparedStatements.get(workgroup,
                name));
        ObjectNode response = AwsJson.object();
        response.set("PreparedStatement", describe(statement));
        return response;
    }

    private JsonNode list(JsonInput request, RequestContext context) {
        String workgroup = workgroup(request);
        String token = request.string("NextToken", 1, 1024);
        Integer max = request.integer("MaxResults", 1, 50);
        ListPage<PreparedStatement> page = ListPage.of(preparedStatements.list(workgroup), token,
                max == null ? 50 : max, AthenaErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode summaries = response.putArray("PreparedStatements");
        for (PreparedStatement statement : page.items()) {
            ObjectNode summary = summaries.addObject();
            summary.put("StatementName", statement.statementName());
            AwsJson.putTime(summary, "LastModifiedTime", statement.lastModifiedTime());
        }
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    private JsonNode update(JsonInput request, RequestContext context) {
        String name = name(request);
        String workgroup = workgroup(request);
        String query = request.requiredString("QueryStatement", 1, MAX_QUERY_LENGTH);
        String description = request.string("Description", 1, 1024);
        foundOrResourceNotFound(() -> preparedStatements.update(workgroup, name, query, description));
        return AwsJson.object();
    }

    private JsonNode delete(JsonInput request, RequestContext context) {
        String name = name(request);
        String workgroup = workgroup(request);
        foundOrResourceNotFound(() -> {
            preparedStatements.delete(workgroup, name);
            return null;
        });
        return AwsJson.object();
    }

    private JsonNode batchGet(JsonInput request, RequestContext context) {
        List<String> names = request.strings("PreparedStatementNames", 1, 256, 1, 256);
        String workgroup = workgroup(request);
        if (names == null) {
            throw AthenaErrors.invalidRequest("1 validation error detected: Value null at 'preparedStatementNames'"
                    + " failed to satisfy constraint: Member must not be null");
        }
        workgroups.get(workgroup);
        ObjectNode response = AwsJson.object();
        ArrayNode found = response.putArray("PreparedStatements");
        ArrayNode unprocessed = response.putArray("UnprocessedPreparedStatementNames");
        for (String name : names) {
            Optional<PreparedStatement> statement = PreparedStatementStore.NAME.matcher(name).matches()
                    ? preparedStatements.find(workgroup, name) : Optional.empty();
            if (statement.isPresent()) {
                found.add(describe(statement.get()));
            } else {
                boolean valid = PreparedStatementStore.NAME.matcher(name).matches();
                ObjectNode missing = unprocessed.addObject();
                missing.put("StatementName", name);
                missing.put("ErrorCode", valid ? "STATEMENT_NOT_FOUND" : "INVALID_INPUT");
                missing.put("ErrorMessage", valid ? "Prepared statement not found: " + name
                        : "Invalid prepared statement name: " + name);
            }
        }
        return response;
    }

    /** A prepared statement in Athena's PreparedStatement shape. */
    private static ObjectNode describe(PreparedStatement statement) {
        ObjectNode node = AwsJson.object();
        node.put("StatementName", statement.statementName());
        node.put("QueryStatement", statement.queryStatement());
        node.put("WorkGroupName", statement.workGroupName());
        AwsJson.putString(node, "Description", statement.description());
        AwsJson.putTime(node, "LastModifiedTime", statement.lastModifiedTime());
        return node;
    }
}
