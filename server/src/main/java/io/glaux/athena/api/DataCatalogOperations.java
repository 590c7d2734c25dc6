package io.glaux.athena.api;

import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.datacatalog.DataCatalog;
import io.glaux.datacatalog.DataCatalogService;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.tags.TagRules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * CreateDataCatalog, GetDataCatalog, ListDataCatalogs, UpdateDataCatalog and DeleteDataCatalog. As in Athena,
 * {@code AwsDataCatalog} is listed but is not a registered catalog: GetDataCatalog answers that it was not found,
 * and it can't be created, updated or deleted.
 */
final class DataCatalogOperations {

    private static final List<String> TYPES = Arrays.stream(DataCatalogType.values()).map(Enum::name).toList();

    private final DataCatalogService dataCatalogs;

    DataCatalogOperations(DataCatalogService dataCatalogs) {
        this.dataCatalogs = dataCatalogs;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("CreateDataCatalog", this::create);
        operations.put("GetDataCatalog", this::get);
        operations.put("ListDataCatalogs", this::list);
        operations.put("UpdateDataCatalog", this::update);
        operations.put("DeleteDataCatalog", this::delete);
    }

    static String catalogName(JsonInput request, String member) {
        return request.requiredString(member, 1, 256, ModelChecks.PRINTABLE);
    }

    private static void workGroup(JsonInput request) {
        request.string("WorkGroup", 1, 128, QueryExecutionOperations.WORKGROUP_NAME);
    }

    private JsonNode create(JsonInput request, RequestContext context) {
        String name = catalogName(request, "Name");
        DataCatalogType type = DataCatalogType.valueOf(ModelChecks.requiredEnum(request, "Type", TYPES));
        String description = request.string("Description", 1, 1024);
        Map<String, String> parameters = ModelChecks.parameters(request, "Parameters");
        Map<String, String> tags = ModelChecks.tags(request, "Tags");
        TagRules.checkNew(tags);
        TagRules.checkCount(tags);
        DataCatalog created = dataCatalogs.create(name, type, description, parameters, tags);
        ObjectNode response = AwsJson.object();
        response.set("DataCatalog", describe(created));
        return response;
    }

    private JsonNode get(JsonInput request, RequestContext context) {
        String name = catalogName(request, "Name");
        workGroup(request);
        DataCatalog catalog = dataCatalogs.registered(name).orElseThrow(() -> AthenaErrors.invalidRequest(
                "DataCatalog " + (DataCatalogService.isDefault(name) ? DataCatalogService.DEFAULT_CATALOG : name)
                        + " was not found."));
        ObjectNode response = AwsJson.object();
        response.set("DataCatalog", describe(catalog));
        return response;
    }

    private JsonNode list(JsonInput request, RequestContext context) {
        Integer max = request.integer("MaxResults", 2, 50);
        String token = request.string("NextToken", 1, 1024);
        workGroup(request);
        ListPage<DataCatalog> page = ListPage.of(dataCatalogs.list(), token, max == null ? 50 : max, AthenaErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode summaries = response.putArray("DataCatalogsSummary");
        for (DataCatalog catalog : page.items()) {
            ObjectNode summary = summaries.addObject();
            summary.put("CatalogName", catalog.name());
            summary.put("Type", catalog.type().name());
            if (!DataCatalogService.isDefault(catalog.name())) {
                summary.put("Status", "CREATE_COMPLETE");
            }
            AwsJson.putString(summary, "ConnectionType", catalog.connectionType());
        }
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    private JsonNode update(JsonInput request, RequestContext context) {
        String name = catalogName(request, "Name");
        DataCatalogType type = DataCatalogType.valueOf(ModelChecks.requiredEnum(request, "Type", TYPES));
        String description = request.string("Description", 1, 1024);
        Map<String, String> parameters = ModelChecks.parameters(request, "Parameters");
        dataCatalogs.update(name, type, description, parameters);
        return AwsJson.object();
    }

    private JsonNode delete(JsonInput request, RequestContext context) {
        String name = catalogName(request, "Name");
        Boolean catalogOnly = request.bool("DeleteCatalogOnly");
        if (Boolean.TRUE.equals(catalogOnly)) {
            dataCatalogs.registered(name).filter(c -> c.type() != DataCatalogType.FEDERATED)
                    .ifPresent(c -> {
                        throw AthenaErrors.invalidRequest("DeleteCatalogOnly can only be used with FEDERATED data"
                                + " catalogs; " + c.name() + " is " + c.type());
                    });
        }
        DataCatalog deleted = dataCatalogs.delete(name);
        ObjectNode response = AwsJson.object();
        ObjectNode described = describe(deleted);
        if (deleted.type() == DataCatalogType.FEDERATED) {
            described.put("Status", "DELETE_COMPLETE");
        }
        response.set("DataCatalog", described);
        return response;
    }

    private static ObjectNode describe(DataCatalog catalog) {
        ObjectNode node = AwsJson.object();
        node.put("Name", catalog.name());
        AwsJson.putString(node, "Description", catalog.description());
        node.put("Type", catalog.type().name());
        ObjectNode parameters = node.putObject("Parameters");
        catalog.parameters().forEach(parameters::put);
        node.put("Status", "CREATE_COMPLETE");
        AwsJson.putString(node, "ConnectionType", catalog.connectionType());
        return node;
    }
}
