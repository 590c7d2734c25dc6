package io.glaux.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every condition operator against a request whose key is present, missing, or multivalued. The request values are
 * written {@code a|b} (two values), {@code -} (key missing) or {@code []} (key present with no values).
 */
class ConditionOperatorTest {

    private static boolean holds(String operator, String key, String policyValues, String requestValues) {
        String json = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\","
                + " \"Resource\": \"*\", \"Condition\": {\"" + operator + "\": {\"" + key + "\": " + policyValues
                + "}}}}";
        Statement statement = PolicyDocument.parse(json, PolicyDocument.Kind.IDENTITY).statements().get(0);
        Map<String, List<String>> context = new HashMap<>();
        if (requestValues.equals("[]")) {
            context.put(key, List.of());
        } else if (!requestValues.equals("-")) {
            context.put(key, Arrays.asList(requestValues.split("\\|")));
        }
        return statement.conditionsHold(RequestKeys.of(context));
    }

    @ParameterizedTest(name = "{0} {1}={2} vs request {3}: {4}")
    @CsvSource(delimiter = ';', value = {
        // strings
        "StringEquals; aws:username; \"bob\"; bob; true",
        "StringEquals; aws:username; \"bob\"; Bob; false",
        "StringEquals; aws:username; [\"alice\", \"bob\"]; bob; true",
        "StringEquals; aws:username; \"bob\"; -; false",
        "StringEquals; s3:x; \"b\"; a|b; true",
        "StringNotEquals; aws:username; \"bob\"; alice; true",
        "StringNotEquals; aws:username; \"bob\"; bob; false",
        "StringNotEquals; aws:username; \"bob\"; -; true",
        "StringNotEquals; s3:x; \"b\"; a|b; false",
        "StringEqualsIgnoreCase; aws:username; \"BOB\"; bob; true",
        "StringEqualsIgnoreCase; aws:username; \"BOB\"; -; false",
        "StringNotEqualsIgnoreCase; aws:username; \"BOB\"; bob; false",
        "StringNotEqualsIgnoreCase; aws:username; \"BOB\"; alice; true",
        "StringNotEqualsIgnoreCase; aws:username; \"BOB\"; -; true",
        "StringLike; s3:prefix; \"home/*\"; home/bob/; true",
        "StringLike; s3:prefix; \"home/?ob\"; home/bob; true",
        "StringLike; s3:prefix; \"home/*\"; Home/bob; false",
        "StringLike; s3:prefix; \"home/*\"; -; false",
        "StringNotLike; s3:prefix; \"home/*\"; work/; true",
        "StringNotLike; s3:prefix; \"home/*\"; home/x; false",
        "StringNotLike; s3:prefix; \"home/*\"; -; true",
        // numbers
        "NumericEquals; s3:max-keys; 10; 10; true",
        "NumericEquals; s3:max-keys; \"10\"; 10.0; true",
        "NumericEquals; s3:max-keys; 10; 11; false",
        "NumericEquals; s3:max-keys; 10; ten; false",
        "NumericEquals; s3:max-keys; 10; -; false",
        "NumericNotEquals; s3:max-keys; 10; 11; true",
        "NumericNotEquals; s3:max-keys; 10; 10; false",
        "NumericNotEquals; s3:max-keys; 10; -; true",
        "NumericLessThan; s3:max-keys; 10; 9; true",
        "NumericLessThan; s3:max-keys; 10; 10; false",
        "NumericLessThan; s3:max-keys; 10; -; false",
        "NumericLessThanEquals; s3:max-keys; 10; 10; true",
        "NumericLessThanEquals; s3:max-keys; 10; 11; false",
        "NumericGreaterThan; s3:max-keys; 10; 11; true",
        "NumericGreaterThan; s3:max-keys; 10; 10; false",
        "NumericGreaterThanEquals; s3:max-keys; 10; 10; true",
        "NumericGreaterThanEquals; s3:max-keys; 10; 9; false",
        // dates, ISO 8601 or epoch seconds
        "DateEquals; aws:CurrentTime; \"2024-05-01T12:00:00Z\"; 2024-05-01T12:00:00Z; true",
        "DateEquals; aws:CurrentTime; \"2024-05-01T12:00:00Z\"; 1714564800; true",
        "DateEquals; aws:CurrentTime; \"2024-05-01T12:00:00Z\"; 2024-05-01T12:00:01Z; false",
        "DateNotEquals; aws:CurrentTime; \"2024-05-01T12:00:00Z\"; 2024-05-01T12:00:01Z; true",
        "DateNotEquals; aws:CurrentTime; \"2024-05-01T12:00:00Z\"; -; true",
        "DateLessThan; aws:CurrentTime; \"2024-05-01\"; 2024-04-30T23:59:59Z; true",
        "DateLessThan; aws:CurrentTime; \"2024-05-01\"; 2024-05-01T00:00:00Z; false",
        "DateLessThan; aws:CurrentTime; \"2024-05-01\"; -; false",
        "DateLessThanEquals; aws:CurrentTime; \"2024-05-01T00:00:00Z\"; 2024-05-01T00:00:00Z; true",
        "DateGreaterThan; aws:CurrentTime; 1714564800; 2024-05-01T12:00:01Z; true",
        "DateGreaterThan; aws:CurrentTime; 1714564800; 2024-05-01T12:00:00Z; false",
        "DateGreaterThanEquals; aws:CurrentTime; \"2024-05-01T14:00:00+02:00\"; 2024-05-01T12:00:00Z; true",
        // booleans and binary
        "Bool; aws:SecureTransport; \"true\"; true; true",
        "Bool; aws:SecureTransport; true; TRUE; true",
        "Bool; aws:SecureTransport; \"false\"; true; false",
        "Bool; aws:SecureTransport; \"false\"; -; false",
        "BinaryEquals; s3:x; \"QmluYXJ5VmFsdWU=\"; QmluYXJ5VmFsdWU=; true",
        "BinaryEquals; s3:x; \"QmluYXJ5VmFsdWU=\"; T3RoZXI=; false",
        // addresses
        "IpAddress; aws:SourceIp; \"203.0.113.0/24\"; 203.0.113.7; true",
        "IpAddress; aws:SourceIp; \"203.0.113.0/24\"; 203.0.114.7; false",
        "IpAddress; aws:SourceIp; \"203.0.113.7\"; 203.0.113.7; true",
        "IpAddress; aws:SourceIp; [\"10.0.0.0/8\", \"2001:db8::/32\"]; 2001:db8:1::5; true",
        "IpAddress; aws:SourceIp; \"2001:db8::/32\"; 2001:db9::5; false",
        "IpAddress; aws:SourceIp; \"10.0.0.0/8\"; not-an-ip; false",
        "IpAddress; aws:SourceIp; \"10.0.0.0/8\"; -; false",
        "NotIpAddress; aws:SourceIp; \"10.0.0.0/8\"; 192.168.0.1; true",
        "NotIpAddress; aws:SourceIp; \"10.0.0.0/8\"; 10.1.2.3; false",
        "NotIpAddress; aws:SourceIp; \"10.0.0.0/8\"; -; true",
        // ARNs: each part matched alone
        "ArnEquals; aws:SourceArn; \"arn:aws:s3:::results\"; arn:aws:s3:::results; true",
        "ArnEquals; aws:SourceArn; \"arn:aws:s3:::results\"; arn:aws:s3:::Results; false",
        "ArnLike; aws:SourceArn; \"arn:aws:iam::*:role/app-*\"; arn:aws:iam::000000000000:role/app-web; true",
        "ArnLike; aws:SourceArn; \"arn:aws:iam::*:role/app-*\"; arn:aws:iam::000000000000:user/app-web; false",
        "ArnLike; aws:SourceArn; \"arn:aws:*:*:*:*\"; not-an-arn; false",
        "ArnLike; aws:SourceArn; \"arn:aws:iam::*:role/*\"; -; false",
        "ArnNotEquals; aws:SourceArn; \"arn:aws:s3:::results\"; arn:aws:s3:::other; true",
        "ArnNotLike; aws:SourceArn; \"arn:aws:s3:::res*\"; arn:aws:s3:::results; false",
        "ArnNotLike; aws:SourceArn; \"arn:aws:s3:::res*\"; -; true",
        // Null: presence alone
        "Null; aws:TokenIssueTime; \"true\"; -; true",
        "Null; aws:TokenIssueTime; \"true\"; 2024-05-01T00:00:00Z; false",
        "Null; aws:TokenIssueTime; false; 2024-05-01T00:00:00Z; true",
        "Null; aws:TokenIssueTime; \"false\"; -; false",
        "Null; aws:TokenIssueTime; \"true\"; []; true",
        // IfExists
        "StringEqualsIfExists; ec2:InstanceType; \"t3.micro\"; -; true",
        "StringEqualsIfExists; ec2:InstanceType; \"t3.micro\"; t3.micro; true",
        "StringEqualsIfExists; ec2:InstanceType; \"t3.micro\"; m5.large; false",
        "NumericLessThanIfExists; s3:max-keys; 10; -; true",
        "BoolIfExists; aws:MultiFactorAuthPresent; \"true\"; -; true",
        "BoolIfExists; aws:MultiFactorAuthPresent; \"true\"; false; false",
        // multivalued keys with set operators
        "ForAllValues:StringEquals; aws:TagKeys; [\"env\", \"team\"]; env|team; true",
        "ForAllValues:StringEquals; aws:TagKeys; [\"env\", \"team\"]; env|cost; false",
        "ForAllValues:StringEquals; aws:TagKeys; [\"env\", \"team\"]; -; true",
        "ForAllValues:StringEquals; aws:TagKeys; [\"env\", \"team\"]; []; true",
        "ForAllValues:StringLike; aws:TagKeys; \"e*\"; env|eu; true",
        "ForAllValues:StringNotEquals; aws:TagKeys; [\"secret\"]; env|team; true",
        "ForAllValues:StringNotEquals; aws:TagKeys; [\"secret\"]; env|secret; false",
        "ForAnyValue:StringEquals; aws:TagKeys; [\"env\"]; team|env; true",
        "ForAnyValue:StringEquals; aws:TagKeys; [\"env\"]; team|cost; false",
        "ForAnyValue:StringEquals; aws:TagKeys; [\"env\"]; -; false",
        "ForAnyValue:StringEquals; aws:TagKeys; [\"env\"]; []; false",
        "ForAnyValue:StringNotEquals; aws:TagKeys; [\"env\"]; env|team; true",
        "ForAnyValue:StringNotEquals; aws:TagKeys; [\"env\"]; env; false",
        "ForAnyValue:StringEqualsIfExists; aws:TagKeys; [\"env\"]; -; true",
        "ForAnyValue:NumericGreaterThan; s3:x; 5; 1|9; true",
    })
    void operatorHoldsAsAwsDocumentsIt(String operator, String key, String policyValues, String requestValues,
            boolean expected) {
        assertThat(holds(operator, key, policyValues, requestValues)).isEqualTo(expected);
    }

