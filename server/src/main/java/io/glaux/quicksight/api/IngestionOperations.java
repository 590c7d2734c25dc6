package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.quicksight.dataset.DataSet;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.ingestion.DataSetIngestions;
import io.glaux.spice.ErrorInfo;
import io.glaux.spice.Ingestion;
import io.glaux.spice.IngestionRequestSource;
import io.glaux.spice.IngestionRequestType;
import io.glaux.spice.IngestionType;
import io.glaux.spice.QueueInfo;
import io.glaux.spice.RowInfo;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CreateIngestion, DescribeIngestion, ListIngestions and CancelIngestion
 * ({@code /accounts/{AwsAccountId}/data-sets/{DataSetId}/ingestions...}).
 */
final class IngestionOperations {

    private static final String PATH = "/accounts/{AwsAccountId}/data-sets/{DataSetId}/ingestions";
    private static final String ONE = PATH + "/{IngestionId}";
    private static final Pattern INGESTION_ID = Pattern.compile("^[a-zA-Z0-9-_]+$");

    private final DataSetService dataSets;
    private final DataSetIngestions ingestions;

    IngestionOperations(DataSetService dataSets, DataSetIngestions ingestions) {
        this.dataSets = dataSets;
        this.ingestions = ingestions;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("CreateIngestion", "PUT", ONE, this::create),
                RestRoute.of("DescribeIngestion", "GET", ONE, this::describe),
                RestRoute.of("CancelIngestion", "DELETE", ONE, this::cancel),
                RestRoute.of("ListIngestions", "GET", PATH, this::list));
    }

    /** An ingestion's ARN: its dataset's ARN followed by {@code /ingestion/<id>}. */
    static String arn(DataSet dataSet, Ingestion ingestion) {
        return dataSet.arn() + "/ingestion/" + ingestion.id();
    }

    private RestResponse create(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String dataSetId = QuickSightInput.resourceId(request, "DataSetId");
        String ingestionId = request.label("IngestionId", 1, 128, INGESTION_ID);
        String type = request.body().string("IngestionType", 1, 32);
        if (type != null && !type.equals("FULL_REFRESH") && !type.equals("INCREMENTAL_REFRESH")) {
            throw request.body().violation(type, "IngestionType",
                    "Member must satisfy enum value set: [INCREMENTAL_REFRESH, FULL_REFRESH]");
        }
        IngestionType ingestionType = type == null ? IngestionType.FULL_REFRESH : IngestionType.valueOf(type);
        Ingestion started = ingestions.start(dataSetId, ingestionId, ingestionType, IngestionRequestSource.MANUAL,
                IngestionRequestType.valueOf(ingestionType.name()));
        ObjectNode response = AwsJson.object();
        response.put("Arn", arn(dataSets.get(dataSetId), started));
        response.put("IngestionId", started.id());
        response.put("IngestionStatus", started.status().name());
        return new RestResponse(201, response);
    }

    private RestResponse describe(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String dataSetId = QuickSightInput.resourceId(request, "DataSetId");
        Ingestion ingestion = ingestions.get(dataSetId, request.label("IngestionId", 1, 128, INGESTION_ID));
        ObjectNode response = AwsJson.object();
        response.set("Ingestion", describe(dataSets.get(dataSetId), ingestion));
        return RestResponse.ok(response);
    }

    private RestResponse list(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String dataSetId = QuickSightInput.resourceId(request, "DataSetId");
        DataSet dataSet = dataSets.get(dataSetId);
        Integer max = request.queryInteger("max-results", 1, 100);
        ListPage<Ingestion> page = ListPage.of(ingestions.list(dataSetId), request.queryParameter("next-token"),
                max == null ? 100 : max, QuickSightErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("Ingestions");
        page.items().forEach(ingestion -> list.add(describe(dataSet, ingestion)));
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return RestResponse.ok(response);
    }

    private RestResponse cancel(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String dataSetId = QuickSightInput.resourceId(request, "DataSetId");
        Ingestion cancelled = ingestions.cancel(dataSetId, request.label("IngestionId", 1, 128, INGESTION_ID));
        ObjectNode response = AwsJson.object();
        response.put("Arn", arn(dataSets.get(dataSetId), cancelled));
        response.put("IngestionId", cancelled.id());
        return RestResponse.ok(response);
    }

    /** The Ingestion structure. */
    private static ObjectNode describe(DataSet dataSet, Ingestion ingestion) {
        ObjectNode node = AwsJson.object();
        node.put("Arn", arn(dataSet, ingestion));
        node.put("IngestionId", ingestion.id());
        node.put("IngestionStatus", ingestion.status().name());
        ErrorInfo error = ingestion.errorInfo();
        if (error != null) {
            node.putObject("ErrorInfo").put("Type", error.type().name()).put("Message", error.message());
        }
        RowInfo rows = ingestion.rowInfo();
        if (rows != null) {
            node.putObject("RowInfo").put("RowsIngested", rows.rowsIngested()).put("RowsDropped", rows.rowsDropped())
                    .put("TotalRowsInDataset", rows.totalRowsInDataset());
        }
        QueueInfo queue = ingestion.queueInfo();
        if (queue != null) {
            node.putObject("QueueInfo").put("WaitingOnIngestion", queue.waitingOnIngestion())
                    .put("QueuedIngestion", queue.queuedIngestion());
        }
        AwsJson.putTime(node, "CreatedTime", ingestion.createdTime());
        if (ingestion.status().isFinal()) {
            node.put("IngestionTimeInSeconds", ingestion.ingestionTimeInSeconds());
        }
        if (ingestion.ingestionSizeInBytes() != null) {
            node.put("IngestionSizeInBytes", ingestion.ingestionSizeInBytes());
        }
        node.put("RequestSource", ingestion.requestSource().name());
        node.put("RequestType", ingestion.requestType().name());
        return node;
    }
}
