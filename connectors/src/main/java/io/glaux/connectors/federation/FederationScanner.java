package io.glaux.connectors.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.connector.BatchReader;
import io.glaux.connector.ConnectorCapabilities;
import io.glaux.connector.ConnectorScanner;
import io.glaux.connector.ConnectorSplit;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SortItem;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A scan as Athena runs it: GetTableLayoutRequest with the constraint (the partitions it keeps), then
 * GetSplitsRequest for those partitions, following continuation tokens, and for each split a ReadRecordsRequest
 * with the projected columns ({@link FederationBatchReader}). Every request carries the same Constraints: the
 * engine's constraint and, when the function declared them and the summary says the whole constraint, the limit and
 * the order of a top-N.
 */
final class FederationScanner implements ConnectorScanner {

    private final FederationMetadata metadata;
    private final FunctionClient metadataFunction;
    private final FunctionClient recordFunction;
    private final SpilledObjects spill;
    private final ArrowMemory memory;

    FederationScanner(FederationMetadata metadata, FunctionClient metadataFunction, FunctionClient recordFunction,
                      SpilledObjects spill, ArrowMemory memory) {
        this.metadata = metadata;
        this.metadataFunction = metadataFunction;
        this.recordFunction = recordFunction;
        this.spill = spill;
        this.memory = memory;
    }

    @Override
    public List<ConnectorSplit> splits(ScanRequest request) {
        TableShape shape = metadata.shape(request.table().name());
        Requests requests = metadataFunction.requests();
        ObjectNode constraints = constraints(requests.serdeVersion(), request, shape);
        Response layout = metadataFunction.call(requests.getTableLayout(request.queryId(), shape.name(), constraints,
                shape.schema(), shape.partitionColumns()), FederationErrors.METADATA, Set.of("GetTableLayoutResponse"));
        JsonNode partitions = layout.object(layout.node(), "partitions");
        if (rowCount(layout, partitions) == 0) {
            return List.of();   // every partition was pruned
        }
        List<ConnectorSplit> splits = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        do {
            Response response = metadataFunction.call(requests.getSplits(request.queryId(), shape.name(), partitions,
                    shape.partitionColumns(), constraints, token), FederationErrors.METADATA,
                    Set.of("GetSplitsResponse"));
            for (JsonNode split : response.array(response.node(), "splits")) {
                splits.add(FederationSplit.of(split, response));
            }
            token = response.optionalText(response.node(), "continuationToken");
            if (token != null && !tokens.add(token)) {
                throw response.malformed("it gives the continuationToken " + token + " a second time");
            }
        } while (token != null);
        return splits;
    }

    @Override
    public BatchReader read(ScanRequest request, ConnectorSplit split) {
        TableShape shape = metadata.shape(request.table().name());
        Requests requests = recordFunction.requests();
        Map<String, Field> fields = shape.fields();
        List<Field> projected = new ArrayList<>();
        for (String column : request.columns()) {
            Field field = fields.get(column.toLowerCase(Locale.ROOT));
            if (field == null) {
                throw FederationErrors.unsupported(recordFunction.arn(), "no longer describes column " + column
                        + " of " + shape.name());
            }
            if (!projected.contains(field)) {
                projected.add(field);
            }
        }
        if (projected.isEmpty() && !shape.schema().getFields().isEmpty()) {
            // Nothing projected (a count): read the first column for its rows.
            projected.add(shape.schema().getFields().get(0));
        }
        Schema schema = new Schema(projected, shape.schema().getCustomMetadata());
        FederationSplit federationSplit = (FederationSplit) split;
        ObjectNode readRequest = requests.readRecords(request.queryId(), shape.name(), schema,
                federationSplit.split(), constraints(requests.serdeVersion(), request, shape));
        return new FederationBatchReader(recordFunction, readRequest, federationSplit.context(), request.columns(),
                spill, memory, memory.child("federation-read"));
    }

    private ObjectNode constraints(int serdeVersion, ScanRequest request, TableShape shape) {
        Map<String, Field> fields = shape.fields();
        BufferAllocator values = memory.child("federation-constraint");
        try {
            ConstraintsJson json = new ConstraintsJson(serdeVersion, values, "glaux");
            ConstraintsJson.Summary summary = json.summary(request.constraint(), fields);
            ConnectorCapabilities capabilities = metadata.capabilities();
            boolean limited = request.limit().isPresent() && summary.exact() && capabilities.limit()
                    && (request.orderBy().isEmpty() || capabilities.topN())
                    && request.orderBy().stream().allMatch(item -> fields.containsKey(
                    item.column().toLowerCase(Locale.ROOT)));
            List<SortItem> order = limited ? request.orderBy() : List.of();
            return json.constraints(summary.summary(), order, limited ? request.limit() : OptionalLong.empty(),
                    fields);
        } finally {
            memory.release(values);
        }
    }

    private int rowCount(Response layout, JsonNode partitions) {
        Schema schema = layout.schema(partitions, "schema");
        byte[] records = layout.binary(partitions, "records");
        if (records.length == 0) {
            return 0;
        }
        BufferAllocator counting = memory.child("federation-partitions");
        try (VectorSchemaRoot root = ArrowIpc.readBatch(schema, records, counting)) {
            return root.getRowCount();
        } catch (IOException | RuntimeException e) {
            throw layout.malformed("its partitions are not an Arrow record batch: " + e.getMessage());
        } finally {
            memory.release(counting);
        }
    }
}