    @Test
    void operatorNamesAndKeyNamesAreCaseInsensitive() {
        assertThat(holds("stringequals", "AWS:UserName", "\"bob\"", "bob")).isTrue();
        Statement statement = PolicyDocument.parse("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\","
                + " \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"AWS:UserName\": \"bob\"}}}}",
                PolicyDocument.Kind.IDENTITY).statements().get(0);
        assertThat(statement.conditionsHold(RequestKeys.of(Map.of("aws:username", List.of("bob"))))).isTrue();
    }

    @Test
    void keysAndOperatorsAreAndedValuesOred() {
        Statement statement = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:username": ["alice", "bob"], "s3:prefix": "home/"},
                               "Bool": {"aws:SecureTransport": "true"}}}}""",
                PolicyDocument.Kind.IDENTITY).statements().get(0);
        Map<String, List<String>> all = Map.of("aws:username", List.of("bob"), "s3:prefix", List.of("home/"),
                "aws:SecureTransport", List.of("true"));
        Map<String, List<String>> noTls = new HashMap<>(all);
        noTls.put("aws:SecureTransport", List.of("false"));
        Map<String, List<String>> otherPrefix = new HashMap<>(all);
        otherPrefix.put("s3:prefix", List.of("work/"));

        assertThat(statement.conditionsHold(RequestKeys.of(all))).isTrue();
        assertThat(statement.conditionsHold(RequestKeys.of(noTls))).isFalse();
        assertThat(statement.conditionsHold(RequestKeys.of(otherPrefix))).isFalse();
    }

    @Test
    void conditionValuesTakePolicyVariables() {
        assertThat(holds("StringLike", "s3:prefix", "\"home/${aws:username}/*\"", "home/bob/x")).isFalse();
        Statement statement = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
                 "Condition": {"StringLike": {"s3:prefix": "home/${aws:username}/*"}}}}""",
                PolicyDocument.Kind.IDENTITY).statements().get(0);

        assertThat(statement.conditionsHold(RequestKeys.of(Map.of("s3:prefix", List.of("home/bob/x"),
                "aws:username", List.of("bob"))))).isTrue();
        assertThat(statement.conditionsHold(RequestKeys.of(Map.of("s3:prefix", List.of("home/eve/x"),
                "aws:username", List.of("bob"))))).isFalse();
    }
}
