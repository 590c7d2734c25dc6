package io.glaux.quicksight;

import io.glaux.Glaux;
import io.glaux.quicksight.analysis.AnalysisService;
import io.glaux.quicksight.analysis.DashboardService;
import io.glaux.quicksight.analysis.DataSetColumns;
import io.glaux.quicksight.dataset.DataSet;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.datasource.DataSourceService;
import io.glaux.quicksight.ingestion.DataSetIngestions;
import io.glaux.quicksight.refresh.RefreshScheduler;
import io.glaux.quicksight.refresh.RefreshService;
import io.glaux.quicksight.embed.EmbedSessions;
import io.glaux.quicksight.render.DataSetPreviews;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.quicksight.render.VisualDataService;
import io.glaux.quicksight.snapshot.SnapshotJobService;
import io.glaux.quicksight.user.GroupService;
import io.glaux.quicksight.user.IamIdentities;
import io.glaux.quicksight.user.PermissionGrants;
import io.glaux.quicksight.user.QuickSightPrincipals;
import io.glaux.quicksight.user.UserService;
import io.glaux.spice.IngestionRequestSource;
import io.glaux.spice.IngestionRequestType;
import io.glaux.spice.IngestionType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * QuickSight's half of the path, over one engine: its resources (kept under {@code .glaux/quicksight/} in the data
 * folder, across restarts) and the services that work on them. It knows no HTTP; {@code io.glaux.quicksight.api}
 * serves it on the wire.
 */
public final class QuickSight implements AutoCloseable {

    /** How often refresh schedules are checked, in seconds. */
    static final long SCHEDULER_PERIOD_SECONDS = 5;

    private final DataSourceService dataSources;
    private final DataSetService dataSets;
    private final AnalysisService analyses;
    private final DashboardService dashboards;
    private final RefreshService refreshes;
    private final DataSetIngestions ingestions;
    private final RefreshScheduler scheduler;
    private final ResourceTags tags;
    private final VisualDataService visuals;
    private final DataSetPreviews previews;
    private final EmbedSessions embeds;
    private final SnapshotJobService snapshotJobs;
    private final UserService users;
    private final GroupService groups;
    private final QuickSightPrincipals principals;
    private final PermissionGrants permissionGrants;

    private final QuickSightRole role;
    private final Glaux glaux;

    private QuickSight(Path folder, Glaux glaux, Clock clock, boolean syncWrites, boolean runSchedules,
            Duration directQueryTimeout, QuickSightRole role, IamIdentities identities) {
        this.glaux = glaux;
        this.role = role;
        this.dataSources = new DataSourceService(folder.resolve("data-sources"), glaux.workgroups(), role, clock,
                syncWrites);
        this.dataSets = new DataSetService(folder.resolve("data-sets"), dataSources, clock, syncWrites);
        DataSetColumns columns = arn -> dataSets.findByArn(arn).map(QuickSight::columns);
        this.analyses = new AnalysisService(folder.resolve("analyses"), columns, clock, syncWrites);
        this.dashboards = new DashboardService(folder.resolve("dashboards"), columns, clock, syncWrites);
        this.refreshes = new RefreshService(folder.resolve("refresh"), dataSets, syncWrites);
        this.ingestions = new DataSetIngestions(glaux.spice(), dataSources, dataSets, refreshes,
                new io.glaux.quicksight.role.QueryChecks(glaux, role));
        glaux.spice().athenaCaller(role.principal());
        this.tags = new ResourceTags(dataSources, dataSets, analyses, dashboards);
        this.visuals = new VisualDataService(glaux, dataSets, analyses, dashboards, clock, directQueryTimeout,
                role);
        this.previews = new DataSetPreviews(glaux, dataSets, directQueryTimeout, role);
        this.embeds = new EmbedSessions(clock);
        this.snapshotJobs = new SnapshotJobService(folder.resolve("snapshot-jobs"), glaux.store(), dashboards, visuals,
                clock, syncWrites);
        this.users = new UserService(folder.resolve("users"), identities, syncWrites);
        this.groups = new GroupService(folder.resolve("groups"), users, syncWrites);
        this.principals = new QuickSightPrincipals(users, groups);
        this.permissionGrants = new PermissionGrants(
                new SharedResources(dataSources, dataSets, analyses, dashboards)::permissionsOf, principals);
        this.scheduler = new RefreshScheduler(refreshes, clock, (dataSetId, refreshType) -> ingestions.start(
                dataSetId, null, IngestionType.valueOf(refreshType), IngestionRequestSource.SCHEDULED,
                IngestionRequestType.valueOf(refreshType)));
        if (runSchedules) {
            scheduler.start(SCHEDULER_PERIOD_SECONDS);
        }
    }

