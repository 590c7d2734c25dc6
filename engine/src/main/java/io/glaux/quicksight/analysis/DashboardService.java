package io.glaux.quicksight.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.ResourceFiles;
import io.glaux.quicksight.ResourcePermission;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * QuickSight's dashboards, kept across restarts. CreateDashboard makes version 1 and publishes it; each
 * UpdateDashboard makes a new version, not published until UpdateDashboardPublishedVersion says so. Each version's
 * Definition is checked against the datasets it names as for analyses ({@link Definitions#check}); a failed version
 * is kept with its errors.
 */
public final class DashboardService {

    /** QuickSight's ExceptionResourceType has no dashboard type: refusals name none. */
    private static final String RESOURCE_TYPE = null;

    private final ResourceFiles<Dashboard> dashboards;
    private final DataSetColumns dataSets;
    private final Clock clock;

    public DashboardService(Path folder, DataSetColumns dataSets, Clock clock, boolean syncWrites) {
        this.dashboards = new ResourceFiles<>(folder, Dashboard.class, Dashboard::id, syncWrites);
        this.dataSets = dataSets;
        this.clock = clock;
    }

    public Optional<Dashboard> find(String id) {
        return dashboards.find(id);
    }

    public Dashboard get(String id) {
        return find(id).orElseThrow(() -> QuickSightException.notFound(RESOURCE_TYPE,
                "Dashboard " + id + " is not found."));
    }

    public List<Dashboard> list() {
        return dashboards.list();
    }

    /** A version of the dashboard; a number it does not have is ResourceNotFoundException. */
    public DashboardVersion version(String id, long number) {
        return get(id).version(number).orElseThrow(() -> QuickSightException.notFound(RESOURCE_TYPE,
                "Version " + number + " of dashboard " + id + " is not found."));
    }

    public synchronized Dashboard create(String arn, String id, String name, JsonNode definition,
            String description, String themeArn, JsonNode publishOptions, List<ResourcePermission> permissions,
            Map<String, String> tags) {
        if (find(id).isPresent()) {
            throw QuickSightException.exists(RESOURCE_TYPE, "Dashboard " + id + " already exists.");
        }
        Instant now = clock.instant();
        DashboardVersion first = version(arn, 1, name, definition, description, themeArn, publishOptions, true, now);
        Dashboard created = new Dashboard(id, arn, now, now, now, 1, 1, List.of(first), permissions, tags);
        dashboards.save(created);
        return created;
    }

    /** Adds a version (not published); the answer's {@link Dashboard#latest()} is it. */
    public synchronized Dashboard update(String id, String name, JsonNode definition, String description,
            String themeArn, JsonNode publishOptions) {
        Dashboard current = get(id);
        Instant now = clock.instant();
        long number = current.lastVersion() + 1;
        List<DashboardVersion> versions = new ArrayList<>(current.versions());
        versions.add(version(current.arn(), number, name, definition, description, themeArn, publishOptions, false,
                now));
        Dashboard updated = new Dashboard(id, current.arn(), current.createdTime(), now, current.lastPublishedTime(),
                current.publishedVersion(), number, versions, current.permissions(), current.tags());
        dashboards.save(updated);
        return updated;
    }

    /** Publishes a version; one that does not exist is not found, a failed one cannot be published. */
    public synchronized Dashboard publish(String id, long number) {
        Dashboard current = get(id);
        DashboardVersion version = version(id, number);
        if (version.failed()) {
            throw QuickSightException.invalid("Version " + number + " of dashboard " + id + " is "
                    + version.status() + " and cannot be published.");
        }
        Instant now = clock.instant();
        Dashboard published = new Dashboard(id, current.arn(), current.createdTime(), current.lastUpdatedTime(), now,
                number, current.lastVersion(), current.versions(), current.permissions(), current.tags());
        dashboards.save(published);
        return published;
    }

    public synchronized Dashboard delete(String id) {
        Dashboard deleted = get(id);
        dashboards.delete(id);
        return deleted;
    }

    /** Deletes one version; the published version cannot be deleted (publish another first). */
    public synchronized Dashboard deleteVersion(String id, long number) {
        Dashboard current = get(id);
        version(id, number);
        if (number == current.publishedVersion()) {
            throw QuickSightException.invalid("Version " + number + " of dashboard " + id + " is its published"
                    + " version and cannot be deleted; publish another version first.");
        }
        List<DashboardVersion> versions = current.versions().stream().filter(v -> v.number() != number).toList();
        Dashboard updated = new Dashboard(id, current.arn(), current.createdTime(), clock.instant(),
                current.lastPublishedTime(), current.publishedVersion(), current.lastVersion(), versions,
                current.permissions(), current.tags());
        dashboards.save(updated);
        return updated;
    }

    public synchronized Dashboard updatePermissions(String id, List<ResourcePermission> grant,
            List<ResourcePermission> revoke) {
        return dashboards.saved(get(id).withPermissionsUpdated(grant, revoke));
    }

    public synchronized Dashboard changeTags(String id, UnaryOperator<Map<String, String>> change) {
        return dashboards.saved(get(id).withTagsChanged(change));
    }

    /** The ARN of a dashboard's version: {@code <dashboard ARN>/version/<n>}. */
    public static String versionArn(String dashboardArn, long number) {
        return dashboardArn + "/version/" + number;
    }

    private DashboardVersion version(String dashboardArn, long number, String name, JsonNode definition,
            String description, String themeArn, JsonNode publishOptions, boolean creation, Instant now) {
        List<DefinitionError> errors = Definitions.check(definition, dataSets);
        String status = creation ? (errors.isEmpty() ? "CREATION_SUCCESSFUL" : "CREATION_FAILED")
                : (errors.isEmpty() ? "UPDATE_SUCCESSFUL" : "UPDATE_FAILED");
        return new DashboardVersion(number, versionArn(dashboardArn, number), name, status, errors, definition,
                description, themeArn, Definitions.dataSetArns(definition), publishOptions, now);
    }
}
