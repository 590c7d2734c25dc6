package io.glaux.athena.api;

import io.glaux.saved.NamedQueryStore;

import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.saved.NamedQuery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CreateNamedQuery, GetNamedQuery, ListNamedQueries, UpdateNamedQuery, DeleteNamedQuery and BatchGetNamedQuery over
 * the engine's named query store. An unknown id or workgroup is an InvalidRequestException, as the model declares.
 */
final class NamedQueryOperations {

    private static final Pattern NAMED_QUERY_ID = Pattern.compile("\\S+");
    private static final int MAX_QUERY_LENGTH = 262_144;

    private final NamedQueryStore namedQueries;

    NamedQueryOperations(NamedQueryStore namedQueries) {
        this.namedQueries = namedQueries;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("CreateNamedQuery", this::create);
        operations.put("GetNamedQuery", this::get);
        operations.put("ListNamedQueries", this::list);
        operations.put("UpdateNamedQuery", this::update);
        operations.put("DeleteNamedQuery", this::delete);
        operations.put("BatchGetNamedQuery", this::batchGet);
    }

    private static String id(JsonInput request) {
        return request.requiredString("NamedQueryId", 1, 128, NAMED_QUERY_ID);
    }

    private JsonNode create(JsonInput request, RequestContext context) {
        String name = request.requiredString("Name", 1, 128);
        String description = request.string("Description", 1, 1024);
        String database = request.requiredString("Database", 1, 255);
        String query = request.requiredString("QueryString", 1, MAX_QUERY_LENGTH);
        String token = request.string("ClientRequestToken", 32, 128);
        String workgroup = request.string("WorkGroup", 1, 128, QueryExecutionOperations.WORKGROUP_NAME);
        NamedQuery created = namedQueries.create(name, description, database, query, workgroup, token);
        ObjectNode response = AwsJson.object();
        response.put("NamedQueryId", created.namedQueryId());
        return response;
    }

    private JsonNode get(JsonInput request, RequestContext context) {
        ObjectNode response = AwsJson.object();
        response.set("NamedQuery", describe(namedQueries.get(id(request))));
        return response;
    }

    private JsonNode list(JsonInput request, RequestContext context) {
        String token = request.string("NextToken", 1, 1024);
        Integer max = request.integer("MaxResults", 0, 50);
        String workgroup = request.string("WorkGroup", 1, 128, QueryExecutionOperations.WORKGROUP_NAME);
        List<String> ids = namedQueries.list(workgroup).stream().map(NamedQuery::namedQueryId).toList();
        ListPage<String> page = ListPage.of(ids, token, max == null || max == 0 ? 50 : max, AthenaErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode array = response.putArray("NamedQueryIds");
        page.items().forEach(array::add);
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    private JsonNode update(JsonInput request, RequestContext context) {
        String id = id(request);
        String name = request.requiredString("Name", 1, 128);
        String description = request.string("Description", 0, 1024);
        String query = request.requiredString("QueryString", 1, MAX_QUERY_LENGTH);
        namedQueries.update(id, name, description, query);
        return AwsJson.object();
    }

    private JsonNode delete(JsonInput request, RequestContext context) {
        namedQueries.delete(id(request));
        return AwsJson.object();
    }

    private JsonNode batchGet(JsonInput request, RequestContext context) {
        List<String> ids = request.strings("NamedQueryIds", 1, 50, 1, 128);
        if (ids == null) {
            throw AthenaErrors.invalidRequest("1 validation error detected: Value null at 'namedQueryIds' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        ObjectNode response = AwsJson.object();
        ArrayNode found = response.putArray("NamedQueries");
        ArrayNode unprocessed = response.putArray("UnprocessedNamedQueryIds");
        for (String id : ids) {
            Optional<NamedQuery> query = namedQueries.find(id);
            if (query.isPresent()) {
                found.add(describe(query.get()));
            } else {
                ObjectNode missing = unprocessed.addObject();
                missing.put("NamedQueryId", id);
                missing.put("ErrorCode", "INVALID_INPUT");
                missing.put("ErrorMessage", "NamedQuery " + id + " was not found");
            }
        }
        return response;
    }

    /** A named query in Athena's NamedQuery shape. */
    private static ObjectNode describe(NamedQuery query) {
        ObjectNode node = AwsJson.object();
        node.put("Name", query.name());
        AwsJson.putString(node, "Description", query.description());
        node.put("Database", query.database());
        node.put("QueryString", query.queryString());
        node.put("NamedQueryId", query.namedQueryId());
        node.put("WorkGroup", query.workGroup());
        return node;
    }
}
