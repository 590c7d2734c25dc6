package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.quicksight.snapshot.S3Destination;
import io.glaux.quicksight.snapshot.SnapshotError;
import io.glaux.quicksight.snapshot.SnapshotFile;
import io.glaux.quicksight.snapshot.SnapshotJob;
import io.glaux.quicksight.snapshot.SnapshotJobRequest;
import io.glaux.quicksight.snapshot.SnapshotJobService;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * StartDashboardSnapshotJob, DescribeDashboardSnapshotJob and DescribeDashboardSnapshotJobResult
 * ({@code /accounts/{AwsAccountId}/dashboards/{DashboardId}/snapshot-jobs...}): the members read with the model's
 * constraints here, QuickSight's rules for what a job may ask in {@link SnapshotJobService}.
 */
final class SnapshotJobOperations {

    private static final String PATH = "/accounts/{AwsAccountId}/dashboards/{DashboardId}/snapshot-jobs";
    private static final String ONE = PATH + "/{SnapshotJobId}";
    /** ShortRestrictiveResourceId. */
    private static final Pattern SHORT_ID = Pattern.compile("[\\w\\-]+");
    private static final Pattern NON_EMPTY = Pattern.compile(".*\\S.*", Pattern.DOTALL);

    private final SnapshotJobService jobs;

