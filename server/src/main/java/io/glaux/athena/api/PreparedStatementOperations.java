package io.glaux.athena.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.Glaux;
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

    private final Glaux glaux;

    PreparedStatementOperations(Glaux glaux) {
        this.glaux = glaux;
    }

    void register(Map<String, AthenaOperation> operations) {
        operations.put("CreatePreparedStatement", this::create);
        operations.put("GetPreparedStatement", this::get);
        operations.put("ListPreparedStatements", this::list);
        operations.put("UpdatePreparedStatement", this::update);
        operations.put("DeletePreparedStatement", this::delete);
        operations.put("BatchGetPreparedStatement", this::batchGet);
    }

    private static String name(Input request) {
        return request.requiredString("StatementName", 1, 256, PreparedStatementStore.NAME);
    }

    private static String workgroup(Input request) {
        return request.requiredString("WorkGroup", 1, 128, QueryExecutionOperations.WORKGROUP_NAME);
    }

    private static <T> T foundOrResourceNotFound(Supplier<T> call) {
        try {
            return call.get();
        } catch (GlauxException e) {
            if (e.type() == ErrorType.NOT_FOUND) {
                throw ApiError.resourceNotFound(e.getMessage());
            }
            throw e;
        }
    }

    private JsonNode create(Input request) {
        String name = name(request);
        String workgroup = workgroup(request);
        String query = request.requiredString("QueryStatement", 1, MAX_QUERY_LENGTH);
        String description = request.string("Description", 1, 1024);
        glaux.preparedStatements().create(workgroup, name, query, description);
        return AthenaJson.object();
    }

    private JsonNode get(Input request) {
        String name = name(request);
        String workgroup = workgroup(request);
        PreparedStatement statement = foundOrResourceNotFound(() -> glaux.preparedStatements().get(workgroup,
                name));
        ObjectNode response = AthenaJson.object();
        response.set("PreparedStatement", describe(statement));
        return response;
    }

    private JsonNode list(Input request) {
        String workgroup = workgroup(request);
        String token = request.string("NextToken", 1, 1024);
        Integer max = request.integer("MaxResults", 1, 50);
        ListPage<PreparedStatement> page = ListPage.of(glaux.preparedStatements().list(workgroup), token,
                max == null ? 50 : max);
        ObjectNode response = AthenaJson.object();
        ArrayNode summaries = response.putArray("PreparedStatements");
        for (PreparedStatement statement : page.items()) {
            ObjectNode summary = summaries.addObject();
            summary.put("StatementName", statement.statementName());
            AthenaJson.putTime(summary, "LastModifiedTime", statement.lastModifiedTime());
        }
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    private JsonNode update(Input request) {
        String name = name(request);
        String workgroup = workgroup(request);
        String query = request.requiredString("QueryStatement", 1, MAX_QUERY_LENGTH);
        String description = request.string("Description", 1, 1024);
        foundOrResourceNotFound(() -> glaux.preparedStatements().update(workgroup, name, query, description));
        return AthenaJson.object();
    }

    private JsonNode delete(Input request) {
        String name = name(request);
        String workgroup = workgroup(request);
        foundOrResourceNotFound(() -> {
            glaux.preparedStatements().delete(workgroup, name);
            return null;
        });
        return AthenaJson.object();
    }

    private JsonNode batchGet(Input request) {
        List<String> names = request.strings("PreparedStatementNames", 1, 256, 1, 256);
        String workgroup = workgroup(request);
        if (names == null) {
            throw ApiError.invalidRequest("1 validation error detected: Value null at 'preparedStatementNames'"
                    + " failed to satisfy constraint: Member must not be null");
        }
        glaux.workgroups().get(workgroup);
        ObjectNode response = AthenaJson.object();
        ArrayNode found = response.putArray("PreparedStatements");
        ArrayNode unprocessed = response.putArray("UnprocessedPreparedStatementNames");
        for (String name : names) {
            Optional<PreparedStatement> statement = PreparedStatementStore.NAME.matcher(name).matches()
                    ? glaux.preparedStatements().find(workgroup, name) : Optional.empty();
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
        ObjectNode node = AthenaJson.object();
        node.put("StatementName", statement.statementName());
        node.put("QueryStatement", statement.queryStatement());
        node.put("WorkGroupName", statement.workGroupName());
        AthenaJson.putString(node, "Description", statement.description());
        AthenaJson.putTime(node, "LastModifiedTime", statement.lastModifiedTime());
        return node;
    }
}
