package io.glaux.spice;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Catalog {@code spice} as a Calcite schema: one database, {@code default}, whose tables are the datasets that have
 * data. The same query text runs live or cached by switching the catalog (or the query context).
 */
public final class SpiceCatalogSchema extends AbstractSchema {

    private final SpiceService service;

    SpiceCatalogSchema(SpiceService service) {
        this.service = service;
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
        return Map.of(SpiceService.DATABASE, new DatabaseSchema(service));
    }

    /** The datasets of database {@code default}. */
    private static final class DatabaseSchema extends AbstractSchema {
        private final SpiceService service;

        DatabaseSchema(SpiceService service) {
            this.service = service;
        }

        @Override
        protected Map<String, Table> getTableMap() {
            Map<String, Table> tables = new LinkedHashMap<>();
            for (SpiceDataset dataset : service.datasets()) {
                if (dataset.hasData()) {
                    tables.put(dataset.name(), service.scanOptions().vectorized()
                            ? new VectorizedSpiceTable(service, dataset) : new SpiceTable(service, dataset));
                }
            }
            return tables;
        }
    }
}
