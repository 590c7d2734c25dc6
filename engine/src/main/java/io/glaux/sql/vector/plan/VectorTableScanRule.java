package io.glaux.sql.vector.plan;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.logical.LogicalTableScan;

/**
 * Offers the vectorized operators a scan of any table that can be read by them ({@link VectorSource.Provider}, such
 * as a live store table): the planner then holds both plans, the row operators' and the vectorized one, and keeps
 * the cheaper that can run ({@link VectorRules} decide which vectorized queries can).
 */
@SuppressWarnings("deprecation")
public final class VectorTableScanRule extends RelOptRule {

    public static final VectorTableScanRule INSTANCE = new VectorTableScanRule();

    private VectorTableScanRule() {
        super(operand(LogicalTableScan.class, none()), "VectorTableScanRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalTableScan scan = call.rel(0);
        VectorSource.Provider provider = scan.getTable().unwrap(VectorSource.Provider.class);
        VectorSource source = provider == null ? null : provider.vectorSource();
        if (source != null) {
            call.transformTo(new VectorTableScan(scan.getCluster(), scan.getTable(), source));
        }
    }
}
