package io.glaux.format;

import io.glaux.catalog.Column;

import java.util.List;
import java.util.Map;

/**
 * What to read from one object of a table.
 *
 * @param dataColumns the table's data columns (not partition keys), in declared order
 * @param projection indexes into {@code dataColumns} of the columns to return, in the order to return them
 * @param predicates conditions the reader may use to skip data (never required to)
 * @param serdeParameters SerDe parameters merged with the table's TBLPROPERTIES (skip.header.line.count,
 *     serialization.null.format, field.delim, separatorChar, ...)
 * @param serializationLibrary the SerDe class name (decides CSV dialect)
 */
public record ReadRequest(List<Column> dataColumns, int[] projection, List<ColumnPredicate> predicates,
                          Map<String, String> serdeParameters, String serializationLibrary) {

    public ReadRequest {
        dataColumns = List.copyOf(dataColumns);
        predicates = List.copyOf(predicates);
        serdeParameters = Map.copyOf(serdeParameters);
    }
}
