package io.glaux.sql.connector;

import io.glaux.connector.BatchReader;
import io.glaux.connector.ColumnBatch;
import io.glaux.connector.ConnectorScanner;
import io.glaux.connector.ConnectorSplit;
import io.glaux.connector.ScanRequest;
import io.glaux.sql.scan.ScanContext;
import org.apache.calcite.linq4j.Enumerator;

import java.util.List;

/**
 * The rows of a federated scan: its splits one after another, each read batch by batch; only one split is open at a
 * time, and a cancelled query stops between batches.
 */
final class ConnectorRows implements Enumerator<Object[]> {

    private final ConnectorScanner scanner;
    private final ScanRequest request;
    private final ScanContext context;
    private final int width;

    private List<ConnectorSplit> splits;
    private int nextSplit;
    private BatchReader reader;
    private ColumnBatch batch;
    private int row;
    private Object[] current;

    ConnectorRows(ConnectorScanner scanner, ScanRequest request, ScanContext context) {
        this.scanner = scanner;
        this.request = request;
        this.context = context;
        this.width = request.columns().size();
    }

    @Override
    public Object[] current() {
        return current;
    }

    @Override
    public boolean moveNext() {
        while (true) {
            if (batch != null && row < batch.rowCount()) {
                Object[] values = new Object[width];
                for (int column = 0; column < width; column++) {
                    values[column] = batch.value(column, row);
                }
                row++;
                current = values;
                return true;
            }
            context.checkCancelled();
            if (reader != null) {
                batch = reader.next();
                row = 0;
                if (batch != null) {
                    if (batch.columnCount() != width) {
                        throw new IllegalStateException("The connector returned " + batch.columnCount()
                                + " columns for the " + width + " requested");
                    }
                    continue;
                }
                closeReader();
            }
            if (splits == null) {
                splits = request.constraint().isNone() ? List.of() : scanner.splits(request);
            }
            if (nextSplit >= splits.size()) {
                current = null;
                return false;
            }
            reader = scanner.read(request, splits.get(nextSplit++));
        }
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        closeReader();
    }

    private void closeReader() {
        batch = null;
        if (reader != null) {
            BatchReader open = reader;
            reader = null;
            open.close();
        }
    }
}
