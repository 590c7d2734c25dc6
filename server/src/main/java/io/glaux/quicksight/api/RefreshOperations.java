package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.refresh.LookbackWindow;
import io.glaux.quicksight.refresh.RefreshProperties;
import io.glaux.quicksight.refresh.RefreshSchedule;
import io.glaux.quicksight.refresh.RefreshService;

import java.time.Instant;
import java.util.List;

/**
 * Put/Describe/DeleteDataSetRefreshProperties and Create/Describe/List/Update/DeleteRefreshSchedule
 * ({@code /accounts/{AwsAccountId}/data-sets/{DataSetId}/refresh-properties} and {@code .../refresh-schedules}).
 */
final class RefreshOperations {

    private static final String DATA_SET = "/accounts/{AwsAccountId}/data-sets/{DataSetId}";
    private static final String PROPERTIES = DATA_SET + "/refresh-properties";
    private static final String SCHEDULES = DATA_SET + "/refresh-schedules";

    private final RefreshService refreshes;

    RefreshOperations(RefreshService refreshes) {
        this.refreshes = refreshes;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("PutDataSetRefreshProperties", "PUT", PROPERTIES, this::putProperties),
                RestRoute.of("DescribeDataSetRefreshProperties", "GET", PROPERTIES, this::describeProperties),
                RestRoute.of("DeleteDataSetRefreshProperties", "DELETE", PROPERTIES, this::deleteProperties),
                RestRoute.of("CreateRefreshSchedule", "POST", SCHEDULES, this::create),
                RestRoute.of("ListRefreshSchedules", "GET", SCHEDULES, this::list),
                RestRoute.of("UpdateRefreshSchedule", "PUT", SCHEDULES, this::update),
                RestRoute.of("DescribeRefreshSchedule", "GET", SCHEDULES + "/{ScheduleId}", this::describe),
                RestRoute.of("DeleteRefreshSchedule", "DELETE", SCHEDULES + "/{ScheduleId}", this::delete));
    }

    private RestResponse putProperties(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String dataSetId = QuickSightInput.resourceId(request, "DataSetId");
        JsonInput body = request.body();
        if (!body.has("DataSetRefreshProperties")) {
            throw body.violation(null, "DataSetRefreshProperties", "Member must not be null");
        }
        JsonInput properties = body.object("DataSetRefreshProperties");
        LookbackWindow window = null;
        if (properties.has("RefreshConfiguration")) {
            JsonInput incremental = required(properties.object("RefreshConfiguration"), "IncrementalRefresh");
            JsonInput lookback = required(incremental, "LookbackWindow");
            Long size = lookback.longValue("Size", 1, Long.MAX_VALUE);
            if (size == null) {
                throw lookback.violation(null, "Size", "Member must not be null");
            }
            window = new LookbackWindow(lookback.requiredString("ColumnName", 1, 128), size,
                    QuickSightInput.requiredEnum(lookback, "SizeUnit", List.of("HOUR", "DAY", "WEEK")));
        }
        refreshes.putProperties(new RefreshProperties(dataSetId, window, properties.has("FailureConfiguration")
                ? properties.object("FailureConfiguration").json() : null));
        return RestResponse.ok(AwsJson.object());
    }

    private RestResponse describeProperties(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String dataSetId = QuickSightInput.resourceId(request, "DataSetId");
        RefreshProperties properties = refreshes.properties(dataSetId).orElseThrow(() ->
                QuickSightException.notFound("DATA_SET", "Data set " + dataSetId + " has no refresh properties."));
        ObjectNode response = AwsJson.object();
        ObjectNode node = response.putObject("DataSetRefreshProperties");
        if (properties.lookbackWindow() != null) {
            LookbackWindow window = properties.lookbackWindow();
            node.putObject("RefreshConfiguration").putObject("IncrementalRefresh").putObject("LookbackWindow")
                    .put("ColumnName", window.columnName()).put("Size", window.size())
                    .put("SizeUnit", window.sizeUnit());
        }
        if (properties.failureConfiguration() != null) {
            node.set("FailureConfiguration", properties.failureConfiguration());
        }
        return RestResponse.ok(response);
    }

    private RestResponse deleteProperties(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        refreshes.deleteProperties(QuickSightInput.resourceId(request, "DataSetId"));
        return RestResponse.ok(AwsJson.object());
    }

    private RestResponse create(RestRequest request, RequestContext context) {
        RefreshSchedule created = refreshes.create(schedule(request, context));
        ObjectNode response = AwsJson.object();
        response.put("ScheduleId", created.scheduleId());
        response.put("Arn", created.arn());
        return new RestResponse(201, response);
    }

    private RestResponse update(RestRequest request, RequestContext context) {
        RefreshSchedule updated = refreshes.update(schedule(request, context));
        ObjectNode response = AwsJson.object();
        response.put("ScheduleId", updated.scheduleId());
        response.put("Arn", updated.arn());
        return RestResponse.ok(response);
    }

    private RestResponse describe(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        RefreshSchedule schedule = refreshes.get(QuickSightInput.resourceId(request, "DataSetId"),
                QuickSightInput.resourceId(request, "ScheduleId"));
        ObjectNode response = AwsJson.object();
        response.set("RefreshSchedule", describe(schedule));
        response.put("Arn", schedule.arn());
        return RestResponse.ok(response);
    }

    private RestResponse list(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("RefreshSchedules");
        refreshes.list(QuickSightInput.resourceId(request, "DataSetId")).forEach(s -> list.add(describe(s)));
        return RestResponse.ok(response);
    }

    private RestResponse delete(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        RefreshSchedule deleted = refreshes.delete(QuickSightInput.resourceId(request, "DataSetId"),
                QuickSightInput.resourceId(request, "ScheduleId"));
        ObjectNode response = AwsJson.object();
        response.put("ScheduleId", deleted.scheduleId());
        response.put("Arn", deleted.arn());
        return RestResponse.ok(response);
    }

    /** The Schedule member of Create/UpdateRefreshSchedule. */
    private static RefreshSchedule schedule(RestRequest request, RequestContext context) {
        String account = QuickSightInput.account(request, context);
        String dataSetId = QuickSightInput.resourceId(request, "DataSetId");
        JsonInput schedule = required(request.body(), "Schedule");
        String scheduleId = schedule.requiredString("ScheduleId", 1, 512);
        JsonInput frequency = required(schedule, "ScheduleFrequency");
        String interval = QuickSightInput.requiredEnum(frequency, "Interval", List.of("MINUTE15", "MINUTE30",
                "HOURLY", "DAILY", "WEEKLY", "MONTHLY"));
        JsonInput onDay = frequency.object("RefreshOnDay");
        Instant startAfter = null;
        if (schedule.json().hasNonNull("StartAfterDateTime")) {
            var value = schedule.json().get("StartAfterDateTime");
            if (!value.isNumber()) {
                throw schedule.errors().serialization("Expected a timestamp for StartAfterDateTime");
            }
            startAfter = Instant.ofEpochMilli(value.decimalValue().movePointRight(3).longValue());
        }
        String refreshType = QuickSightInput.requiredEnum(schedule, "RefreshType", List.of("FULL_REFRESH",
                "INCREMENTAL_REFRESH"));
        return new RefreshSchedule(dataSetId, scheduleId, new QuickSightArns(context.region(), account)
                .dataSet(dataSetId) + "/refresh-schedule/" + scheduleId, interval,
                frequency.string("TimeOfTheDay", 1, 16), frequency.string("Timezone", 1, 128),
                onDay.string("DayOfWeek", 1, 16), onDay.string("DayOfMonth", 1, 17), startAfter, refreshType);
    }

    private static ObjectNode describe(RefreshSchedule schedule) {
        ObjectNode node = AwsJson.object();
        node.put("ScheduleId", schedule.scheduleId());
        ObjectNode frequency = node.putObject("ScheduleFrequency");
        frequency.put("Interval", schedule.interval());
        AwsJson.putString(frequency, "TimeOfTheDay", schedule.timeOfTheDay());
        AwsJson.putString(frequency, "Timezone", schedule.timezone());
        if (schedule.dayOfWeek() != null || schedule.dayOfMonth() != null) {
            ObjectNode onDay = frequency.putObject("RefreshOnDay");
            AwsJson.putString(onDay, "DayOfWeek", schedule.dayOfWeek());
            AwsJson.putString(onDay, "DayOfMonth", schedule.dayOfMonth());
        }
        AwsJson.putTime(node, "StartAfterDateTime", schedule.startAfter());
        node.put("RefreshType", schedule.refreshType());
        node.put("Arn", schedule.arn());
        return node;
    }

    private static JsonInput required(JsonInput body, String member) {
        if (!body.has(member)) {
            throw body.violation(null, member, "Member must not be null");
        }
        return body.object(member);
    }
}
