package io.glaux.quicksight;

import io.glaux.quicksight.analysis.AnalysisService;
import io.glaux.quicksight.analysis.DashboardService;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.datasource.DataSourceService;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stored permissions of the QuickSight resource an ARN names (a data source, data set, analysis or dashboard of
 * {@code arn:aws:quicksight:<region>:<account>:<type>/<id>}): what makes those permissions grant anything
 * ({@code io.glaux.quicksight.user.PermissionGrants}).
 */
public final class SharedResources {

    private static final Pattern ARN = Pattern.compile(
            "^arn:aws:quicksight:[^:]*:[0-9]{12}:(datasource|dataset|analysis|dashboard)/([^/]+)$");

    private final DataSourceService dataSources;
    private final DataSetService dataSets;
    private final AnalysisService analyses;
    private final DashboardService dashboards;

    public SharedResources(DataSourceService dataSources, DataSetService dataSets, AnalysisService analyses,
            DashboardService dashboards) {
        this.dataSources = dataSources;
        this.dataSets = dataSets;
        this.analyses = analyses;
        this.dashboards = dashboards;
    }

    /** The permissions of the resource {@code arn} names, or empty when it names none that exists. */
    public Optional<List<ResourcePermission>> permissionsOf(String arn) {
        Matcher matcher = arn == null ? null : ARN.matcher(arn);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        String id = matcher.group(2);
        return switch (matcher.group(1)) {
            case "datasource" -> dataSources.find(id).filter(r -> r.arn().equals(arn)).map(r -> r.permissions());
            case "dataset" -> dataSets.find(id).filter(r -> r.arn().equals(arn)).map(r -> r.permissions());
            case "analysis" -> analyses.find(id).filter(r -> r.arn().equals(arn)).map(r -> r.permissions());
            default -> dashboards.find(id).filter(r -> r.arn().equals(arn)).map(r -> r.permissions());
        };
    }
}
