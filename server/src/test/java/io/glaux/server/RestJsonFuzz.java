package io.glaux.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.aws.protocol.RestRoute;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random requests against a REST-JSON service (QuickSight, Lambda) and what every answer must be, whoever sends them
 * ({@link FuzzCaller}): never a 5xx or a hang; a 4xx with {@code x-amzn-ErrorType} and the service's error body; for
 * a caller allowed nothing never a 2xx, and refusals by authorization in the service's status and AWS's sentence.
 * Request {@code i} comes from {@code new Random(seed + i)} alone, so a failure names the seed and index that
 * reproduce it; each caller is sent the same requests.
 */
public final class RestJsonFuzz {

    /** URIs longer than this may not fit the HTTP server's request header limit with the headers sent. */
    private static final int MAX_ROUTED_URI = 7 * 1024;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final Pattern LABEL = Pattern.compile("\\{([A-Za-z]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One generated request: the path carries the query; a null body is none. */
    public record Probe(String method, String path, Map<String, String> headers, byte[] body) {
    }

    /** A service's error body: its message, or null when the body is not in the service's shape. */
    @FunctionalInterface
    public interface ErrorBody {
        String messageOf(JsonNode body);
    }

    private final String service;
    private final long seed;
    private final int deniedStatus;
    private final ErrorBody errors;
    private final Duration timeout;
    private final Function<Random, Probe> generator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param service      the signing name (and IAM action prefix) of the service
     * @param seed         the seed of request 0
     * @param deniedStatus the status of the service's AccessDeniedException in its model
     * @param errors       reads the service's error body
     * @param timeout      how long one request may take
     * @param generator    request {@code i} from {@code new Random(seed + i)}
     */
    public RestJsonFuzz(String service, long seed, int deniedStatus, ErrorBody errors, Duration timeout,
                        Function<Random, Probe> generator) {
        this.service = service;
        this.seed = seed;
        this.deniedStatus = deniedStatus;
        this.errors = errors;
        this.timeout = timeout;
        this.generator = generator;
    }

    /** Sends requests {@code 0..requests-1} to {@code server}, which enforces nothing, with unverified signatures. */
    public void run(GlauxServer server, int requests) throws Exception {
        run(FuzzCaller.unverified(server, service), requests);
    }

    /**
     * Sends the first {@code requests} requests to a new server enforcing IAM, signed as the account's root
     * (answered as without enforcement) and then as a user allowed nothing.
     */
    public void runUnderEnforcedIam(int requests) throws Exception {
        try (EnforcedIamServer iam = EnforcedIamServer.start()) {
            run(iam.root(service), requests);
            run(iam.allowedNothing(service), requests);
        }
    }

    /** Checks that {@code server} still answers {@code GET path} with a 200 whose {@code listMember} is a list. */
    public void assertStillServes(GlauxServer server, String path, String listMember) throws Exception {
        HttpResponse<String> list = http.send(FuzzCaller.unverified(server, service).request("GET", path, Map.of(),
                null, timeout), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).get(listMember).isArray()).as(list.body()).isTrue();
    }

    private void run(FuzzCaller caller, int requests) throws Exception {
        int refused = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            Probe probe = generator.apply(new Random(seed + i));
            String path = probe.path();
            String request = "request " + i + " (seed " + seed + ", " + caller + "): " + probe.method() + " "
                    + abbreviate(path) + " " + (probe.body() == null ? ""
                    : abbreviate(new String(probe.body(), StandardCharsets.UTF_8)));
            HttpResponse<String> response;
            try {
                response = sendRetryingAClosedConnection(caller.request(probe.method(), path, probe.headers(),
                        probe.body(), timeout), path);
            } catch (IOException e) {
                // Past the HTTP server's 8 KiB of request line and headers (S3's limit too) the parser refuses the
                // request and closes the connection; with a body still being sent, the client may see that close
                // before the refusal. Any other request must be answered.
                assertThat(path.length()).as(request + " was not answered: " + e).isGreaterThan(MAX_ROUTED_URI);
                continue;
            }
            int status = response.statusCode();
            String code = response.headers().firstValue("x-amzn-ErrorType").orElse(null);
            outcomes.merge(status + (code == null ? "" : " " + code), 1, Integer::sum);
            String context = request + " -> " + status + " " + abbreviate(response.body());
            assertThat(status).as(context).isLessThan(500);
            if (path.length() > MAX_ROUTED_URI) {
                // Refused by the HTTP parser before its signature is read, so no service is known: a generic 4xx.
                assertThat(status).as(context).isBetween(400, 499);
            } else if (status >= 400) {
                assertThat(code).as(context).isNotNull();
                String message = errors.messageOf(JSON.readTree(response.body()));
                assertThat(message).as(context + ": not " + service + "'s error body").isNotNull();
                assertThat(caller.problemWithError(status, code, message, deniedStatus)).as(context).isNull();
                refused += caller.refusedByPolicy(code, message) ? 1 : 0;
            } else {
                assertThat(caller.deniedEverything()).as(context + ": a caller allowed nothing succeeded").isFalse();
            }
        }
        System.out.println(requests + " " + service + " requests (" + caller + "): " + outcomes);
        if (caller.deniedEverything()) {
            assertThat(refused).as("calls refused by authorization").isPositive();
        }
    }

    /**
     * Sends a request; a request the server cannot have refused for its length that meets a closed connection (a
     * pooled connection the server closed after an earlier refusal, which the client learns only by using it) is sent
     * once more on a new connection, as the AWS SDKs retry an I/O failure. The second attempt must be answered.
     */
    private HttpResponse<String> sendRetryingAClosedConnection(HttpRequest request, String path)
            throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closed) {
            if (path.length() > MAX_ROUTED_URI) {
                throw closed;
            }
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    // ---- for generators ----

    /** Mostly the route's own method, sometimes another. */
    public static String method(Random random, RestRoute route) {
        return random.nextInt(10) < 8 ? route.method() : pick(random, METHODS);
    }

    /**
     * The route's URI template with each label replaced by {@code valueOf(label)}, percent-encoded as the SDKs encode
     * labels (an empty value is {@code x}). A path Jetty cannot parse or normalise (an encoded NUL) is refused before
     * any service is known, with S3's XML InvalidURI: a known limit, so a NUL becomes U+0001.
     */
    public static String path(RestRoute route, Function<String, String> valueOf) {
        Matcher matcher = LABEL.matcher(route.uri().toString());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = valueOf.apply(matcher.group(1)).replace("\u0000", "\u0001");
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            matcher.appendReplacement(path, Matcher.quoteReplacement(encoded.isEmpty() ? "x" : encoded));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    public static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
