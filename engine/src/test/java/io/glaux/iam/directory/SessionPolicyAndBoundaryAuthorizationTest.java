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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The directory's session policies and permissions boundaries as {@link IamAuthorizer} applies them: each narrows
 * what the identity policies allow, neither grants by itself, an explicit deny in either decides, and a bucket
 * policy naming the session itself still grants.
 */
class SessionPolicyAndBoundaryAuthorizationTest {

    private static final String ALLOW_ALL = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""";
    private static final String READ_ONLY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
              "Resource": "*"}]}""";
    private static final String ATHENA_ONLY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "athena:*", "Resource": "*"}]}""";
    private static final String ALL_BUT_DELETES = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},
              {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}""";
    private static final String TRUST_ACCOUNT = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
              "Principal": {"AWS": "arn:aws:iam::000000000000:root"}}]}""";
    private static final String ROLE_ARN = "arn:aws:iam::000000000000:role/analyst";
    private static final String OBJECT = "arn:aws:s3:::data/a.csv";

    private final IamDirectoryTest.MutableClock clock = new IamDirectoryTest.MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final IamDirectory directory = IamDirectory.builder().clock(clock).build();
    private final ResourcePolicies bucketPolicies = ResourcePolicies.byService(Map.of("s3", request ->
            request.resource().startsWith("arn:aws:s3:::shared/") ? Optional.of(new ResourcePolicy(
                    "bucket policy of shared", PolicyDocument.parse("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject",
                      "Principal": {"AWS": "arn:aws:sts::000000000000:assumed-role/analyst/named"},
                      "Resource": "arn:aws:s3:::shared/*"}]}""", PolicyDocument.Kind.RESOURCE),
                    ResourcePolicy.Mode.UNION)) : Optional.empty()));
    private final IamAuthorizer authorizer = new IamAuthorizer(directory, bucketPolicies,
            new PolicyEvaluator(Clock.systemUTC()));

    private void roleWithAllowAll() {
        directory.createRole("analyst", "/", TRUST_ACCOUNT, null, null, List.of());
        directory.putInlinePolicy(EntityKind.ROLE, "analyst", "everything", ALLOW_ALL);
    }

    private Decision decide(Principal principal, String action, String resource) {
        return authorizer.authorize(new AccessRequest(principal, action, resource));
    }

    @Test
    void anInlineSessionPolicyNarrowsTheRole() {
        roleWithAllowAll();
        Session session = directory.assumeRole(ROLE_ARN, "s1", Duration.ofHours(1), READ_ONLY);

        assertThat(decide(session.principal(), "s3:GetObject", OBJECT).isAllowed()).isTrue();
        assertThatThrownBy(() -> authorizer.check(new AccessRequest(session.principal(), "s3:PutObject", OBJECT)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: arn:aws:sts::000000000000:assumed-role/analyst/s1 is not authorized to perform: "
                        + "s3:PutObject on resource: " + OBJECT + " because no session policy allows the "
                        + "s3:PutObject action");
    }

    @Test
    void aSessionWithoutSessionPoliciesHasItsRolesPermissions() {
        roleWithAllowAll();
        Session narrowed = directory.assumeRole(ROLE_ARN, "same", Duration.ofHours(1), READ_ONLY);
        Session full = directory.assumeRole(ROLE_ARN, "same", Duration.ofHours(1), null);

        assertThat(full.principal().arn()).isEqualTo(narrowed.principal().arn());
        assertThat(decide(full.principal(), "s3:PutObject", OBJECT).isAllowed()).isTrue();
        assertThat(decide(narrowed.principal(), "s3:PutObject", OBJECT).isAllowed()).isFalse();
    }

    @Test
    void managedSessionPoliciesAndTheInlineOneTogetherLimitTheSession() {
        roleWithAllowAll();
        ManagedPolicy athena = directory.createPolicy("athena-only", "/", ATHENA_ONLY, null);
        Session session = directory.assumeRole(ROLE_ARN, "s1", Duration.ofHours(1), READ_ONLY,
                List.of(athena.arn()));

        assertThat(decide(session.principal(), "athena:StartQueryExecution", "*").isAllowed()).isTrue();
        assertThat(decide(session.principal(), "s3:GetObject", OBJECT).isAllowed()).isTrue();
        Decision write = decide(session.principal(), "s3:PutObject", OBJECT);
        assertThat(write.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        assertThat(write.fix()).contains("inline session policy of arn:aws:sts::000000000000:assumed-role/analyst/s1")
                .contains(athena.arn());
    }

    @Test
    void aSessionPolicyCannotWidenTheRole() {
        directory.createRole("analyst", "/", TRUST_ACCOUNT, null, null, List.of());
        directory.putInlinePolicy(EntityKind.ROLE, "analyst", "read", READ_ONLY);
        Session session = directory.assumeRole(ROLE_ARN, "s1", Duration.ofHours(1), ALLOW_ALL);

        assertThat(decide(session.principal(), "s3:DeleteObject", OBJECT).reason())
                .isEqualTo("because no identity-based policy allows the s3:DeleteObject action");
    }

    @Test
    void aBucketPolicyNamingTheSessionGrantsBeyondItsSessionPolicy() {
        roleWithAllowAll();
        Session session = directory.assumeRole(ROLE_ARN, "named", Duration.ofHours(1), ATHENA_ONLY);

        assertThat(decide(session.principal(), "s3:PutObject", "arn:aws:s3:::shared/x").isAllowed()).isTrue();
        assertThat(decide(session.principal(), "s3:PutObject", OBJECT).isAllowed()).isFalse();
    }

    @Test
    void anUnknownManagedSessionPolicyIsRefused() {
        roleWithAllowAll();
        assertThatThrownBy(() -> directory.assumeRole(ROLE_ARN, "s1", Duration.ofHours(1), null,
                List.of("arn:aws:iam::000000000000:policy/nope")))
                .isInstanceOf(IamException.class)
                .hasMessage("Policy arn:aws:iam::000000000000:policy/nope does not exist or is not attachable.");
    }

    @Test
    void anEndedSessionIsAllowedNothing() {
        roleWithAllowAll();
        Session session = directory.assumeRole(ROLE_ARN, "s1", Duration.ofMinutes(15), READ_ONLY);
        clock.now = clock.now.plus(Duration.ofMinutes(16));

        assertThat(decide(session.principal(), "s3:GetObject", OBJECT).isAllowed()).isFalse();
    }

    @Test
    void aBoundaryNarrowsAUserWhosePolicyAllowsEverything() {
        ManagedPolicy boundary = directory.createPolicy("read-boundary", "/", READ_ONLY, null);
        directory.createUser("bob", "/", List.of(), boundary.arn());
        directory.putInlinePolicy(EntityKind.USER, "bob", "everything", ALLOW_ALL);
        Principal bob = directory.principalOf(directory.user("bob"));

        assertThat(decide(bob, "s3:GetObject", OBJECT).isAllowed()).isTrue();
        Decision write = decide(bob, "s3:PutObject", OBJECT);
        assertThat(write.reason()).isEqualTo("because no permissions boundary allows the s3:PutObject action");
        assertThat(write.source()).isEqualTo(boundary.arn());

        directory.deletePermissionsBoundary(EntityKind.USER, "bob");
        assertThat(decide(bob, "s3:PutObject", OBJECT).isAllowed()).isTrue();
    }

    @Test
    void anExplicitDenyInABoundaryDecides() {
        directory.createUser("bob", "/", List.of());
        directory.putInlinePolicy(EntityKind.USER, "bob", "everything", ALLOW_ALL);
        directory.createPolicy("no-deletes", "/", ALL_BUT_DELETES, null);
        directory.putPermissionsBoundary(EntityKind.USER, "bob", "arn:aws:iam::000000000000:policy/no-deletes");
        Principal bob = directory.principalOf(directory.user("bob"));

        Decision delete = decide(bob, "s3:DeleteObject", OBJECT);
        assertThat(delete.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertThat(delete.reason()).isEqualTo("with an explicit deny in a permissions boundary");
        assertThat(decide(bob, "s3:PutObject", OBJECT).isAllowed()).isTrue();
    }

    @Test
    void aBoundaryDoesNotGrantByItself() {
        directory.createUser("carol", "/", List.of(), "arn:aws:iam::aws:policy/AmazonAthenaFullAccess");
        Principal carol = directory.principalOf(directory.user("carol"));

        assertThat(decide(carol, "athena:StartQueryExecution", "*").reason())
                .isEqualTo("because no identity-based policy allows the athena:StartQueryExecution action");
    }

    @Test
    void aRoleSessionGetsItsRolesBoundary() {
        roleWithAllowAll();
        ManagedPolicy boundary = directory.createPolicy("athena-only", "/", ATHENA_ONLY, null);
        directory.putPermissionsBoundary(EntityKind.ROLE, "analyst", boundary.arn());
        Session session = directory.assumeRole(ROLE_ARN, "s1", Duration.ofHours(1), null);

        assertThat(decide(session.principal(), "athena:GetQueryExecution", "*").isAllowed()).isTrue();
        assertThat(decide(session.principal(), "s3:GetObject", OBJECT).reason())
                .isEqualTo("because no permissions boundary allows the s3:GetObject action");
    }
}
