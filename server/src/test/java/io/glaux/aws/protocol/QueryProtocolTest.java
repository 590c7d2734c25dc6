package io.glaux.aws.protocol;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The query protocol's framing as raw HTTP: flattened members, XML answers and errors, GET and POST. */
class QueryProtocolTest {

    static final String IAM_SCOPE = "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/iam/aws4_request, "
            + "SignedHeaders=host, Signature=0";

    static GlauxServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("Authorization", IAM_SCOPE)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void flattenedTagsReachTheOperationAndTheAnswerIsItsXml() throws Exception {
        HttpResponse<String> response = post("Action=CreateUser&Version=2010-05-08&UserName=flat&Path=%2Fx%2F"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=b+i&Tags.member.2.Key=k&Tags.member.2.Value=");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/xml");
        assertThat(response.body()).startsWith("<CreateUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<CreateUserResult><User><Path>/x/</Path><UserName>flat</UserName>")
                .contains("<Tags><member><Key>team</Key><Value>b i</Value></member><member><Key>k</Key><Value></Value>"
                        + "</member></Tags>")
                .containsPattern("<ResponseMetadata><RequestId>[0-9a-f-]{36}</RequestId></ResponseMetadata>"
                        + "</CreateUserResponse>$");
    }

    @Test
    void aGetWithAQueryStringIsAnsweredToo() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint()
                + "/?Action=ListRoles&Version=2010-05-08")).header("Authorization", IAM_SCOPE).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        // The one role every server has: QuickSight's service role.
        assertThat(response.body()).contains("<ListRolesResult><Roles><member><Path>/service-role/</Path>"
                + "<RoleName>aws-quicksight-service-role-v0</RoleName>")
                .contains("</Roles><IsTruncated>false</IsTruncated>");
    }

    @Test
    void errorsAreErrorResponsesWithTheModelsStatus() throws Exception {
        HttpResponse<String> missing = post("Action=GetUser&Version=2010-05-08&UserName=nobody");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).startsWith("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The user with name nobody cannot be "
                + "found.</Message></Error><RequestId>");
        HttpResponse<String> invalid = post("Action=CreateUser&Version=2010-05-08");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("<Code>ValidationError</Code><Message>1 validation error detected: "
                + "Value null at 'userName' failed to satisfy constraint: Member must not be null</Message>");
        HttpResponse<String> tooMany = post("Action=ListUsers&Version=2010-05-08&MaxItems=1001");
        assertThat(tooMany.body()).contains("Value 1001 at 'maxItems' failed to satisfy constraint: Member must have "
                + "value less than or equal to 1000");
    }

    @Test
    void anUnknownActionIsInvalidAction() throws Exception {
        HttpResponse<String> response = post("Action=MakeCoffee&Version=2010-05-08");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code><Message>Could not find operation MakeCoffee "
                + "for version 2010-05-08</Message>");
    }

    @Test
    void nestedMembersAreNamedInValidationErrors() throws Exception {
        HttpResponse<String> response = post("Action=CreateUser&Version=2010-05-08&UserName=n"
                + "&Tags.member.1.Key=ok&Tags.member.1.Value=x&Tags.member.2.Key=bad%23key&Tags.member.2.Value=v");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Value 'bad#key' at 'tags.2.member.key' failed to satisfy constraint");
    }

    @Test
    void escapesTextInAnswers() {
        assertThat(new XmlAnswer().add("A", "<&>\"'").toString()).isEqualTo("<A>&lt;&amp;&gt;\"'</A>");
    }
}
