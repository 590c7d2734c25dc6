package io.glaux.athena.api;

import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** ListEngineVersions: Glaux runs one engine, Athena engine version 3, which AUTO also selects. */
final class EngineVersionOperations {

    static final String ENGINE_VERSION_3 = "Athena engine version 3";

    /** Selected and effective version pairs, AUTO first as Athena lists them. */
    private static final List<List<String>> VERSIONS = List.of(
            List.of("AUTO", ENGINE_VERSION_3),
            List.of(ENGINE_VERSION_3, ENGINE_VERSION_3));

    void register(Map<String, JsonOperation> operations) {
        operations.put("ListEngineVersions", this::list);
    }

    private JsonNode list(JsonInput request, RequestContext context) {
        Integer max = request.integer("MaxResults", 1, 10);
        String token = request.string("NextToken", 1, 1024);
        ListPage<List<String>> page = ListPage.of(VERSIONS, token, max == null ? 10 : max, AthenaErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode versions = response.putArray("EngineVersions");
        for (List<String> version : page.items()) {
            ObjectNode node = versions.addObject();
            node.put("SelectedEngineVersion", version.get(0));
            node.put("EffectiveEngineVersion", version.get(1));
        }
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }
}
