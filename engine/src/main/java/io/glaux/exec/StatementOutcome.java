package io.glaux.exec;

import io.glaux.results.ColumnInfo;

import java.util.List;

/** What running one statement produced, and how long its planning took. */
public record StatementOutcome(List<ColumnInfo> columns, long rowCount, Long updateCount, String resultObject,
                               long planningMillis) {
}
