package io.glaux.sql.plan;

import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.CyclicMetadataException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Metadata of a planner subset (the inputs of every join the cost-based planner weighs), asked of its members: the
 * best, the original, then the others, the first that knows answering. Calcite's handlers stop at subsets for the
 * metadata Glaux adds.
 */
final class SubsetMembers {

    private SubsetMembers() {
    }

    /** The first member's non-null answer to {@code metadata}, or null when none knows. */
    static <T> T firstKnown(RelSubset subset, Function<RelNode, T> metadata) {
        List<RelNode> members = new ArrayList<>();
        members.add(subset.getBest());
        members.add(subset.getOriginal());
        members.addAll(subset.getRelList());
        for (RelNode member : members) {
            if (member == null) {
                continue;
            }
            try {
                T known = metadata.apply(member);
                if (known != null) {
                    return known;
                }
            } catch (CyclicMetadataException e) {
                // A member that reaches back to this subset (a join commuted above it): try the next one.
            }
        }
        return null;
    }
}
