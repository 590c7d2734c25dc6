package io.glaux.aws.auth;

import io.glaux.aws.auth.AuthenticationFailure.Kind;
import io.glaux.iam.Principal;
import io.glaux.iam.SigningCredentials;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The authenticator's decisions, with enforcement on and off, over SDK-signed requests. */
class AuthenticatorTest {

    private static final String ACCOUNT = "123456789012";
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Principal ALICE = Principal.user(ACCOUNT, "/", "alice", "AIDAALICE");
    private static final Principal SESSION = Principal.assumedRole(ACCOUNT, "/", "reader", "AROAREADER", "s1");
    private static final FixedCredentialStore STORE = new FixedCredentialStore(List.of(
            new SigningCredentials("AKIAALICE", "alice-secret", null, null, true, ALICE),
            new SigningCredentials("AKIAINACTIVE", "inactive-secret", null, null, false, ALICE),
            new SigningCredentials("ASIASESSION", "session-secret", "token-1", NOW.plus(Duration.ofHours(1)), true,
                    SESSION),
            new SigningCredentials("ASIAOLD", "old-secret", "token-old", NOW.minus(Duration.ofMinutes(1)), true,
                    SESSION)));
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private final Authenticator enforcing = new Authenticator(STORE, true, ACCOUNT, CLOCK);
    private final Authenticator lenient = new Authenticator(STORE, false, ACCOUNT, CLOCK);

    private static SdkSigning.Signed athenaCall(AwsCredentialsIdentity key, Clock signingClock) {
        return SdkSigning.sign("POST", "http://127.0.0.1:4566/", Map.of("X-Amz-Target", "AmazonAthena.ListWorkGroups"),
                BODY, key, "athena", signingClock, r -> r);
    }

    private static SdkSigning.Signed athenaCall(AwsCredentialsIdentity key) {
        return athenaCall(key, CLOCK);
    }

    private static SignedRequest unsigned() {
        return new SignedRequest("GET", "/bucket/key", null, Map.of("Host", List.of("127.0.0.1:4566")));
    }

    private Kind failureOf(SignedRequest request) {
        try {
            enforcing.authenticate(request, BODY);
        } catch (AuthenticationFailure failure) {
            return failure.kind();
        }
        throw new AssertionError("authenticated");
    }

    @Test
    void aGoodSignatureIsItsKeysPrincipal() {
        Authentication authentication = enforcing.authenticate(athenaCall(SdkSigning.key("AKIAALICE",
                "alice-secret")).request(), BODY);

        assertThat(authentication.principal()).isEqualTo(ALICE);
        assertThat(authentication.accessKeyId()).isEqualTo("AKIAALICE");
        assertThat(authentication.verified()).isTrue();
    }

    @Test
    void aSessionKeyWithItsTokenIsTheRoleSession() {
        Authentication authentication = enforcing.authenticate(athenaCall(AwsSessionCredentials.create("ASIASESSION",
                "session-secret", "token-1")).request(), BODY);

        assertThat(authentication.principal()).isEqualTo(SESSION);
    }

    @Test
    void eachBadRequestFailsWithItsOwnKind() {
        assertThat(failureOf(athenaCall(SdkSigning.key("AKIAALICE", "wrong")).request()))
                .isEqualTo(Kind.SIGNATURE_MISMATCH);
        assertThat(failureOf(athenaCall(SdkSigning.key("AKIANOBODY", "x")).request())).isEqualTo(Kind.UNKNOWN_KEY);
        assertThat(failureOf(athenaCall(SdkSigning.key("AKIAINACTIVE", "inactive-secret")).request()))
                .isEqualTo(Kind.UNKNOWN_KEY);
        assertThat(failureOf(athenaCall(SdkSigning.key("ASIASESSION", "session-secret")).request()))
                .isEqualTo(Kind.UNKNOWN_KEY);
        assertThat(failureOf(athenaCall(AwsSessionCredentials.create("ASIASESSION", "session-secret", "token-2"))
                .request())).isEqualTo(Kind.INVALID_TOKEN);
        assertThat(failureOf(athenaCall(AwsSessionCredentials.create("ASIAOLD", "old-secret", "token-old"))
                .request())).isEqualTo(Kind.EXPIRED_TOKEN);
        assertThat(failureOf(unsigned())).isEqualTo(Kind.MISSING);
    }

