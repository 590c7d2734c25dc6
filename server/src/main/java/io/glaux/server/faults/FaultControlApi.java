package io.glaux.server.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;

/**
 * The control API on the server's own port, for unsigned requests ({@code curl}, a test's HTTP client):
 * <ul>
 *   <li>{@code GET /_glaux/faults}: the rules in force, their seed and statistics;</li>
 *   <li>{@code PUT /_glaux/faults}: replaces the rules with the body's ({@link FaultRules} JSON);</li>
 *   <li>{@code POST /_glaux/faults}: adds the body's rules after the current ones;</li>
 *   <li>{@code DELETE /_glaux/faults}: removes every rule.</li>
 * </ul>
 * Each answers 200 with the resulting document; a body that is not JSON, or not valid rules, is a 400 with
 * {@code {"error": "MalformedJson" | "InvalidFaultRules", "message": "..."}}, and nothing changes.
 */
public final class FaultControlApi {

    /** Where the API is served. */
    public static final String PATH = "/_glaux/faults";

    private final Faults faults;

    public FaultControlApi(Faults faults) {
        this.faults = faults;
    }

    public void get(Context ctx) {
        answer(ctx, 200, faults.toJson());
    }

    public void put(Context ctx) {
        change(ctx, false);
    }

    public void post(Context ctx) {
        change(ctx, true);
    }

    public void delete(Context ctx) {
        faults.clear();
        answer(ctx, 200, faults.toJson());
    }

    private void change(Context ctx, boolean add) {
        try {
            FaultJson.Parsed parsed = FaultJson.read(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
            FaultRules rules = parsed.toRules();
            if (add && !faults.rules().rules().isEmpty()) {
                if (rules.seed() != null) {
                    throw new IllegalArgumentException("seed: rules added to others keep their seed; PUT to set"
                            + " a new one");
                }
                // Ids the body left out are given by position among all the rules, not in the body.
                faults.add(parsed.rules().toArray(FaultRule[]::new));
            } else {
                faults.set(rules);
            }
        } catch (FaultJson.MalformedJsonException e) {
            error(ctx, "MalformedJson", e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            error(ctx, "InvalidFaultRules", e.getMessage());
            return;
        }
        answer(ctx, 200, faults.toJson());
    }

    private static void error(Context ctx, String error, String message) {
        ObjectNode body = FaultJson.MAPPER.createObjectNode();
        body.put("error", error);
        body.put("message", message);
        answer(ctx, 400, body);
    }

    private static void answer(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json")
                .result(body.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }
}