    /**
     * QuickSight over {@code glaux}, with its resources in the engine's data folder.
     *
     * @param runSchedules whether refresh schedules are checked in the background (every few seconds); without,
     *     they run when {@link RefreshScheduler#runDue()} is called, as a test that moves its own clock does
     */
    public static QuickSight over(Glaux glaux, Clock clock, boolean syncWrites, boolean runSchedules) {
        return over(glaux, clock, syncWrites, runSchedules, VisualDataService.DEFAULT_DIRECT_QUERY_TIMEOUT);
    }

    /** As {@link #over(Glaux, Clock, boolean, boolean)}, with the time a visual's direct query may take. */
    public static QuickSight over(Glaux glaux, Clock clock, boolean syncWrites, boolean runSchedules,
            Duration directQueryTimeout) {
        return over(glaux, clock, syncWrites, runSchedules, directQueryTimeout,
                QuickSightRole.unchecked("000000000000", "us-east-1"));
    }

    /**
     * As {@link #over(Glaux, Clock, boolean, boolean, Duration)}, acting as {@code role} in everything QuickSight
     * does against Athena, S3 and Lambda.
     */
    public static QuickSight over(Glaux glaux, Clock clock, boolean syncWrites, boolean runSchedules,
            Duration directQueryTimeout, QuickSightRole role) {
        return over(glaux, clock, syncWrites, runSchedules, directQueryTimeout, role, IamIdentities.NONE);
    }

    /**
     * As {@link #over(Glaux, Clock, boolean, boolean, Duration, QuickSightRole)}, registering users of IdentityType
     * IAM for the IAM users and roles {@code identities} has.
     */
    public static QuickSight over(Glaux glaux, Clock clock, boolean syncWrites, boolean runSchedules,
            Duration directQueryTimeout, QuickSightRole role, IamIdentities identities) {
        return new QuickSight(glaux.dataFolder().resolve(".glaux").resolve("quicksight"), glaux, clock, syncWrites,
                runSchedules, directQueryTimeout, role, identities);
    }

    /** The service role QuickSight acts as. */
    public QuickSightRole role() {
        return role;
    }

    public DataSourceService dataSources() {
        return dataSources;
    }

    public DataSetService dataSets() {
        return dataSets;
    }

    public AnalysisService analyses() {
        return analyses;
    }

    public DashboardService dashboards() {
        return dashboards;
    }

    /** Computes the data of analyses' and dashboards' visuals. */
    public VisualDataService visuals() {
        return visuals;
    }

    /** Previews of datasets being edited. */
    public DataSetPreviews previews() {
        return previews;
    }

    /** Embed URLs and the embedding sessions they open. */
    public EmbedSessions embeds() {
        return embeds;
    }

    /** Dashboard snapshot jobs (CSV exports of table and pivot table visuals). */
    public SnapshotJobService snapshotJobs() {
        return snapshotJobs;
    }

    /** QuickSight's users (namespace default). */
    public UserService users() {
        return users;
    }

    /** QuickSight's groups and their members. */
    public GroupService groups() {
        return groups;
    }

    /** The principals resource permissions may name, and the IAM identities each stands for. */
    public QuickSightPrincipals principals() {
        return principals;
    }

    /** The resources' permissions as the resource policies of {@code quicksight:} requests on them. */
    public PermissionGrants permissionGrants() {
        return permissionGrants;
    }

    public ResourceTags tags() {
        return tags;
    }

    public RefreshService refreshes() {
        return refreshes;
    }

    public DataSetIngestions ingestions() {
        return ingestions;
    }

    /** The refresh schedules' runner ({@link RefreshScheduler#runDue()} checks them at the clock's time). */
    public RefreshScheduler scheduler() {
        return scheduler;
    }

    /** A dataset's output columns by name, with their QuickSight types, in order. */
    private static Map<String, String> columns(DataSet dataSet) {
        Map<String, String> columns = new LinkedHashMap<>();
        dataSet.compiled().outputColumns().forEach(column -> columns.put(column.name(), column.type()));
        return columns;
    }

    @Override
    public void close() {
        glaux.spice().athenaCaller(null);
        scheduler.close();
        snapshotJobs.close();
    }
}