    @Test
    void theBodyIsPartOfTheSignature() {
        SignedRequest request = athenaCall(SdkSigning.key("AKIAALICE", "alice-secret")).request();

        assertThatThrownBy(() -> enforcing.authenticate(request, "{ }".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AuthenticationFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.SIGNATURE_MISMATCH);
                    assertThat(failure.canonicalRequest()).startsWith("POST\n/\n");
                    assertThat(failure.stringToSign()).startsWith("AWS4-HMAC-SHA256\n20240501T100000Z\n");
                });
    }

    @Test
    void aSigningTimeMoreThanFifteenMinutesAwayIsRefusedInAwsWords() {
        Clock late = Clock.offset(CLOCK, Duration.ofMinutes(-16));
        assertThatThrownBy(() -> enforcing.authenticate(athenaCall(SdkSigning.key("AKIAALICE", "alice-secret"), late)
                .request(), BODY)).isInstanceOfSatisfying(AuthenticationFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.SKEWED);
                    assertThat(failure.getMessage()).isEqualTo("Signature expired: 20240501T094400Z is now earlier"
                            + " than 20240501T094500Z (20240501T100000Z - 15 min.)");
                });
        Clock early = Clock.offset(CLOCK, Duration.ofMinutes(16));
        assertThatThrownBy(() -> enforcing.authenticate(athenaCall(SdkSigning.key("AKIAALICE", "alice-secret"),
                early).request(), BODY)).hasMessage("Signature not yet current: 20240501T101600Z is still later than"
                + " 20240501T101500Z (20240501T100000Z + 15 min.)");
        Clock within = Clock.offset(CLOCK, Duration.ofMinutes(-14));
        assertThat(enforcing.authenticate(athenaCall(SdkSigning.key("AKIAALICE", "alice-secret"), within)
                .request(), BODY).principal()).isEqualTo(ALICE);
    }

    @Test
    void aPresignedUrlWorksUntilItExpires() {
        SdkSigning.Signed url = SdkSigning.sign("GET", "http://127.0.0.1:4566/bucket/key", Map.of(), null,
                SdkSigning.key("AKIAALICE", "alice-secret"), "s3", CLOCK,
                SdkSigning.presigned(Duration.ofSeconds(60)));

        assertThat(enforcing.authenticateS3(url.request()).principal()).isEqualTo(ALICE);
        Authenticator later = new Authenticator(STORE, true, ACCOUNT, Clock.offset(CLOCK, Duration.ofSeconds(61)));
        assertThatThrownBy(() -> later.authenticateS3(url.request()))
                .isInstanceOfSatisfying(AuthenticationFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.PRESIGNED_EXPIRED);
                    assertThat(failure.expiresSeconds()).isEqualTo(60);
                    assertThat(failure.expires()).isEqualTo(NOW.plusSeconds(60));
                });
    }

    @Test
    void anUnsignedS3RequestIsAnonymousWhenEnforcingAndAnS3SigV2RequestIsRefused() {
        assertThat(enforcing.authenticateS3(unsigned()).principal()).isEqualTo(Principal.anonymous());
        SignedRequest sigV2 = new SignedRequest("GET", "/bucket/key", null,
                Map.of("Authorization", List.of("AWS AKIAALICE:c2lnbmF0dXJl"), "Date",
                        List.of("Wed, 01 May 2024 10:00:00 GMT")));
        assertThatThrownBy(() -> enforcing.authenticateS3(sigV2)).isInstanceOfSatisfying(AuthenticationFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThat(lenient.authenticateS3(sigV2).principal()).isEqualTo(ALICE);
    }

    @Test
    void withEnforcementOffNoSignatureIsCheckedAndUnknownCallersAreTheRoot() {
        assertThat(lenient.authenticate(athenaCall(SdkSigning.key("AKIAALICE", "wrong")).request(), BODY)
                .principal()).isEqualTo(ALICE);
        assertThat(lenient.authenticate(athenaCall(SdkSigning.key("AKIANOBODY", "x")).request(), BODY).principal())
                .isEqualTo(Principal.root(ACCOUNT));
        assertThat(lenient.authenticate(unsigned(), BODY).principal()).isEqualTo(Principal.root(ACCOUNT));
        assertThat(lenient.authenticateS3(unsigned()).principal()).isEqualTo(Principal.root(ACCOUNT));
        assertThat(lenient.authenticate(athenaCall(SdkSigning.key("AKIAALICE", "wrong")).request(), BODY)
                .verified()).isFalse();
    }

    @Test
    void aMalformedAuthorizationHeaderIsMalformed() {
        SignedRequest request = new SignedRequest("POST", "/", null, Map.of("Authorization",
                List.of("AWS4-HMAC-SHA256 Credential=AKIAALICE/20240501/us-east-1/athena/aws4_request"),
                "X-Amz-Date", List.of("20240501T100000Z")));
        assertThatThrownBy(() -> enforcing.authenticate(request, BODY))
                .isInstanceOfSatisfying(AuthenticationFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
                    assertThat(failure.getMessage()).contains("Authorization header requires 'SignedHeaders'"
                            + " parameter.").contains("Authorization header requires 'Signature' parameter.");
                });
    }
}
