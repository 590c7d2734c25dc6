package io.glaux.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Action, resource and policy-variable matching of one statement. */
class StatementMatchingTest {

    private static Statement statement(String version, String actions, String resources) {
        String versionElement = version == null ? "" : "\"Version\": \"" + version + "\", ";
        return PolicyDocument.parse("{" + versionElement + "\"Statement\": {\"Effect\": \"Allow\", \"Action\": "
                + actions + ", \"Resource\": " + resources + "}}", PolicyDocument.Kind.IDENTITY).statements().get(0);
    }

    private static RequestKeys keys(Map<String, List<String>> values) {
        return RequestKeys.of(values);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
        "s3:GetObject, s3:GetObject, true",
        "s3:GetObject, S3:getobject, true",
        "s3:Get*, s3:GetObjectVersion, true",
        "s3:Get*, s3:PutObject, false",
        "s3:*Object, s3:DeleteObject, true",
        "s3:?etObject, s3:GetObject, true",
        "s3:?etObject, s3:GGetObject, false",
        "*, kms:Decrypt, true",
        "athena:*, s3:GetObject, false",
    })
    void actionMatchesCaseInsensitivelyWithWildcards(String pattern, String action, boolean expected) {
        assertThat(statement("2012-10-17", "\"" + pattern + "\"", "\"*\"").coversAction(action)).isEqualTo(expected);
    }

    @Test
    void notActionCoversEveryOtherAction() {
        Statement statement = statement("2012-10-17", "\"iam:*\"", "\"*\"");
        Statement not = PolicyDocument.parse("{\"Statement\": {\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\","
                + " \"sts:Get*\"], \"Resource\": \"*\"}}", PolicyDocument.Kind.IDENTITY).statements().get(0);

        assertThat(statement.coversAction("iam:CreateUser")).isTrue();
        assertThat(not.coversAction("iam:CreateUser")).isFalse();
        assertThat(not.coversAction("STS:GetCallerIdentity")).isFalse();
        assertThat(not.coversAction("s3:GetObject")).isTrue();
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
        "arn:aws:s3:::results/*, arn:aws:s3:::results/q/1.csv, true",
        "arn:aws:s3:::results/*, arn:aws:s3:::results, false",
        "arn:aws:s3:::results/*, arn:aws:s3:::Results/q.csv, false",
        "arn:aws:s3:::res*, arn:aws:s3:::results/a/b:c, true",
        "arn:aws:s3:::results/?.csv, arn:aws:s3:::results/a.csv, true",
        "arn:aws:s3:::results/?.csv, arn:aws:s3:::results/ab.csv, false",
        "arn:aws:kms:*:*:key/*, arn:aws:kms:us-east-1:000000000000:key/1234, true",
        "*, arn:aws:athena:us-east-1:000000000000:workgroup/primary, true",
        "*, *, true",
        "arn:aws:s3:::results, *, false",
    })
    void resourceMatchesCaseSensitivelyAndStarSpansSlashesAndColons(String pattern, String resource,
            boolean expected) {
        assertThat(statement("2012-10-17", "\"s3:*\"", "\"" + pattern + "\"").coversResource(resource, keys(Map.of())))
                .isEqualTo(expected);
    }

    @Test
    void notResourceCoversEveryOtherResource() {
        Statement statement = PolicyDocument.parse("{\"Statement\": {\"Effect\": \"Deny\", \"Action\": \"s3:*\","
                + " \"NotResource\": [\"arn:aws:s3:::public/*\"]}}", PolicyDocument.Kind.IDENTITY).statements().get(0);

        assertThat(statement.coversResource("arn:aws:s3:::public/a", keys(Map.of()))).isFalse();
        assertThat(statement.coversResource("arn:aws:s3:::private/a", keys(Map.of()))).isTrue();
    }

    @Test
    void usernameVariableIsReplacedIn2012Policies() {
        Statement statement = statement("2012-10-17", "\"s3:*\"", "\"arn:aws:s3:::home/${aws:username}/*\"");
        RequestKeys bob = keys(Map.of("aws:username", List.of("bob")));

        assertThat(statement.coversResource("arn:aws:s3:::home/bob/notes.txt", bob)).isTrue();
        assertThat(statement.coversResource("arn:aws:s3:::home/alice/notes.txt", bob)).isFalse();
    }

    @Test
    void variableKeysAreCaseInsensitive() {
        Statement statement = statement("2012-10-17", "\"s3:*\"", "\"arn:aws:s3:::home/${AWS:UserName}/*\"");

        assertThat(statement.coversResource("arn:aws:s3:::home/bob/x", keys(Map.of("aws:username", List.of("bob")))))
                .isTrue();
    }

    @Test
    void variablesAreLiteralTextIn2008Policies() {
        Statement statement = statement(null, "\"s3:*\"", "\"arn:aws:s3:::home/${aws:username}/*\"");
        RequestKeys bob = keys(Map.of("aws:username", List.of("bob")));

        assertThat(statement.coversResource("arn:aws:s3:::home/bob/notes.txt", bob)).isFalse();
        assertThat(statement.coversResource("arn:aws:s3:::home/${aws:username}/notes.txt", bob)).isTrue();
    }

    @Test
    void missingVariableMatchesNothingAndDefaultStandsIn() {
        Statement plain = statement("2012-10-17", "\"s3:*\"", "\"arn:aws:s3:::home/${aws:username}/*\"");
        Statement fallback = statement("2012-10-17", "\"s3:*\"",
                "\"arn:aws:s3:::home/${aws:username, 'shared'}/*\"");

        assertThat(plain.coversResource("arn:aws:s3:::home/shared/a", keys(Map.of()))).isFalse();
        assertThat(fallback.coversResource("arn:aws:s3:::home/shared/a", keys(Map.of()))).isTrue();
        assertThat(fallback.coversResource("arn:aws:s3:::home/bob/a",
                keys(Map.of("aws:username", List.of("bob"))))).isTrue();
    }

    @Test
    void escapesAreLiteralCharactersNotWildcards() {
        Statement statement = statement("2012-10-17", "\"s3:*\"", "\"arn:aws:s3:::odd/${*}${?}${$}\"");

        assertThat(statement.coversResource("arn:aws:s3:::odd/*?$", keys(Map.of()))).isTrue();
        assertThat(statement.coversResource("arn:aws:s3:::odd/abc$", keys(Map.of()))).isFalse();
    }

    @Test
    void variableValueIsLiteralEvenWhenItHoldsAWildcard() {
        Statement statement = statement("2012-10-17", "\"s3:*\"", "\"arn:aws:s3:::home/${aws:username}\"");
        RequestKeys star = keys(Map.of("aws:username", List.of("*")));

        assertThat(statement.coversResource("arn:aws:s3:::home/*", star)).isTrue();
        assertThat(statement.coversResource("arn:aws:s3:::home/bob", star)).isFalse();
    }

    @Test
    void anyRequestKeyCanBeAVariable() {
        Statement statement = statement("2012-10-17", "\"s3:*\"",
                "\"arn:aws:s3:::acct-${aws:PrincipalAccount}/${s3:prefix}*\"");
        RequestKeys request = keys(Map.of("aws:PrincipalAccount", List.of("000000000000"),
                "s3:prefix", List.of("logs/")));

        assertThat(statement.coversResource("arn:aws:s3:::acct-000000000000/logs/a", request)).isTrue();
        assertThat(statement.coversResource("arn:aws:s3:::acct-000000000000/data/a", request)).isFalse();
    }
}
