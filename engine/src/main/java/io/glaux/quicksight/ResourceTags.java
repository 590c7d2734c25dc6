package io.glaux.quicksight;

import io.glaux.quicksight.analysis.AnalysisService;
import io.glaux.quicksight.analysis.DashboardService;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.datasource.DataSourceService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TagResource, UntagResource and ListTagsForResource over every taggable QuickSight resource, found by its ARN
 * ({@code arn:aws:quicksight:<region>:<account>:<datasource|dataset|analysis|dashboard>/<id>}).
 */
public final class ResourceTags {

    /** At most 200 tags per resource, as QuickSight allows. */
    public static final int MAX_TAGS = 200;

    private static final Pattern ARN = Pattern.compile("^arn:aws:quicksight:[^:]*:([0-9]{12}):([a-z]+)/(.+)$");

    private final DataSourceService dataSources;
    private final DataSetService dataSets;
    private final AnalysisService analyses;
    private final DashboardService dashboards;

    public ResourceTags(DataSourceService dataSources, DataSetService dataSets, AnalysisService analyses,
            DashboardService dashboards) {
        this.dataSources = dataSources;
        this.dataSets = dataSets;
        this.analyses = analyses;
        this.dashboards = dashboards;
    }

    /** The account of a QuickSight ARN, or null when it is not one. */
    public static String account(String arn) {
        Matcher matcher = ARN.matcher(arn);
        return matcher.matches() ? matcher.group(1) : null;
    }

    public Map<String, String> tags(String arn) {
        return target(arn).read().get();
    }

    public Map<String, String> tag(String arn, Map<String, String> tags) {
        return target(arn).change().apply(current -> {
            Map<String, String> updated = new LinkedHashMap<>(current);
            updated.putAll(tags);
            if (updated.size() > MAX_TAGS) {
                throw new QuickSightException(QuickSightException.Kind.LIMIT_EXCEEDED, null, arn + " would have "
                        + updated.size() + " tags; a resource has at most " + MAX_TAGS + ".");
            }
            return updated;
        });
    }

    public Map<String, String> untag(String arn, List<String> keys) {
        return target(arn).change().apply(current -> {
            Map<String, String> updated = new LinkedHashMap<>(current);
            keys.forEach(updated::remove);
            return updated;
        });
    }

    /** How to read and change the tags of the resource an ARN names. */
    private record Target(Supplier<Map<String, String>> read,
            Function<UnaryOperator<Map<String, String>>, Map<String, String>> change) {
    }

    private Target target(String arn) {
        Matcher matcher = ARN.matcher(arn);
        if (!matcher.matches()) {
            throw QuickSightException.invalid(arn + " is not the ARN of a QuickSight data source, data set, analysis"
                    + " or dashboard.");
        }
        String id = matcher.group(3);
        return switch (matcher.group(2)) {
            case "datasource" -> {
                requireArn(dataSources.get(id).arn(), arn);
                yield new Target(() -> dataSources.get(id).tags(), c -> dataSources.changeTags(id, c).tags());
            }
            case "dataset" -> {
                requireArn(dataSets.get(id).arn(), arn);
                yield new Target(() -> dataSets.get(id).tags(), c -> dataSets.changeTags(id, c).tags());
            }
            case "analysis" -> {
                requireArn(analyses.get(id).arn(), arn);
                yield new Target(() -> analyses.get(id).tags(), c -> analyses.changeTags(id, c).tags());
            }
            case "dashboard" -> {
                requireArn(dashboards.get(id).arn(), arn);
                yield new Target(() -> dashboards.get(id).tags(), c -> dashboards.changeTags(id, c).tags());
            }
            default -> throw QuickSightException.invalid(arn + ": Glaux tags data sources, data sets, analyses and"
                    + " dashboards.");
        };
    }

    private static void requireArn(String actual, String asked) {
        if (!actual.equals(asked)) {
            throw QuickSightException.notFound(null, "Resource " + asked + " does not exist.");
        }
    }
}
