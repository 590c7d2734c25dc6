package io.glaux.sql.plan;

import io.glaux.testing.GlauxFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The planner's row estimates of a query, as its EXPLAIN shows them, for planning tests. */
final class PlanEstimates {

    private static final Pattern ESTIMATE = Pattern.compile("Estimates: \\{rows: (\\d+)}");

    private PlanEstimates() {
    }

    /** Each operator's estimated rows, from the top of the plan down. */
    static List<Long> of(GlauxFixture g, String sql) {
        String plan = String.join("\n", g.rows("EXPLAIN " + sql).stream().map(r -> r.get(0)).toList());
        Matcher m = ESTIMATE.matcher(plan);
        List<Long> out = new ArrayList<>();
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }
}
