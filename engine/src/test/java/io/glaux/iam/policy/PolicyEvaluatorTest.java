package io.glaux.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.AccessRequest;
import io.glaux.iam.Decision;
import io.glaux.iam.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a decision names besides its outcome: the deciding policy, the fix, and the keys the evaluation adds. */
class PolicyEvaluatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator(CLOCK);
    private static final Principal BOB = Principal.user("000000000000", "/", "bob", "AIDABOB");
    private static final Principal SESSION = Principal.assumedRole("000000000000", "/service-role/", "analyst",
            "AROAANALYST", "s1");

    private static SourcedPolicy policy(String source, String json) {
        return new SourcedPolicy(source, PolicyDocument.parse(json, PolicyDocument.Kind.IDENTITY));
    }

    private static Decision decide(Principal who, String action, String resource, SourcedPolicy... policies) {
        return EVALUATOR.evaluate(new AccessRequest(who, action, resource), PolicySet.of(List.of(policies)));
    }

    @Test
    void allowNamesThePolicyThatAllowed() {
        SourcedPolicy read = policy("arn:aws:iam::000000000000:policy/read", """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}""");

        Decision decision = decide(BOB, "s3:GetObject", "arn:aws:s3:::results/q.csv", read);

        assertThat(decision.isAllowed()).isTrue();
        assertThat(decision.source()).isEqualTo("arn:aws:iam::000000000000:policy/read");
    }

    @Test
    void implicitDenyFixNamesTheGrantAndTheIdentity() {
        Decision decision = decide(SESSION, "s3:GetObject", "arn:aws:s3:::results/q.csv");

        assertThat(decision.fix()).isEqualTo("Allow s3:GetObject on arn:aws:s3:::results/q.csv in a policy attached"
                + " to arn:aws:iam::000000000000:role/service-role/analyst");
        assertThat(AccessDeniedException.messageOf(new AccessRequest(SESSION, "s3:GetObject",
                "arn:aws:s3:::results/q.csv"), decision)).isEqualTo("User: arn:aws:sts::000000000000:assumed-role/"
                        + "analyst/s1 is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::results/"
                        + "q.csv because no identity-based policy allows the s3:GetObject action");
    }

    @Test
    void explicitDenyFixNamesTheStatementBySidOrPosition() {
        SourcedPolicy withSid = policy("inline policy 'guard' of arn:aws:iam::000000000000:user/bob", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},
                  {"Sid": "NoDeletes", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}""");
        SourcedPolicy withoutSid = policy("arn:aws:iam::000000000000:policy/guard", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},
                  {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}""");

        Decision named = decide(BOB, "s3:DeleteObject", "arn:aws:s3:::data/x", withSid);
        Decision numbered = decide(BOB, "s3:DeleteObject", "arn:aws:s3:::data/x", withoutSid);

        assertThat(named.source()).isEqualTo("inline policy 'guard' of arn:aws:iam::000000000000:user/bob");
        assertThat(named.fix()).isEqualTo("Remove or narrow statement 'NoDeletes' (Deny s3:DeleteObject) in inline"
                + " policy 'guard' of arn:aws:iam::000000000000:user/bob");
        assertThat(numbered.fix()).isEqualTo("Remove or narrow statement #2 (Deny s3:DeleteObject) in"
                + " arn:aws:iam::000000000000:policy/guard");
    }

    @Test
    void keyPolicyDenialNamesTheKeyPolicyAndTheRootDelegation() {
        ResourcePolicy keyPolicy = new ResourcePolicy("key policy of key/1", PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS":
                  "arn:aws:iam::000000000000:role/admin"}, "Action": "kms:*", "Resource": "*"}}""",
                PolicyDocument.Kind.RESOURCE), ResourcePolicy.Mode.KEY_POLICY);

        Decision decision = EVALUATOR.evaluate(new AccessRequest(BOB, "kms:Decrypt", "arn:aws:kms:::key/1"),
                PolicySet.empty().withResourcePolicy(keyPolicy));

        assertThat(decision.source()).isEqualTo("key policy of key/1");
        assertThat(decision.fix()).contains("arn:aws:iam::000000000000:user/bob")
                .contains("arn:aws:iam::000000000000:root").contains("key policy of key/1");
    }

    @Test
    void boundaryDenialNamesTheBoundary() {
        SourcedPolicy all = policy("arn:aws:iam::000000000000:policy/all", """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}""");
        SourcedPolicy boundary = policy("arn:aws:iam::000000000000:policy/only-athena", """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "athena:*", "Resource": "*"}}""");

        Decision decision = EVALUATOR.evaluate(new AccessRequest(BOB, "s3:GetObject", "arn:aws:s3:::d/x"),
                PolicySet.of(List.of(all)).withPermissionsBoundary(boundary));

        assertThat(decision.source()).isEqualTo("arn:aws:iam::000000000000:policy/only-athena");
        assertThat(decision.fix()).isEqualTo("Allow s3:GetObject on arn:aws:s3:::d/x in the permissions boundary"
                + " arn:aws:iam::000000000000:policy/only-athena");
    }

    @Test
    void principalKeysAreAddedAndCannotBeForgedByTheRequest() {
        SourcedPolicy own = policy("arn:aws:iam::000000000000:policy/own", """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                  "Resource": "arn:aws:s3:::home/${aws:userid}/*",
                  "Condition": {"StringEquals": {"aws:PrincipalArn": "arn:aws:iam::000000000000:role/service-role/analyst",
                                                 "aws:PrincipalAccount": "000000000000",
                                                 "aws:PrincipalType": "AssumedRole"},
                                "Null": {"aws:username": "true"},
                                "DateEquals": {"aws:CurrentTime": "2025-06-01T10:00:00Z"},
                                "NumericEquals": {"aws:EpochTime": 1748772000}}}}""");
        AccessRequest request = new AccessRequest(SESSION, "s3:GetObject", "arn:aws:s3:::home/AROAANALYST:s1/a");

        assertThat(EVALUATOR.evaluate(request, PolicySet.of(List.of(own))).isAllowed()).isTrue();
        assertThat(EVALUATOR.evaluate(request.with("aws:PrincipalArn", "arn:aws:iam::000000000000:role/other"),
                PolicySet.of(List.of(own))).isAllowed()).isTrue();
        assertThat(EVALUATOR.evaluate(request.with("AWS:PRINCIPALTYPE", "User"), PolicySet.of(List.of(own)))
                .isAllowed()).isTrue();
    }
}
