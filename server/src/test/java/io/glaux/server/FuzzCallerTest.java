package io.glaux.server;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a fuzz caller judges an error answer, and the requests it sends. */
class FuzzCallerTest {

    private static final String ENDPOINT = "http://127.0.0.1:1";
    private static final String REFUSAL = "User: arn:aws:iam::000000000000:user/nobody is not authorized to perform:"
            + " lambda:GetFunction on resource: arn:aws:lambda:us-east-1:000000000000:function:f because no"
            + " identity-based policy allows the lambda:GetFunction action. To allow it: add lambda:GetFunction";

    private static FuzzCaller caller(FuzzCaller.Kind kind) {
        return new FuzzCaller(kind, ENDPOINT, "lambda", kind == FuzzCaller.Kind.UNVERIFIED ? null
                : AwsBasicCredentials.create("AKIAEXAMPLE", "secret"));
    }

    @Test
    void aCallerAllowedNothingMayBeRefusedOnlyInTheServicesWordsAndStatus() {
        FuzzCaller nobody = caller(FuzzCaller.Kind.ALLOWED_NOTHING);
        assertThat(nobody.problemWithError(403, "AccessDeniedException", REFUSAL, 403)).isNull();
        assertThat(nobody.refusedByPolicy("AccessDeniedException", REFUSAL)).isTrue();
        assertThat(nobody.problemWithError(400, "AccessDeniedException", REFUSAL, 403)).contains("403");
        assertThat(nobody.problemWithError(403, "AccessDeniedException", REFUSAL.replace("nobody", "other"), 403))
                .isNotNull();
        assertThat(nobody.problemWithError(403, "AccessDeniedException", REFUSAL.replace(". To allow it: ", ". "),
                403)).isNotNull();
        assertThat(nobody.problemWithError(400, "ValidationException", "bad value", 403)).isNull();
    }

    @Test
    void rootIsNeverRefusedByPolicyAndNoSignedCallerIsRefusedItsSignature() {
        FuzzCaller root = caller(FuzzCaller.Kind.ROOT);
        assertThat(root.problemWithError(403, "AccessDeniedException", REFUSAL, 403)).contains("authorization");
        assertThat(root.problemWithError(403, "InvalidSignatureException", "mismatch", 403)).contains("signature");
        assertThat(caller(FuzzCaller.Kind.ALLOWED_NOTHING).problemWithError(403, "UnrecognizedClientException",
                "invalid", 403)).contains("signature");
        assertThat(root.problemWithError(404, "ResourceNotFoundException", "Function not found", 403)).isNull();
        // Without enforcement nothing is verified: the service's own refusals of another account stay answers.
        assertThat(caller(FuzzCaller.Kind.UNVERIFIED).problemWithError(403, "InvalidSignatureException", "x", 403))
                .isNull();
    }

    @Test
    void anUnverifiedRequestNamesTheServiceInItsScopeAndASignedOneCarriesASignature() {
        HttpRequest unverified = caller(FuzzCaller.Kind.UNVERIFIED).request("GET", "/2015-03-31/functions?a=1",
                Map.of("X-Amz-Log-Type", "Tail"), null, Duration.ofSeconds(7));
        assertThat(unverified.uri().toString()).isEqualTo(ENDPOINT + "/2015-03-31/functions?a=1");
        assertThat(unverified.headers().firstValue("Authorization")).get().asString()
                .contains("/us-east-1/lambda/aws4_request");
        assertThat(unverified.headers().firstValue("X-Amz-Log-Type")).contains("Tail");
        assertThat(unverified.timeout()).contains(Duration.ofSeconds(7));

        HttpRequest signed = caller(FuzzCaller.Kind.ROOT).request("POST", "/x?q=a+b", Map.of(), new byte[] {1},
                Duration.ofSeconds(9));
        assertThat(signed.headers().firstValue("Authorization")).get().asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/").contains("Signature=");
        assertThat(signed.uri().getRawQuery()).as("the query as the SDK signed it").isEqualTo("q=a%20b");
        assertThat(signed.timeout()).contains(Duration.ofSeconds(9));
    }
}
