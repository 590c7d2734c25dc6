package io.glaux.athena.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.Glaux;
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

    private final Glaux glaux;

    NamedQueryOperations(Glaux glaux) {
        this.glaux = glaux;
    }

    void register(Map<String, AthenaOperation> operations) {
        operations.put("CreateNamedQuery", this::create);
        operations.put("GetNamedQuery", this::get);
        operations.put("ListNamedQueries", this::list);
        operations.put("UpdateNamedQuery", this::update);
        operations.put("DeleteNamedQuery", this::delete);
        operations.put("BatchGetNamedQuery", this::batchGet);
    }

    private static String id(Input request) {
        return request.requiredString("NamedQueryId", 1, 128, NAMED_QUERY_ID);
    }

    private JsonNode create(Input request) {
        String name = request.requiredString("Name", 1, 128);
        String description = request.string("Description", 1, 1024);
        String database = request.requiredString("Database", 1, 255);
        String query = request.requiredString("QueryString", 1, MAX_QUERY_LENGTH);
        String token = request.string("ClientRequestToken", 32, 128);
        String workgroup = request.string("WorkGroup", 1, 128, QueryExecutionOperations.WORKGROUP_NAME);
        NamedQuery created = glaux.namedQueries().create(name, description, database, query, workgroup, token);
        ObjectNode response = AthenaJson.object();
        response.put("NamedQueryId", created.namedQueryId());
        return response;
    }

    private JsonNode get(Input request) {
        ObjectNode response = AthenaJson.object();
        response.set("NamedQuery", describe(glaux.namedQueries().get(id(request))));
        return response;
    }

    private JsonNode list(Input request) {
        String token = request.string("NextToken", 1, 1024);
        Integer max = request.integer("MaxResults", 0, 50);
        String workgroup = request.string("WorkGroup", 1, 128, QueryExecutionOperations.WORKGROUP_NAME);
        List<String> ids = glaux.namedQueries().list(workgroup).stream().map(NamedQuery::namedQueryId).toList();
        ListPage<String> page = ListPage.of(ids, token, max == null || max == 0 ? 50 : max);
        ObjectNode response = AthenaJson.object();
        ArrayNode array = response.putArray("NamedQueryIds");
        page.items().forEach(array::add);
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    private JsonNode update(Input request) {
        String id = id(request);
        String name = request.requiredString("Name", 1, 128);
        String description = request.string("Description", 0, 1024);
        String query = request.requiredString("QueryString", 1, MAX_QUERY_LENGTH);
        glaux.namedQueries().update(id, name, description, query);
        return AthenaJson.object();
    }

    private JsonNode delete(Input request) {
        glaux.namedQueries().delete(id(request));
        return AthenaJson.object();
    }

    private JsonNode batchGet(Input request) {
        List<String> ids = request.strings("NamedQueryIds", 1, 50, 1, 128);
        if (ids == null) {
            throw ApiError.invalidRequest("1 validation error detected: Value null at 'namedQueryIds' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        ObjectNode response = AthenaJson.object();
        ArrayNode found = response.putArray("NamedQueries");
        ArrayNode unprocessed = response.putArray("UnprocessedNamedQueryIds");
        for (String id : ids) {
            Optional<NamedQuery> query = glaux.namedQueries().find(id);
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
        ObjectNode node = AthenaJson.object();
        node.put("Name", query.name());
        AthenaJson.putString(node, "Description", query.description());
        node.put("Database", query.database());
        node.put("QueryString", query.queryString());
        node.put("NamedQueryId", query.namedQueryId());
        node.put("WorkGroup", query.workGroup());
        return node;
    }
}
