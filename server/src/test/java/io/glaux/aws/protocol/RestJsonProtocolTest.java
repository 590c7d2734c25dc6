package io.glaux.aws.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST-JSON framing over a small service of its own: routes, labels, query, body, success and error shapes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestJsonProtocolTest {

    private static final ErrorStyle STYLE = new ErrorStyle() {
        @Override
        public ServiceError invalid(String message) {
            return new ServiceError(400, "InvalidParameterValueException", message);
        }

        @Override
        public ServiceError serialization(String message) {
            return new ServiceError(400, "InvalidParameterValueException", message);
        }

        @Override
        public ServiceError internal(String message) {
            return new ServiceError(500, "InternalFailureException", message);
        }
    };

    private final RestService things = new RestService() {
        @Override
        public String signingName() {
            return "things";
        }

        @Override
        public List<RestRoute> routes() {
            return List.of(
                    RestRoute.of("CreateThing", "POST", "/accounts/{AwsAccountId}/things", (request, context) -> {
                        ObjectNode body = AwsJson.object();
                        body.put("Name", request.body().requiredString("Name", 1, 10));
                        body.put("Account", request.label("AwsAccountId", 12, 12, Pattern.compile("^[0-9]{12}$")));
                        body.put("Caller", context.principalArn());
                        body.put("Region", context.region());
                        return RestResponse.created(body);
                    }),
                    RestRoute.of("ListThings", "GET", "/accounts/{AwsAccountId}/things", (request, context) -> {
                        ObjectNode body = AwsJson.object();
                        body.put("MaxResults", request.queryInteger("max-results", 1, 100));
                        return RestResponse.ok(body);
                    }),
                    RestRoute.of("DescribeThing", "GET", "/accounts/{AwsAccountId}/things/{ThingId}",
                            (request, context) -> {
                                throw new ServiceError(404, "ResourceNotFoundException", "Thing "
                                        + request.label("ThingId", 1, 100, null) + " not found")
                                        .with("ResourceType", "THING");
                            }),
                    RestRoute.of("BreakThing", "DELETE", "/accounts/{AwsAccountId}/things/{ThingId}",
                            (request, context) -> {
                                throw new IllegalStateException("a bug");
                            }));
        }

        @Override
        public ErrorStyle errors() {
            return STYLE;
        }

        @Override
        public ServiceError translate(Exception error) {
            return null;
        }
    };

    private Server jetty;
    private String endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.addServlet(new ServletHolder(new RestJsonProtocol(things, new CallerIdentity("123456789012"))), "/*");
        jetty.setHandler(handler);
        jetty.start();
        endpoint = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterAll
    void stop() throws Exception {
        jetty.stop();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261203/eu-west-1/things/"
                        + "aws4_request, SignedHeaders=host, Signature=0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return AwsJson.MAPPER.readTree(response.body());
    }

    @Test
    void aSuccessCarriesTheOperationsStatusWithStatusAndRequestIdInTheBody() throws Exception {
        HttpResponse<String> created = send("POST", "/accounts/123456789012/things", "{\"Name\":\"lamp\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.get("Name").asText()).isEqualTo("lamp");
        assertThat(body.get("Status").asInt()).isEqualTo(201);
        assertThat(body.get("RequestId").asText()).isEqualTo(created.headers().firstValue("x-amzn-RequestId")
                .orElseThrow());
        assertThat(body.get("Caller").asText()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(body.get("Region").asText()).isEqualTo("eu-west-1");
        assertThat(json(send("GET", "/accounts/123456789012/things?max-results=7", null)).get("MaxResults").asInt())
                .isEqualTo(7);
    }

    @Test
    void errorsCarryTheModelsStatusTypeHeaderMessageRequestIdAndMembers() throws Exception {
        HttpResponse<String> missing = send("GET", "/accounts/123456789012/things/lamp", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        JsonNode body = json(missing);
        assertThat(body.get("Message").asText()).isEqualTo("Thing lamp not found");
        assertThat(body.get("ResourceType").asText()).isEqualTo("THING");
        assertThat(body.get("RequestId").asText()).isNotBlank();
        assertThat(body.has("__type")).isFalse();
    }

    @Test
    void badInputIsTheServicesValidationErrorAndNeverAServerError() throws Exception {
        for (HttpResponse<String> bad : List.of(
                send("POST", "/accounts/123456789012/things", "{\"Name\":"),
                send("POST", "/accounts/123456789012/things", "[1]"),
                send("POST", "/accounts/123456789012/things", "{\"Name\":7}"),
                send("POST", "/accounts/123456789012/things", "{\"Name\":\"much too long\"}"),
                send("POST", "/accounts/12/things", "{\"Name\":\"lamp\"}"),
                send("GET", "/accounts/123456789012/things?max-results=x", null),
                send("GET", "/accounts/123456789012/things?max-results=0", null))) {
            assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
            assertThat(bad.headers().firstValue("x-amzn-ErrorType")).contains("InvalidParameterValueException");
        }
        assertThat(json(send("POST", "/accounts/12/things", "{\"Name\":\"lamp\"}")).get("Message").asText())
                .startsWith("1 validation error detected: Value '12' at 'awsAccountId' failed to satisfy constraint");
    }

    @Test
    void unknownRoutesAndMethodsAreUnknownOperationsAndBugsAreTheModelsInternalFailure() throws Exception {
        HttpResponse<String> unknown = send("PUT", "/accounts/123456789012/things", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        HttpResponse<String> bug = send("DELETE", "/accounts/123456789012/things/lamp", null);
        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(bug.headers().firstValue("x-amzn-ErrorType")).contains("InternalFailureException");
        assertThat(bug.body()).doesNotContain("a bug");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String huge = "{\"Name\":\"" + "x".repeat(RequestBodies.MAX_BODY_BYTES) + "\"}";
        HttpResponse<String> tooLarge = send("POST", "/accounts/123456789012/things", huge);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("x-amzn-ErrorType")).contains("RequestEntityTooLargeException");
    }
}
