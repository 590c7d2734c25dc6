package io.glaux.iam.directory;

import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.AccessRequest;
import io.glaux.iam.Decision;
import io.glaux.iam.Principal;
import io.glaux.iam.policy.PolicyDocument;
import io.glaux.iam.policy.PolicyEvaluator;
import io.glaux.iam.policy.ResourcePolicies;
import io.glaux.iam.policy.ResourcePolicy;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IamAuthorizerTest {

    private static final String READ_RESULTS = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
              "Resource": ["arn:aws:s3:::results", "arn:aws:s3:::results/*"]}]}""";
    private static final String TRUST_ACCOUNT = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
              "Principal": {"AWS": "arn:aws:iam::000000000000:root"}}]}""";
    private static final String PUBLIC_READ = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::public/*"}]}""";

    private final IamDirectory directory = IamDirectory.builder().build();
    private final ResourcePolicies bucketPolicies = ResourcePolicies.byService(Map.of("s3", request ->
            request.resource().startsWith("arn:aws:s3:::public/") ? Optional.of(new ResourcePolicy(
                    "bucket policy of public", PolicyDocument.parse(PUBLIC_READ, PolicyDocument.Kind.RESOURCE),
                    ResourcePolicy.Mode.UNION)) : Optional.empty()));
    private final IamAuthorizer authorizer = new IamAuthorizer(directory, bucketPolicies,
            new PolicyEvaluator(Clock.systemUTC()));

    @Test
    void aUserIsAllowedWhatItsPoliciesAndItsGroupsPoliciesGrantAndNothingElse() {
        directory.createUser("analyst", "/", List.of());
        directory.createGroup("readers", "/");
        directory.addUserToGroup("readers", "analyst");
        directory.putInlinePolicy(EntityKind.GROUP, "readers", "results", READ_RESULTS);
        Principal analyst = directory.principalOf(directory.user("analyst"));

        assertThat(authorizer.authorize(new AccessRequest(analyst, "s3:GetObject", "arn:aws:s3:::results/q.csv"))
                .outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        AccessRequest write = new AccessRequest(analyst, "s3:PutObject", "arn:aws:s3:::results/q.csv");
        assertThatThrownBy(() -> authorizer.check(write)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: arn:aws:iam::000000000000:user/analyst is not authorized to perform: s3:PutObject"
                        + " on resource: arn:aws:s3:::results/q.csv because no identity-based policy allows the"
                        + " s3:PutObject action");
    }

    @Test
    void aRoleSessionHasItsRolesPoliciesAndABucketPolicyAllowsAnyone() {
        directory.createRole("reader", "/service-role/", TRUST_ACCOUNT, null, null, List.of());
        directory.putInlinePolicy(EntityKind.ROLE, "reader", "results", READ_RESULTS);
        Session session = directory.assumeRole("arn:aws:iam::000000000000:role/service-role/reader", "s1",
                Duration.ofHours(1), null);
        assertThat(authorizer.authorize(new AccessRequest(session.principal(), "s3:ListBucket",
                "arn:aws:s3:::results")).isAllowed()).isTrue();
        assertThat(authorizer.authorize(new AccessRequest(session.principal(), "s3:GetObject",
                "arn:aws:s3:::public/a.csv")).isAllowed()).isTrue();
        assertThat(authorizer.authorize(new AccessRequest(Principal.anonymous(), "s3:GetObject",
                "arn:aws:s3:::public/a.csv")).isAllowed()).isTrue();
        assertThat(authorizer.authorize(new AccessRequest(Principal.anonymous(), "s3:GetObject",
                "arn:aws:s3:::results/a.csv")).isAllowed()).isFalse();
        assertThat(authorizer.authorize(new AccessRequest(Principal.root("000000000000"), "s3:DeleteBucket",
                "arn:aws:s3:::results")).isAllowed()).isTrue();
    }
}
