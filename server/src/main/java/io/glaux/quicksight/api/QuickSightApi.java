package io.glaux.quicksight.api;

import io.glaux.aws.protocol.CallAuthorizer;
import io.glaux.aws.protocol.ErrorStyle;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.aws.protocol.RestService;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.error.AthenaMessages;
import io.glaux.error.ErrorCategory;
import io.glaux.error.GlauxException;
import io.glaux.iam.Authorizer;
import io.glaux.quicksight.QuickSight;
import io.glaux.quicksight.QuickSightException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * QuickSight as a {@link RestService} (REST-JSON, SigV4 scope {@code quicksight}): the operations of each resource in
 * a class of their own, given the QuickSight service they work on; the refusals of the resources mapped once, here,
 * to QuickSight's error shapes. The framing is {@code io.glaux.aws.protocol.RestJsonProtocol}'s.
 */
public final class QuickSightApi implements RestService {

    private final List<RestRoute> routes = new ArrayList<>();
    private final Consumer<String> beforeDispatch;
    private final QuickSightAuthorization authorization;

    public QuickSightApi(QuickSight quickSight) {
        this(quickSight, operation -> { });
    }

    /** @param beforeDispatch called with the operation's name before each call; it may delay or answer it */
    public QuickSightApi(QuickSight quickSight, Consumer<String> beforeDispatch) {
        this(quickSight, beforeDispatch, Authorizer.ALLOW_ALL);
    }

    /**
     * @param beforeDispatch called with the operation's name before each call; it may delay or answer it
     * @param authorizer asked before each call whether its caller may make it ({@link QuickSightAuthorization})
     */
    public QuickSightApi(QuickSight quickSight, Consumer<String> beforeDispatch, Authorizer authorizer) {
        this(quickSight, beforeDispatch, authorizer, null, null);
    }

    /**
     * As {@link #QuickSightApi(QuickSight, Consumer, Authorizer)}, also serving the Security &amp; permissions
     * settings of QuickSight's service role ({@link SecurityOperations}) when {@code security} is given.
     *
     * @param workgroups the engine's workgroups, whose permissions the settings show
     */
    public QuickSightApi(QuickSight quickSight, Consumer<String> beforeDispatch, Authorizer authorizer,
            SecuritySettings security, io.glaux.workgroup.WorkgroupService workgroups) {
        this.beforeDispatch = beforeDispatch;
        this.authorization = new QuickSightAuthorization(new CallAuthorizer(authorizer, "quicksight"));
        PermissionPrincipals principals = new PermissionPrincipals(quickSight.principals());
        routes.addAll(new DataSourceOperations(quickSight.dataSources(), principals).routes());
        routes.addAll(new DataSetOperations(quickSight.dataSets(), quickSight.ingestions(), quickSight.refreshes(),
                principals).routes());
        routes.addAll(new IngestionOperations(quickSight.dataSets(), quickSight.ingestions()).routes());
        routes.addAll(new RefreshOperations(quickSight.refreshes()).routes());
        routes.addAll(new TagOperations(quickSight.tags()).routes());
        routes.addAll(new VisualDataOperations(quickSight.visuals()).routes());
        routes.add(new DataSetPreviewOperation(quickSight.previews()).route());
        routes.addAll(new AnalysisOperations(quickSight.analyses(), principals).routes());
        routes.addAll(new DashboardOperations(quickSight.dashboards(), principals).routes());
        routes.addAll(new UserOperations(quickSight.users(), quickSight.groups()).routes());
        routes.addAll(new GroupOperations(quickSight.groups()).routes());
        routes.addAll(new EmbedUrlOperations(quickSight.dashboards(), quickSight.embeds()).routes());
        routes.addAll(new SnapshotJobOperations(quickSight.snapshotJobs()).routes());
        if (security != null) {
            routes.addAll(new SecurityOperations(security, quickSight.dataSources(), workgroups).routes());
        }
    }

    @Override
    public String signingName() {
        return "quicksight";
    }

    @Override
    public List<RestRoute> routes() {
        return List.copyOf(routes);
    }

    @Override
    public ErrorStyle errors() {
        return QuickSightErrors.STYLE;
    }

    /** Refuses a call whose caller may not perform its {@code quicksight:} action on the resource it names. */
    @Override
    public void authorize(String operation, RestRequest request, RequestContext context) {
        authorization.check(operation, request, context);
    }

    @Override
    public void beforeDispatch(String operation) {
        beforeDispatch.accept(operation);
    }

    @Override
    public ServiceError translate(Exception error) {
        if (error instanceof QuickSightException e) {
            return QuickSightErrors.of(e);
        }
        if (error instanceof GlauxException e && e.type().category() != ErrorCategory.SYSTEM) {
            return QuickSightErrors.invalidParameter(AthenaMessages.message(e));
        }
        return null;
    }
}
