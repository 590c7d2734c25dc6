package io.glaux.quicksight.ingestion;

import io.glaux.error.GlauxException;
import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.dataset.DataSet;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.datasource.DataSourceService;
import io.glaux.quicksight.refresh.RefreshService;
import io.glaux.quicksight.role.Fix;
import io.glaux.quicksight.role.QueryChecks;
import io.glaux.spice.ErrorInfo;
import io.glaux.spice.Ingestion;
import io.glaux.spice.IngestionErrorType;
import io.glaux.spice.IngestionRequest;
import io.glaux.spice.IngestionRequestSource;
import io.glaux.spice.IngestionRequestType;
import io.glaux.spice.IngestionType;
import io.glaux.spice.LookbackWindow;
import io.glaux.spice.OutputColumn;
import io.glaux.spice.SpiceDataset;
import io.glaux.spice.SpiceDefinition;
import io.glaux.spice.SpiceService;
import io.glaux.sql.QueryContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SPICE side of QuickSight's datasets: a SPICE dataset is imported into a SPICE dataset of Glaux's own
 * ({@link #spiceName}), defined by the dataset's compiled SQL run as an Athena query in its data source's
 * workgroup, with its output columns' types (values that fail them drop their row) and the lookback window of its
 * refresh properties. Ingestions are that SPICE dataset's ingestions. The query runs as QuickSight's service role;
 * what the role may not do fails the ingestion with AWS's sentence and the fix ({@link QueryChecks}).
 */
public final class DataSetIngestions {

    public static final String RESOURCE_TYPE = "INGESTION";

    private final SpiceService spice;
    private final DataSourceService dataSources;
    private final DataSetService dataSets;
    private final RefreshService refreshes;
    private final QueryChecks checks;

    public DataSetIngestions(SpiceService spice, DataSourceService dataSources, DataSetService dataSets,
            RefreshService refreshes, QueryChecks checks) {
        this.checks = checks;
        this.spice = spice;
        this.dataSources = dataSources;
        this.dataSets = dataSets;
        this.refreshes = refreshes;
    }

    /**
     * The name of the SPICE dataset (catalog {@code spice}, database {@code default}) that holds a QuickSight
     * dataset's rows: {@code qs_<id in lower case, other characters as _>_<8 hex digits of its hash>}.
     */
    public static String spiceName(String dataSetId) {
        String readable = dataSetId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (readable.length() > 100) {
            readable = readable.substring(0, 100);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(dataSetId.getBytes(StandardCharsets.UTF_8));
            return "qs_" + readable + "_" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts an ingestion of a SPICE dataset (its SPICE definition brought up to date first), as CreateIngestion,
     * CreateDataSet, UpdateDataSet and refresh schedules do.
     *
     * @param ingestionId the caller's id, or null for a new one
     */
    public Ingestion start(String dataSetId, String ingestionId, IngestionType type, IngestionRequestSource source,
            IngestionRequestType requestType) {
        DataSet dataSet = dataSets.get(dataSetId);
        if (!dataSet.spice()) {
            throw QuickSightException.invalid("Data set " + dataSetId + " is not imported into SPICE (ImportMode "
                    + dataSet.importMode() + "): there is nothing to ingest.");
        }
        define(dataSet);
        try {
            return spice.createIngestion(IngestionRequest.of(spiceName(dataSetId)).withIngestionId(ingestionId)
                    .withIngestionType(type).withRequestSource(source).withRequestType(requestType)
                    .withPrecondition(() -> unmet(dataSet)));
        } catch (GlauxException e) {
            if (e.type() == io.glaux.error.ErrorType.ALREADY_EXISTS) {
                throw QuickSightException.exists(RESOURCE_TYPE, "Ingestion " + ingestionId + " already exists for"
                        + " data set " + dataSetId + ".");
            }
            throw QuickSightException.invalid(e.getMessage());
        }
    }

    /** Why the ingestion cannot run: its data source is gone, or QuickSight's role may not run its query. */
    private ErrorInfo unmet(DataSet dataSet) {
        ErrorInfo gone = dataSourceGone(dataSet);
        if (gone != null) {
            return gone;
        }
        return checks.beforeQuery(dataSet.compiled().sql(), dataSet.compiled().workGroup())
                .map(refused -> new ErrorInfo(typeOf(refused.fix()), refused.message())).orElse(null);
    }

    /** The ingestion error type QuickSight reports for each kind of refusal of its role. */
    private static IngestionErrorType typeOf(Fix fix) {
        return switch (fix) {
            // A key refused while reading or writing results through S3 leaves the objects as unreadable as a bucket.
            case S3 -> IngestionErrorType.S3_FILE_INACCESSIBLE;
            case KMS -> IngestionErrorType.PERMISSION_DENIED;
            case LAMBDA -> IngestionErrorType.SQL_EXCEPTION;
            case ATHENA -> IngestionErrorType.INVALID_DATA_SOURCE_CONFIG;
        };
    }

    /** DATA_SOURCE_NOT_FOUND when the dataset's data source was deleted since it was made, as QuickSight reports. */
    private ErrorInfo dataSourceGone(DataSet dataSet) {
        String arn = dataSet.compiled().dataSourceArn();
        String id = QuickSightArns.dataSourceId(arn);
        boolean found = id != null && dataSources.find(id).filter(d -> d.arn().equals(arn)).isPresent();
        return found ? null : new ErrorInfo(IngestionErrorType.DATA_SOURCE_NOT_FOUND, "The data source " + arn
                + " of data set " + dataSet.id() + " no longer exists.");
    }

    public Ingestion get(String dataSetId, String ingestionId) {
        dataSets.get(dataSetId);
        return spice.ingestion(spiceName(dataSetId), ingestionId).orElseThrow(() -> QuickSightException.notFound(
                RESOURCE_TYPE, "Ingestion " + ingestionId + " does not exist for data set " + dataSetId + "."));
    }

    /** A dataset's ingestions, newest first. */
    public List<Ingestion> list(String dataSetId) {
        dataSets.get(dataSetId);
        return spice.ingestions(spiceName(dataSetId));
    }

    /** Cancels an ingestion that has not finished; one that has is refused. */
    public Ingestion cancel(String dataSetId, String ingestionId) {
        Ingestion ingestion = get(dataSetId, ingestionId);
        if (ingestion.status().isFinal()) {
            throw QuickSightException.invalid("Ingestion " + ingestionId + " has already finished ("
                    + ingestion.status() + ").");
        }
        ingestion.cancel();
        return ingestion;
    }

    /** The bytes a dataset's current SPICE version holds (0 for DIRECT_QUERY or before its first ingestion). */
    public long consumedBytes(DataSet dataSet) {
        return dataSet.spice() ? spice.dataset(spiceName(dataSet.id())).map(SpiceDataset::bytes).orElse(0L) : 0L;
    }

    /** Drops the SPICE data of a dataset deleted or switched to DIRECT_QUERY. */
    public void forget(String dataSetId) {
        String name = spiceName(dataSetId);
        if (spice.dataset(name).isPresent()) {
            spice.deleteDataset(name);
        }
    }

    /** Creates or brings up to date the SPICE definition of a SPICE dataset. */
    private void define(DataSet dataSet) {
        SpiceDefinition definition = new SpiceDefinition(spiceName(dataSet.id()), dataSet.compiled().sql(),
                QueryContext.DEFAULT, lookbackWindow(dataSet.id()).orElse(null), dataSet.compiled().workGroup(),
                columns(dataSet));
        if (spice.dataset(definition.name()).isPresent()) {
            spice.redefineDataset(definition);
        } else {
            spice.createDataset(definition);
        }
    }

    private Optional<LookbackWindow> lookbackWindow(String dataSetId) {
        return refreshes.lookbackWindow(dataSetId).map(window -> new LookbackWindow(window.columnName(),
                window.size(), LookbackWindow.SizeUnit.valueOf(window.sizeUnit())));
    }

    private static List<OutputColumn> columns(DataSet dataSet) {
        return dataSet.compiled().outputColumns().stream().map(column -> new OutputColumn(column.name(),
                OutputColumn.Type.valueOf(column.type()))).toList();
    }
}
