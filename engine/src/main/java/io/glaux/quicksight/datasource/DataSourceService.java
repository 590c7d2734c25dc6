package io.glaux.quicksight.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.ResourceFiles;
import io.glaux.quicksight.ResourcePermission;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.quicksight.role.RoleRefusal;
import io.glaux.workgroup.Workgroup;
import io.glaux.workgroup.WorkgroupService;
import io.glaux.workgroup.WorkgroupState;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * QuickSight's data sources, kept across restarts. Creating or updating an Athena data source checks its workgroup
 * as QuickSight does when it connects: a missing or disabled workgroup leaves the data source CREATION_FAILED or
 * UPDATE_FAILED with the error Athena gave, and datasets cannot query through it. QuickSight connects as its service
 * role: a role that may not {@code athena:GetWorkGroup} leaves it failed with ACCESS_DENIED, AWS's sentence and the
 * fix, as does listing the workgroups ({@link #workGroups()}) without {@code athena:ListWorkGroups}.
 */
public final class DataSourceService {

    public static final String RESOURCE_TYPE = "DATA_SOURCE";
    public static final String ATHENA = "ATHENA";

    private final ResourceFiles<DataSource> dataSources;
    private final WorkgroupService workgroups;
    private final QuickSightRole role;
    private final Clock clock;

    public DataSourceService(Path folder, WorkgroupService workgroups, QuickSightRole role, Clock clock,
            boolean syncWrites) {
        this.dataSources = new ResourceFiles<>(folder, DataSource.class, DataSource::id, syncWrites);
        this.workgroups = workgroups;
        this.role = role;
        this.clock = clock;
    }

    public Optional<DataSource> find(String id) {
        return dataSources.find(id);
    }

    public DataSource get(String id) {
        return find(id).orElseThrow(() -> QuickSightException.notFound(RESOURCE_TYPE,
                "Data source " + id + " does not exist."));
    }

    public List<DataSource> list() {
        return dataSources.list();
    }

    public synchronized DataSource create(String arn, String id, String name, String type, JsonNode parameters,
            JsonNode sslProperties, List<ResourcePermission> permissions, Map<String, String> tags) {
        if (find(id).isPresent()) {
            throw QuickSightException.exists(RESOURCE_TYPE, "Data source " + id + " already exists.");
        }
        String workGroup = athenaWorkGroup(type, parameters);
        DataSourceErrorInfo error = check(workGroup);
        var now = clock.instant();
        DataSource created = new DataSource(id, arn, name, type, parameters, workGroup, sslProperties,
                error == null ? "CREATION_SUCCESSFUL" : "CREATION_FAILED", error, now, now, permissions, tags);
        dataSources.save(created);
        return created;
    }

    public synchronized DataSource update(String id, String name, JsonNode parameters, JsonNode sslProperties) {
        DataSource current = get(id);
        JsonNode newParameters = parameters == null ? current.parameters() : parameters;
        String workGroup = athenaWorkGroup(current.type(), newParameters);
        DataSourceErrorInfo error = check(workGroup);
        DataSource updated = new DataSource(id, current.arn(), name, current.type(), newParameters, workGroup,
                sslProperties == null ? current.sslProperties() : sslProperties,
                error == null ? "UPDATE_SUCCESSFUL" : "UPDATE_FAILED", error, current.createdTime(), clock.instant(),
                current.permissions(), current.tags());
        dataSources.save(updated);
        return updated;
    }

    public synchronized DataSource delete(String id) {
        DataSource deleted = get(id);
        dataSources.delete(id);
        return deleted;
    }

    public synchronized DataSource updatePermissions(String id, List<ResourcePermission> grant,
            List<ResourcePermission> revoke) {
        return dataSources.saved(get(id).withPermissionsUpdated(grant, revoke));
    }

    public synchronized DataSource changeTags(String id, UnaryOperator<Map<String, String>> change) {
        return dataSources.saved(get(id).withTagsChanged(change));
    }

    /**
     * The Athena workgroups QuickSight's role sees, as the data source page lists them ({@code athena:ListWorkGroups}
     * as the role; a refusal is an ACCESS_DENIED QuickSightException with AWS's sentence and the fix).
     */
    public List<Workgroup> workGroups() {
        Optional<RoleRefusal> refused = role.athena("athena:ListWorkGroups", null);
        if (refused.isPresent()) {
            throw new QuickSightException(QuickSightException.Kind.ACCESS_DENIED, RESOURCE_TYPE, refused.get()
                    .withFix("QuickSight cannot list Athena workgroups: " + refused.get().sentence()));
        }
        return workgroups.list();
    }

    /**
     * The workgroup of an Athena data source ({@code primary} when AthenaParameters names none); other types are
     * refused, as Glaux plays Athena only.
     */
    private static String athenaWorkGroup(String type, JsonNode parameters) {
        if (!ATHENA.equals(type)) {
            throw QuickSightException.invalid("Glaux serves data sources of Type ATHENA only, not " + type + ".");
        }
        if (parameters == null || parameters.isNull() || parameters.isEmpty()) {
            return Workgroup.PRIMARY;
        }
        JsonNode athena = parameters.get("AthenaParameters");
        if (athena == null || parameters.size() != 1) {
            throw QuickSightException.invalid("An ATHENA data source takes DataSourceParameters with"
                    + " AthenaParameters only.");
        }
        JsonNode workGroup = athena.get("WorkGroup");
        return workGroup == null || workGroup.isNull() ? Workgroup.PRIMARY : workGroup.asText();
    }

    /** Whether QuickSight could connect: the workgroup exists and is enabled, or the error Athena answers. */
    private DataSourceErrorInfo check(String workGroup) {
        Optional<RoleRefusal> refused = role.athena("athena:GetWorkGroup", workGroup);
        if (refused.isPresent()) {
            return new DataSourceErrorInfo("ACCESS_DENIED", refused.get().withFix("QuickSight could not connect to"
                    + " Athena workgroup " + workGroup + ": " + refused.get().sentence()));
        }
        Optional<Workgroup> found = workgroups.find(workGroup);
        if (found.isEmpty()) {
            return new DataSourceErrorInfo("GENERIC_SQL_FAILURE", "WorkGroup " + workGroup + " is not found.");
        }
        if (found.get().state() == WorkgroupState.DISABLED) {
            return new DataSourceErrorInfo("GENERIC_SQL_FAILURE", "WorkGroup " + workGroup + " is disabled.");
        }
        return null;
    }
}
