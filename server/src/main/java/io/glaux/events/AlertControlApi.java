package io.glaux.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;

/**
 * The alerts' control API on the server's own port, for unsigned requests ({@code curl}, a test, the web UI):
 * <ul>
 *   <li>{@code GET /_glaux/alerts}: the rules in force ({@link AlertRules} JSON);</li>
 *   <li>{@code PUT /_glaux/alerts}: replaces the rules with the body's;</li>
 *   <li>{@code POST /_glaux/alerts}: adds the body's rules after the current ones;</li>
 *   <li>{@code DELETE /_glaux/alerts?name=<rule>}: removes one rule, or every rule without {@code name};</li>
 *   <li>{@code GET /_glaux/events?limit=<n>}: the newest events (100 unless asked), each with its deliveries.</li>
 * </ul>
 * A body that is not valid rules is a 400 with {@code {"error": "InvalidAlertRules", "message": "..."}}, and nothing
 * changes.
 */
public final class AlertControlApi {

    public static final String RULES_PATH = "/_glaux/alerts";
    public static final String EVENTS_PATH = "/_glaux/events";

    private final Alerts alerts;

    public AlertControlApi(Alerts alerts) {
        this.alerts = alerts;
    }

    public void getRules(Context ctx) {
        answer(ctx, 200, alerts.rules().toJson());
    }

    public void putRules(Context ctx) {
        change(ctx, false);
    }

    public void postRules(Context ctx) {
        change(ctx, true);
    }

    public void deleteRules(Context ctx) {
        String name = ctx.queryParam("name");
        try {
            alerts.rules(name == null ? AlertRules.NONE : alerts.rules().minus(name));
        } catch (IllegalArgumentException e) {
            error(ctx, 404, "RuleNotFound", e.getMessage());
            return;
        }
        answer(ctx, 200, alerts.rules().toJson());
    }

    public void getEvents(Context ctx) {
        int limit;
        try {
            String asked = ctx.queryParam("limit");
            limit = asked == null ? 100 : Integer.parseInt(asked);
            if (limit < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            error(ctx, 400, "InvalidParameter", "limit must be a positive integer");
            return;
        }
        ObjectNode body = AwsJson.object();
        ArrayNode list = body.putArray("events");
        alerts.events().newest(limit).forEach(logged -> list.add(logged.toJson()));
        body.put("pendingDeliveries", alerts.pendingDeliveries());
        answer(ctx, 200, body);
    }

    private void change(Context ctx, boolean add) {
        try {
            AlertRules given = AlertRules.parse(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
            alerts.rules(add ? alerts.rules().plus(given.rules()) : given);
        } catch (IllegalArgumentException e) {
            error(ctx, 400, "InvalidAlertRules", e.getMessage());
            return;
        }
        answer(ctx, 200, alerts.rules().toJson());
    }

    private static void error(Context ctx, int status, String error, String message) {
        ObjectNode body = AwsJson.object();
        body.put("error", error);
        body.put("message", message);
        answer(ctx, status, body);
    }

    private static void answer(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json")
                .result(body.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }
}
