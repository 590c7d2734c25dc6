package io.glaux.sql.connector;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/** Finds whether a plan reads a federated table. */
public final class FederatedScans {

    private FederatedScans() {
    }

    public static boolean present(RelNode plan) {
        if (plan instanceof TableScan scan && scan.getTable().unwrap(ConnectorScanTable.class) != null) {
            return true;
        }
        for (RelNode input : plan.getInputs()) {
            if (present(input)) {
                return true;
            }
        }
        return false;
    }
}