    SnapshotJobOperations(SnapshotJobService jobs) {
        this.jobs = jobs;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("StartDashboardSnapshotJob", "POST", PATH, this::start),
                RestRoute.of("DescribeDashboardSnapshotJob", "GET", ONE, this::describe),
                RestRoute.of("DescribeDashboardSnapshotJobResult", "GET", ONE + "/result", this::result));
    }

    private RestResponse start(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String dashboardId = request.label("DashboardId", 1, 512, SHORT_ID);
        JsonInput body = request.body();
        String jobId = body.requiredString("SnapshotJobId", 1, 512, SHORT_ID);
        Integer anonymousUsers = null;
        List<String> tagKeys = new ArrayList<>();
        if (body.has("UserConfiguration")) {
            List<JsonInput> users = body.object("UserConfiguration").objects("AnonymousUsers", 1);
            anonymousUsers = users.size();
            for (JsonInput user : users) {
                for (JsonInput tag : nonEmpty(user, "RowLevelPermissionTags", 50)) {
                    tagKeys.add(tag.requiredString("Key", 1, 128));
                    tag.requiredString("Value", 1, 256);
                }
            }
        }
        if (!body.has("SnapshotConfiguration")) {
            throw body.violation(null, "SnapshotConfiguration", "Member must not be null");
        }
        JsonInput configuration = body.object("SnapshotConfiguration");
        List<JsonInput> groups = configuration.objects("FileGroups", 7);
        if (groups.isEmpty()) {
            throw configuration.violation(groups.size(), "FileGroups",
                    "Member must have length greater than or equal to 1");
        }
        List<SnapshotFile> files = new ArrayList<>();
        for (JsonInput group : groups) {
            List<JsonInput> groupFiles = nonEmpty(group, "Files", 1);
            if (groupFiles.isEmpty()) {
                throw group.violation(null, "Files", "Member must not be null");
            }
            files.add(file(groupFiles.get(0)));
        }
        S3Destination destination = null;
        JsonInput destinations = configuration.object("DestinationConfiguration");
        if (configuration.has("DestinationConfiguration")) {
            for (JsonInput s3 : nonEmpty(destinations, "S3Destinations", 1)) {
                if (!s3.has("BucketConfiguration")) {
                    throw s3.violation(null, "BucketConfiguration", "Member must not be null");
                }
                JsonInput bucket = s3.object("BucketConfiguration");
                destination = new S3Destination(bucket.requiredString("BucketName", 1, 1024, NON_EMPTY),
                        bucket.requiredString("BucketPrefix", 1, 1024, NON_EMPTY),
                        bucket.requiredString("BucketRegion", 1, 64, NON_EMPTY));
            }
        }
        SnapshotJob job = jobs.start(new SnapshotJobRequest(dashboardId, jobId, files, destination,
                parameters(configuration.object("Parameters")), anonymousUsers, tagKeys, configuration.json()));
        ObjectNode response = AwsJson.object();
        response.put("Arn", job.arn());
        response.put("SnapshotJobId", job.snapshotJobId());
        response.put("RequestId", context.requestId());
        return new RestResponse(202, response);
    }

    private RestResponse describe(RestRequest request, RequestContext context) {
        String account = QuickSightInput.account(request, context);
        SnapshotJob job = jobs.get(request.label("DashboardId", 1, 512, SHORT_ID),
                request.label("SnapshotJobId", 1, 512, SHORT_ID));
        ObjectNode response = AwsJson.object();
        response.put("AwsAccountId", account);
        response.put("DashboardId", job.dashboardId());
        response.put("SnapshotJobId", job.snapshotJobId());
        ObjectNode user = response.putObject("UserConfiguration").putArray("AnonymousUsers").addObject();
        if (!job.rowLevelPermissionTagKeys().isEmpty()) {
            ArrayNode keys = user.putArray("RowLevelPermissionTagKeys");
            job.rowLevelPermissionTagKeys().forEach(keys::add);
        }
        response.set("SnapshotConfiguration", job.configuration());
        response.put("Arn", job.arn());
        response.put("JobStatus", job.status().name());
        AwsJson.putTime(response, "CreatedTime", job.createdTime());
        AwsJson.putTime(response, "LastUpdatedTime", job.lastUpdatedTime());
        response.put("RequestId", context.requestId());
        response.put("Status", 200);
        return RestResponse.ok(response);
    }

    private RestResponse result(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        SnapshotJob job = jobs.result(request.label("DashboardId", 1, 512, SHORT_ID),
                request.label("SnapshotJobId", 1, 512, SHORT_ID));
        ObjectNode response = AwsJson.object();
        response.put("Arn", job.arn());
        response.put("JobStatus", job.status().name());
        AwsJson.putTime(response, "CreatedTime", job.createdTime());
        AwsJson.putTime(response, "LastUpdatedTime", job.lastUpdatedTime());
        ArrayNode groups = response.putObject("Result").putArray("AnonymousUsers").addObject().putArray("FileGroups");
        JsonNode configuredGroups = job.configuration().path("FileGroups");
        for (int i = 0; i < job.files().size(); i++) {
            ObjectNode group = groups.addObject();
            group.set("Files", configuredGroups.path(i).path("Files"));
            ArrayNode s3Results = group.putArray("S3Results");
            for (SnapshotJob.S3Result file : i < job.results().size() ? job.results().get(i)
                    : List.<SnapshotJob.S3Result>of()) {
                ObjectNode s3 = s3Results.addObject();
                if (file.destination() != null) {
                    s3.putObject("S3DestinationConfiguration").putObject("BucketConfiguration")
                            .put("BucketName", file.destination().bucketName())
                            .put("BucketPrefix", file.destination().bucketPrefix())
                            .put("BucketRegion", file.destination().bucketRegion());
                }
                AwsJson.putString(s3, "S3Uri", file.s3Uri());
                if (!file.errors().isEmpty()) {
                    ArrayNode errors = s3.putArray("ErrorInfo");
                    file.errors().forEach(e -> errors.add(error(e)));
                }
            }
        }
        if (job.errorInfo() != null) {
            response.set("ErrorInfo", error(job.errorInfo()));
        }
        response.put("RequestId", context.requestId());
        return RestResponse.ok(response);
    }

    private static ObjectNode error(SnapshotError error) {
        return AwsJson.object().put("ErrorMessage", error.message()).put("ErrorType", error.type());
    }

    /** A SnapshotFile: FormatType and 1 to 5 SheetSelections. */
    private static SnapshotFile file(JsonInput file) {
        String format = QuickSightInput.requiredEnum(file, "FormatType", List.of("CSV", "PDF", "EXCEL"));
        List<JsonInput> selections = nonEmpty(file, "SheetSelections", 5);
        if (selections.isEmpty()) {
            throw file.violation(null, "SheetSelections", "Member must not be null");
        }
        List<SnapshotFile.SheetSelection> sheets = new ArrayList<>();
        for (JsonInput selection : selections) {
            sheets.add(new SnapshotFile.SheetSelection(selection.requiredString("SheetId", 1, 512, SHORT_ID),
                    QuickSightInput.requiredEnum(selection, "SelectionScope",
                            List.of("ALL_VISUALS", "SELECTED_VISUALS")),
                    selection.strings("VisualIds", 1, 5, 1, 512)));
        }
        return new SnapshotFile(format, sheets);
    }

    /** An optional list that, when given, holds 1 to {@code max} structures. */
    private static List<JsonInput> nonEmpty(JsonInput input, String member, int max) {
        List<JsonInput> items = input.objects(member, max);
        if (input.has(member) && items.isEmpty()) {
            throw input.violation("[]", member, "Member must have length greater than or equal to 1");
        }
        return items;
    }

    /**
     * Parameters: each String, Integer, Decimal and DateTime parameter's name to its values as text, date-times
     * (epoch seconds on the wire) as ISO-8601 instants.
     */
    private static Map<String, List<String>> parameters(JsonInput parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String kind : List.of("StringParameters", "IntegerParameters", "DecimalParameters",
                "DateTimeParameters")) {
            for (JsonInput parameter : parameters.objects(kind, 100)) {
                String name = parameter.requiredString("Name", 1, 2048, NON_EMPTY);
                JsonNode list = parameter.json().get("Values");
                if (list == null || list.isNull()) {
                    throw parameter.violation(null, "Values", "Member must not be null");
                }
                if (!list.isArray()) {
                    throw parameters.errors().serialization("Expected a list for Values of parameter " + name);
                }
                List<String> texts = new ArrayList<>();
                for (JsonNode value : list) {
                    texts.add(value(kind, name, value, parameters));
                }
                if (values.put(name, texts) != null) {
                    throw QuickSightErrors.invalidParameter("Parameter " + name + " is given more than once.");
                }
            }
        }
        return values;
    }

    private static String value(String kind, String name, JsonNode value, JsonInput parameters) {
        boolean ok = switch (kind) {
            case "StringParameters" -> value.isTextual();
            case "IntegerParameters" -> value.isIntegralNumber();
            default -> value.isNumber();
        };
        if (!ok) {
            throw parameters.errors().serialization("Unexpected value " + value + " for " + kind + " " + name);
        }
        if (kind.equals("DateTimeParameters")) {
            BigDecimal millis = value.decimalValue().movePointRight(3);
            return Instant.ofEpochMilli(millis.longValue()).toString();
        }
        return value.isTextual() ? value.textValue() : value.decimalValue().toPlainString();
    }
}
