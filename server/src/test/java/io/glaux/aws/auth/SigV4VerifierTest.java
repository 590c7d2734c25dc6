package io.glaux.aws.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SigV4 check against AWS's Signature Version 4 test suite (every case: header order and duplicates, value
 * trimming, query order and encoding, form bodies, path normalization, session tokens) and against requests signed
 * by the SDK's own signer, for S3's rules and every other service's.
 */
class SigV4VerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    static Stream<JsonNode> suite() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        suiteFile().get("cases").forEach(cases::add);
        return cases.stream();
    }

    private static JsonNode suiteFile() throws IOException {
        try (InputStream in = SigV4VerifierTest.class.getResourceAsStream("sigv4-test-suite.json")) {
            return JSON.readTree(in);
        }
    }

    private static SignedRequest suiteRequest(JsonNode test, String authorization) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        test.get("headers").forEach(h -> headers.computeIfAbsent(h.get(0).asText(), n -> new ArrayList<>())
                .add(h.get(1).asText()));
        headers.put("Authorization", List.of(authorization));
        String query = test.get("query").asText();
        return new SignedRequest(test.get("method").asText(), test.get("path").asText(),
                query.isEmpty() ? null : query, headers);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("suite")
    void everyTestSuiteSignatureVerifies(JsonNode test) throws IOException {
        String secret = suiteFile().get("secretAccessKey").asText();
        SignedRequest request = suiteRequest(test, test.get("authorization").asText());
        SigV4Signature signature = SigV4Signature.of(request);
        byte[] body = test.get("body").asText().getBytes(StandardCharsets.UTF_8);

        SigV4Verifier.Verification verification = SigV4Verifier.service().verify(request, signature, secret,
                SigV4Crypto.sha256Hex(body));

        assertThat(verification.canonicalRequest()).as(test.get("name").asText())
                .isEqualTo(test.get("canonicalRequest").asText());
        assertThat(verification.matches()).as(test.get("name").asText()).isTrue();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("suite")
    void everyTestSuiteRequestFailsWithAnotherSecretOrAnAlteredSignature(JsonNode test) throws IOException {
        String secret = suiteFile().get("secretAccessKey").asText();
        String authorization = test.get("authorization").asText();
        SignedRequest request = suiteRequest(test, authorization);
        String bodyHash = SigV4Crypto.sha256Hex(test.get("body").asText().getBytes(StandardCharsets.UTF_8));

        assertThat(SigV4Verifier.service().verify(request, SigV4Signature.of(request), secret + "x", bodyHash)
                .matches()).isFalse();
        String altered = authorization.substring(0, authorization.length() - 1)
                + (authorization.endsWith("0") ? "1" : "0");
        SignedRequest tampered = suiteRequest(test, altered);
        assertThat(SigV4Verifier.service().verify(tampered, SigV4Signature.of(tampered), secret, bodyHash)
                .matches()).isFalse();
    }

    @Test
    void aTestSuiteRequestWithAChangedBodyNoLongerVerifies() throws IOException {
        JsonNode form = suite().filter(t -> t.get("name").asText().equals("post-x-www-form-urlencoded"))
                .findFirst().orElseThrow();
        SignedRequest request = suiteRequest(form, form.get("authorization").asText());

        assertThat(SigV4Verifier.service().verify(request, SigV4Signature.of(request),
                suiteFile().get("secretAccessKey").asText(), SigV4Crypto.sha256Hex("Param1=value2")).matches())
                .isFalse();
    }

    @Test
    void anSdkSignedServiceRequestVerifiesWithItsBodyHash() {
        byte[] body = "{\"MaxResults\":10}".getBytes(StandardCharsets.UTF_8);
        SdkSigning.Signed signed = SdkSigning.sign("POST", "http://127.0.0.1:4566/",
                Map.of("X-Amz-Target", "AmazonAthena.ListWorkGroups",
                        "Content-Type", "application/x-amz-json-1.1"), body,
                SdkSigning.key("AKIDEXAMPLE", "secret"), "athena", NOW, r -> r);

        SigV4Signature signature = SigV4Signature.of(signed.request());
        assertThat(SigV4Verifier.service().verify(signed.request(), signature, "secret",
                SigV4Crypto.sha256Hex(body)).matches()).isTrue();
        assertThat(SigV4Verifier.service().verify(signed.request(), signature, "secret",
                SigV4Crypto.sha256Hex("{\"MaxResults\":11}")).matches()).isFalse();
    }

    @Test
    void anSdkSignedServicePathIsEncodedAgainAsTheSdkSignsIt() {
        SdkSigning.Signed signed = SdkSigning.sign("GET",
                "http://127.0.0.1:4566/2015-03-31/functions/a%3Ab/configuration", Map.of(), new byte[0],
                SdkSigning.key("AKIDEXAMPLE", "secret"), "lambda", NOW, r -> r);
        SigV4Signature signature = SigV4Signature.of(signed.request());

        assertThat(SigV4Verifier.service().verify(signed.request(), signature, "secret",
                SigV4Crypto.EMPTY_SHA256).matches()).isTrue();
        assertThat(SigV4Verifier.s3().verify(signed.request(), signature, "secret", SigV4Crypto.EMPTY_SHA256)
                .matches()).isFalse();
    }

    @Test
    void anSdkSignedS3RequestVerifiesWithItsPathAsSentAndItsContentSha256Header() {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        SdkSigning.Signed signed = SdkSigning.sign("PUT",
                "http://127.0.0.1:4566/bucket/a%20b/..//c%2Bd.txt?tagging=&x-id=PutObject", Map.of(), body,
                SdkSigning.key("AKIDEXAMPLE", "secret"), "s3", NOW, SdkSigning.s3(false));
        SigV4Signature signature = SigV4Signature.of(signed.request());
        String contentSha256 = signed.request().header("x-amz-content-sha256");

        assertThat(contentSha256).isEqualTo(SigV4Crypto.sha256Hex(body));
        assertThat(SigV4Verifier.s3().verify(signed.request(), signature, "secret", contentSha256).matches())
                .isTrue();
        assertThat(SigV4Verifier.service().verify(signed.request(), signature, "secret", contentSha256).matches())
                .isFalse();
    }

    @Test
    void anSdkPresignedUrlVerifiesWithoutItsSignatureInTheCanonicalQuery() {
        SdkSigning.Signed signed = SdkSigning.sign("GET", "http://127.0.0.1:4566/bucket/key.csv", Map.of(), null,
                SdkSigning.key("AKIDEXAMPLE", "secret"), "s3",
                NOW, SdkSigning.presigned(Duration.ofMinutes(5)));
        SigV4Signature signature = SigV4Signature.of(signed.request());

        assertThat(signature.presigned()).isTrue();
        assertThat(signature.expiresSeconds()).isEqualTo(300);
        SigV4Verifier.Verification verification = SigV4Verifier.s3().verify(signed.request(), signature, "secret",
                "UNSIGNED-PAYLOAD");
        assertThat(verification.canonicalRequest()).doesNotContain("X-Amz-Signature");
        assertThat(verification.matches()).isTrue();
    }
}
