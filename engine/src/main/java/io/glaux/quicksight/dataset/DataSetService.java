package io.glaux.quicksight.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.ResourceFiles;
import io.glaux.quicksight.ResourcePermission;
import io.glaux.quicksight.datasource.DataSource;
import io.glaux.quicksight.datasource.DataSourceService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * QuickSight's datasets, kept across restarts. A definition is compiled ({@link DataSetCompiler}) before anything is
 * stored: a table map that QuickSight would refuse (an unknown data source, a bad expression, a cycle of joins) is
 * refused, and nothing is kept.
 */
public final class DataSetService {

    public static final String RESOURCE_TYPE = "DATA_SET";

    private final ResourceFiles<DataSet> dataSets;
    private final DataSourceService dataSources;
    private final DataSetCompiler compiler = new DataSetCompiler();
    private final Clock clock;

    public DataSetService(Path folder, DataSourceService dataSources, Clock clock, boolean syncWrites) {
        this.dataSets = new ResourceFiles<>(folder, DataSet.class, DataSet::id, syncWrites);
        this.dataSources = dataSources;
        this.clock = clock;
    }

    /** What a dataset is made of, as CreateDataSet and UpdateDataSet take it. */
    public record Definition(String name, String importMode, JsonNode physicalTableMap, JsonNode logicalTableMap,
            ObjectNode settings) {

        public Definition {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(importMode, "importMode");
        }
    }

    public Optional<DataSet> find(String id) {
        return dataSets.find(id);
    }

    public DataSet get(String id) {
        return find(id).orElseThrow(() -> QuickSightException.notFound(RESOURCE_TYPE,
                "Data set " + id + " does not exist."));
    }

    /** The dataset with this ARN, if it is one of this account's. */
    public Optional<DataSet> findByArn(String arn) {
        return dataSets.list().stream().filter(dataSet -> dataSet.arn().equals(arn)).findFirst();
    }

    public List<DataSet> list() {
        return dataSets.list();
    }

    public synchronized DataSet create(String arn, String id, Definition definition,
            List<ResourcePermission> permissions, Map<String, String> tags) {
        if (find(id).isPresent()) {
            throw QuickSightException.exists(RESOURCE_TYPE, "Data set " + id + " already exists.");
        }
        CompiledDataSet compiled = compile(definition);
        var now = clock.instant();
        DataSet created = new DataSet(id, arn, definition.name(), definition.importMode(),
                definition.physicalTableMap(), compiled, definition.settings(), now, now, permissions, tags);
        dataSets.save(created);
        return created;
    }

    public synchronized DataSet update(String id, Definition definition) {
        DataSet current = get(id);
        CompiledDataSet compiled = compile(definition);
        DataSet updated = new DataSet(id, current.arn(), definition.name(), definition.importMode(),
                definition.physicalTableMap(), compiled, definition.settings(), current.createdTime(),
                clock.instant(), current.permissions(), current.tags());
        dataSets.save(updated);
        return updated;
    }

    public synchronized DataSet delete(String id) {
        DataSet deleted = get(id);
        dataSets.delete(id);
        return deleted;
    }

    public synchronized DataSet updatePermissions(String id, List<ResourcePermission> grant,
            List<ResourcePermission> revoke) {
        return dataSets.saved(get(id).withPermissionsUpdated(grant, revoke));
    }

    public synchronized DataSet changeTags(String id, UnaryOperator<Map<String, String>> change) {
        return dataSets.saved(get(id).withTagsChanged(change));
    }

    /** Compiles a definition as Create/UpdateDataSet would, without storing anything (a dataset preview's SQL). */
    public CompiledDataSet compile(Definition definition) {
        if (!DataSet.SPICE.equals(definition.importMode()) && !DataSet.DIRECT_QUERY.equals(definition.importMode())) {
            throw QuickSightException.invalid("ImportMode must be SPICE or DIRECT_QUERY, not "
                    + definition.importMode());
        }
        return compiler.compile(definition.physicalTableMap(), definition.logicalTableMap(), this::workGroup);
    }

    /** The workgroup of a usable data source of this account with that ARN. */
    private Optional<String> workGroup(String dataSourceArn) {
        String id = QuickSightArns.dataSourceId(dataSourceArn);
        if (id == null) {
            return Optional.empty();
        }
        return dataSources.find(id).filter(dataSource -> dataSource.arn().equals(dataSourceArn))
                .filter(DataSource::usable).map(DataSource::workGroup);
    }
}
