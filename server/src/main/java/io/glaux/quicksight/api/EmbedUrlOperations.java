package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.quicksight.analysis.Dashboard;
import io.glaux.quicksight.analysis.DashboardService;
import io.glaux.quicksight.embed.EmbedSessions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * GenerateEmbedUrlForAnonymousUser and GenerateEmbedUrlForRegisteredUser for the Dashboard experience: a URL on this
 * server, {@code /embed/{id}/dashboards/{DashboardId}?code=...&identityprovider=quicksight&isauthcode=true}, that shows
 * that dashboard alone (the web UI's dashboard page without its navigation). The code must be used within five
 * minutes; the session it opens lasts SessionLifetimeInMinutes. AllowedDomains become the page's
 * {@code frame-ancestors}, so a web app on another origin can frame it only when listed.
 */
final class EmbedUrlOperations {

    private static final String PATH = "/accounts/{AwsAccountId}/embed-url";
    private static final Pattern USER_ARN = Pattern.compile("arn:aws:quicksight:[a-z0-9-]+:(\\d{12}):user/[^/]+/.+");

    private final DashboardService dashboards;
    private final EmbedSessions embeds;

    EmbedUrlOperations(DashboardService dashboards, EmbedSessions embeds) {
        this.dashboards = dashboards;
        this.embeds = embeds;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("GenerateEmbedUrlForAnonymousUser", "POST", PATH + "/anonymous-user", this::anonymous),
                RestRoute.of("GenerateEmbedUrlForRegisteredUser", "POST", PATH + "/registered-user",
                        this::registered));
    }

    private RestResponse anonymous(RestRequest request, RequestContext context) {
        String account = QuickSightInput.account(request, context);
        JsonInput body = request.body();
        String namespace = body.requiredString("Namespace", 0, 64, Pattern.compile("^[a-zA-Z0-9._-]*$"));
        if (!namespace.equals("default")) {
            throw QuickSightErrors.invalidParameter("Namespace " + namespace + " does not exist; Glaux has the"
                    + " default namespace.");
        }
        List<String> authorized = body.strings("AuthorizedResourceArns", 0, Integer.MAX_VALUE, 1, 2048);
        if (authorized == null) {
            throw body.violation(null, "AuthorizedResourceArns", "Member must not be null");
        }
        Dashboard dashboard = initialDashboard(body);
        EmbedSessions.requireAuthorized(dashboard.arn(), authorized);
        String anonymousUser = "arn:aws:quicksight:" + context.region() + ":" + account
                + ":user/default/QuickSightEmbeddingAnonymousUser";
        ObjectNode response = embedUrl(body, context, dashboard, anonymousUser);
        response.put("AnonymousUserArn", anonymousUser);
        return RestResponse.ok(response);
    }

    private RestResponse registered(RestRequest request, RequestContext context) {
        String account = QuickSightInput.account(request, context);
        JsonInput body = request.body();
        String userArn = body.requiredString("UserArn", 1, 2048);
        var matcher = USER_ARN.matcher(userArn);
        if (!matcher.matches() || !matcher.group(1).equals(account)) {
            throw QuickSightErrors.invalidParameter("UserArn " + userArn + " is not a QuickSight user of account "
                    + account + " (arn:aws:quicksight:<region>:" + account + ":user/<namespace>/<user name>).");
        }
        return RestResponse.ok(embedUrl(body, context, initialDashboard(body), userArn));
    }

    /** ExperienceConfiguration.Dashboard.InitialDashboardId's dashboard (the one experience Glaux embeds). */
    private Dashboard initialDashboard(JsonInput body) {
        if (!body.has("ExperienceConfiguration")) {
            throw body.violation(null, "ExperienceConfiguration", "Member must not be null");
        }
        JsonInput experience = body.object("ExperienceConfiguration");
        if (!experience.has("Dashboard")) {
            throw QuickSightErrors.invalidParameter("Glaux embeds the Dashboard experience: give"
                    + " ExperienceConfiguration.Dashboard.InitialDashboardId.");
        }
        String id = experience.object("Dashboard").requiredString("InitialDashboardId", 1, 512,
                Pattern.compile("[\\w\\-]+"));
        return dashboards.get(id);
    }

    private ObjectNode embedUrl(JsonInput body, RequestContext context, Dashboard dashboard, String principal) {
        Long lifetime = body.longValue("SessionLifetimeInMinutes", Long.MIN_VALUE, Long.MAX_VALUE);
        if (lifetime != null && (lifetime < EmbedSessions.MIN_LIFETIME_MINUTES
                || lifetime > EmbedSessions.MAX_LIFETIME_MINUTES)) {
            throw QuickSightErrors.sessionLifetimeInvalid("SessionLifetimeInMinutes must be between "
                    + EmbedSessions.MIN_LIFETIME_MINUTES + " and " + EmbedSessions.MAX_LIFETIME_MINUTES + ".");
        }
        List<String> domains = body.strings("AllowedDomains", 0, 100, 1, 2048);
        EmbedSessions.Embed embed = embeds.issue(dashboard.id(), principal, domains == null ? List.of() : domains,
                lifetime);
        ObjectNode response = AwsJson.object();
        response.put("EmbedUrl", context.endpoint() + "/embed/" + embed.id() + "/dashboards/"
                + URLEncoder.encode(dashboard.id(), StandardCharsets.UTF_8) + "?code=" + embed.code()
                + "&identityprovider=quicksight&isauthcode=true");
        return response;
    }
}
