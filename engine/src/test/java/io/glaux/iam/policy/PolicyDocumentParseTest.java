package io.glaux.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.iam.policy.PolicyDocument.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyDocumentParseTest {

    private static final String S3_READ = """
            {"Version": "2012-10-17", "Id": "reader",
             "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:List*"],
                            "Resource": "arn:aws:s3:::results/*"},
                           {"Effect": "Deny", "NotAction": "s3:*", "NotResource": ["arn:aws:s3:::results"]}]}""";

    @Test
    void identityPolicyKeepsItsTextAndStatements() {
        PolicyDocument document = PolicyDocument.parse(S3_READ, Kind.IDENTITY);

        assertThat(document.text()).isEqualTo(S3_READ);
        assertThat(document.version()).isEqualTo("2012-10-17");
        assertThat(document.variablesEnabled()).isTrue();
        assertThat(document.id()).contains("reader");
        assertThat(document.kind()).isEqualTo(Kind.IDENTITY);
        assertThat(document.statements()).hasSize(2);
        Statement read = document.statements().get(0);
        assertThat(read.sid()).contains("Read");
        assertThat(read.effect()).isEqualTo(Effect.ALLOW);
        assertThat(read.actions()).containsExactly("s3:GetObject", "s3:List*");
        assertThat(read.resources()).containsExactly("arn:aws:s3:::results/*");
        Statement deny = document.statements().get(1);
        assertThat(deny.sid()).isEmpty();
        assertThat(deny.effect()).isEqualTo(Effect.DENY);
        assertThat(deny.isNotAction()).isTrue();
        assertThat(deny.isNotResource()).isTrue();
        assertThat(deny.index()).isEqualTo(1);
    }

    @Test
    void statementMayBeASingleObjectAndVersionDefaultsTo2008() {
        PolicyDocument document = PolicyDocument.parse(
                "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}", Kind.IDENTITY);

        assertThat(document.statements()).hasSize(1);
        assertThat(document.version()).isEqualTo("2008-10-17");
        assertThat(document.variablesEnabled()).isFalse();
    }

    @Test
    void bucketPolicyWithPrincipalsAndConditionsParses() {
        PolicyDocument document = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "Public read", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                   "Resource": "arn:aws:s3:::site/*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}},
                  {"Effect": "Allow", "Principal": {"AWS": ["123456789012", "arn:aws:iam::123456789012:role/r"],
                   "Service": "quicksight.amazonaws.com"}, "Action": "s3:*", "Resource": "*"},
                  {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"},
                   "Action": "s3:*", "Resource": "*",
                   "Condition": {"ForAnyValue:StringLikeIfExists": {"s3:prefix": ["a", "b"]},
                                 "NumericLessThan": {"s3:max-keys": 10}, "Bool": {"aws:SecureTransport": false}}}]}
                """, Kind.RESOURCE);

        assertThat(document.statements()).hasSize(3);
    }

    @Test
    void trustPolicyParsesWithoutResource() {
        PolicyDocument document = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Service": "quicksight.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}
                """, Kind.TRUST);

        assertThat(document.statements().get(0).resources()).isEmpty();
    }

    static Stream<Arguments> malformed() {
        String allowAll = "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}";
        return Stream.of(
                Arguments.of("not JSON", "{\"Statement\": [", Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("JSON array", "[]", Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("no Statement", "{\"Version\": \"2012-10-17\"}", Kind.IDENTITY,
                        "Syntax errors in policy."),
                Arguments.of("unknown top element", "{\"Statement\": " + allowAll + ", \"Extra\": 1}",
                        Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("unknown version", "{\"Version\": \"2012-10-18\", \"Statement\": " + allowAll + "}",
                        Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("duplicate JSON key",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Effect\": \"Deny\", \"Action\": \"*\","
                                + " \"Resource\": \"*\"}}", Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("unknown statement element",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Actions\": \"*\", \"Resource\": \"*\"}}",
                        Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("Action and NotAction",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"NotAction\": \"s3:*\","
                                + " \"Resource\": \"*\"}}", Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("missing Effect", "{\"Statement\": {\"Action\": \"*\", \"Resource\": \"*\"}}",
                        Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("unknown Effect",
                        "{\"Statement\": {\"Effect\": \"Permit\", \"Action\": \"*\", \"Resource\": \"*\"}}",
                        Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("Action not a string",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": [1], \"Resource\": \"*\"}}",
                        Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("unknown condition operator",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\","
                                + " \"Condition\": {\"StringEqualz\": {\"aws:username\": \"a\"}}}}",
                        Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("Null with IfExists",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\","
                                + " \"Condition\": {\"NullIfExists\": {\"aws:username\": \"true\"}}}}",
                        Kind.IDENTITY, "Syntax errors in policy."),
                Arguments.of("lower-case effect",
                        "{\"Statement\": {\"Effect\": \"allow\", \"Action\": \"*\", \"Resource\": \"*\"}}",
                        Kind.IDENTITY, "The policy failed legacy parsing"),
                Arguments.of("date that is not one",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\","
                                + " \"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\": \"soon\"}}}}",
                        Kind.IDENTITY, "The policy failed legacy parsing"),
                Arguments.of("duplicate Sid",
                        "{\"Statement\": [{\"Sid\": \"A\", \"Effect\": \"Allow\", \"Action\": \"*\","
                                + " \"Resource\": \"*\"}, {\"Sid\": \"A\", \"Effect\": \"Deny\", \"Action\": \"*\","
                                + " \"Resource\": \"*\"}]}",
                        Kind.IDENTITY, "Statement IDs (SID) in a single policy must be unique."),
                Arguments.of("Sid with a space in an IAM policy",
                        "{\"Statement\": {\"Sid\": \"Read all\", \"Effect\": \"Allow\", \"Action\": \"*\","
                                + " \"Resource\": \"*\"}}", Kind.IDENTITY,
                        "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular"
                                + " expression [0-9A-Za-z]*"),
                Arguments.of("no Action", "{\"Statement\": {\"Effect\": \"Allow\", \"Resource\": \"*\"}}",
                        Kind.IDENTITY, "Policy statement must contain actions."),
                Arguments.of("empty Action list",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": [], \"Resource\": \"*\"}}",
                        Kind.IDENTITY, "Policy statement must contain actions."),
                Arguments.of("no Resource", "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\"}}",
                        Kind.IDENTITY, "Policy statement must contain resources."),
                Arguments.of("Principal in an identity policy",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\","
                                + " \"Resource\": \"*\"}}",
                        Kind.IDENTITY, "Policy document should not specify a principal."),
                Arguments.of("NotPrincipal in an identity policy",
                        "{\"Statement\": {\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": \"123456789012\"},"
                                + " \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
                        Kind.IDENTITY, "Policy document should not specify a principal."),
                Arguments.of("no Principal in a bucket policy", "{\"Statement\": " + allowAll + "}",
                        Kind.RESOURCE, "Missing required field Principal"),
                Arguments.of("no Principal in a trust policy",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\"}}",
                        Kind.TRUST, "Missing required field Principal"),
                Arguments.of("Resource in a trust policy",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\","
                                + " \"Resource\": \"*\"}}", Kind.TRUST, "Has prohibited field Resource"),
                Arguments.of("S3 action in a trust policy",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\"}}",
                        Kind.TRUST, "AssumeRole policy may only specify STS AssumeRole actions."),
                Arguments.of("unknown AWS principal",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"bob\"},"
                                + " \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
                        Kind.RESOURCE, "Invalid principal in policy: \"AWS\":\"bob\""),
                Arguments.of("wildcard in a principal ARN",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\":"
                                + " \"arn:aws:iam::123456789012:user/*\"}, \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
                        Kind.RESOURCE, "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:user/*\""),
                Arguments.of("unknown principal type",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"Group\": \"g\"},"
                                + " \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
                        Kind.RESOURCE, "Invalid principal in policy: \"Group\":\"g\""),
                Arguments.of("action without vendor",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"GetObject\", \"Resource\": \"*\"}}",
                        Kind.IDENTITY, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                Arguments.of("action with two colons",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:Get:Object\", \"Resource\": \"*\"}}",
                        Kind.IDENTITY, "Actions/Condition can contain only one colon."),
                Arguments.of("condition key without vendor",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\","
                                + " \"Condition\": {\"StringEquals\": {\"username\": \"a\"}}}}",
                        Kind.IDENTITY, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
                Arguments.of("resource not an ARN",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"results\"}}",
                        Kind.IDENTITY, "Resource results must be in ARN format or \"*\"."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedDocumentIsRefusedInIamWords(String what, String json, Kind kind, String message) {
        assertThatThrownBy(() -> PolicyDocument.parse(json, kind))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessage(message);
    }

    @Test
    void nullTextIsASyntaxError() {
        assertThatThrownBy(() -> PolicyDocument.parse(null, Kind.IDENTITY))
                .isInstanceOf(MalformedPolicyDocumentException.class).hasMessage("Syntax errors in policy.");
    }
}
