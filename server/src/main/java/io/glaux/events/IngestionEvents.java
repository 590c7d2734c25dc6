package io.glaux.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.dataset.DataSet;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.ingestion.DataSetIngestions;
import io.glaux.spice.ErrorInfo;
import io.glaux.spice.Ingestion;
import io.glaux.spice.IngestionListener;
import io.glaux.spice.IngestionStatus;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns each change of a QuickSight dataset's SPICE ingestion into a "QuickSight Ingestion State Change" event.
 * QuickSight sends no such event to EventBridge (ingestions are only in CloudTrail), so these carry Glaux's own source
 * {@code glaux.quicksight}; the detail uses the names of QuickSight's Ingestion shape: {@code dataSetId},
 * {@code ingestionId}, {@code currentState} and {@code previousState} (IngestionStatus values), {@code requestSource},
 * {@code requestType}, {@code queryExecutionId} when the ingestion ran an Athena query, {@code rowInfo} and, for a
 * failed ingestion, {@code errorInfo} with its {@code Type} and {@code Message}. Resources are the dataset's and the
 * ingestion's ARNs. SPICE datasets that are not a QuickSight dataset's publish nothing.
 */
public final class IngestionEvents implements IngestionListener {

    public static final String SOURCE = "glaux.quicksight";
    public static final String DETAIL_TYPE = "QuickSight Ingestion State Change";

    private final DataSetService dataSets;
    private final QuickSightArns arns;
    private final Consumer<EventEnvelope> publish;

    public IngestionEvents(DataSetService dataSets, QuickSightArns arns, Consumer<EventEnvelope> publish) {
        this.dataSets = dataSets;
        this.arns = arns;
        this.publish = publish;
    }

    @Override
    public void statusChanged(IngestionStatus previous, Ingestion ingestion) {
        Optional<DataSet> dataSet = dataSets.list().stream()
                .filter(d -> DataSetIngestions.spiceName(d.id()).equals(ingestion.dataSetName())).findFirst();
        if (dataSet.isEmpty()) {
            return;
        }
        String dataSetId = dataSet.get().id();
        ObjectNode detail = AwsJson.object();
        detail.put("dataSetId", dataSetId);
        detail.put("ingestionId", ingestion.id());
        detail.put("currentState", ingestion.status().name());
        detail.put("previousState", previous.name());
        detail.put("requestSource", ingestion.requestSource().name());
        detail.put("requestType", ingestion.requestType().name());
        AwsJson.putString(detail, "queryExecutionId", ingestion.queryExecutionId());
        ObjectNode rows = detail.putObject("rowInfo");
        rows.put("RowsIngested", ingestion.rowInfo().rowsIngested());
        rows.put("RowsDropped", ingestion.rowInfo().rowsDropped());
        rows.put("TotalRowsInDataset", ingestion.rowInfo().totalRowsInDataset());
        ErrorInfo error = ingestion.errorInfo();
        if (error != null) {
            ObjectNode errorInfo = detail.putObject("errorInfo");
            errorInfo.put("Type", error.type().name());
            errorInfo.put("Message", error.message());
        }
        publish.accept(EventEnvelope.now(DETAIL_TYPE, SOURCE, arns.accountId(), arns.region(),
                List.of(arns.dataSet(dataSetId), arns.ingestion(dataSetId, ingestion.id())), detail));
    }
}
