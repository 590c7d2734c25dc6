package io.glaux.quicksight.user;

import io.glaux.iam.AccessRequest;
import io.glaux.iam.Decision;
import io.glaux.iam.Principal;
import io.glaux.iam.directory.IamAuthorizer;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.policy.PolicyEvaluator;
import io.glaux.iam.policy.ResourcePolicies;
import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.ResourcePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource's permissions decide quicksight: requests of the IAM identities their users and groups stand for,
 * through the authorizer, as the server wires them.
 */
class PermissionGrantsTest {

    private static final String DESCRIBE = "quicksight:DescribeDashboard";

    @TempDir
    Path data;

    private final IamDirectory iam = IamDirectory.builder().build();
    private final QuickSightArns arns = new QuickSightArns("us-east-1", iam.accountId());
    private final String dashboard = arns.of("dashboard", "sales");
    private final Map<String, List<ResourcePermission>> stored = new HashMap<>();

    private UserService users;
    private GroupService groups;
    private IamAuthorizer authorizer;

    private void setUp() {
        users = new UserService(data.resolve("users"), IamIdentities.of(iam), false);
        groups = new GroupService(data.resolve("groups"), users, false);
        PermissionGrants grants = new PermissionGrants(arn -> Optional.ofNullable(stored.get(arn)),
                new QuickSightPrincipals(users, groups));
        authorizer = new IamAuthorizer(iam, ResourcePolicies.byService(Map.of("quicksight", grants)),
                new PolicyEvaluator(Clock.systemUTC()));
    }

    private Decision describe(Principal caller) {
        return authorizer.authorize(new AccessRequest(caller, DESCRIBE, dashboard));
    }

    private Principal iamUser(String name) {
        return iam.principalOf(iam.createUser(name, "/", List.of()));
    }

    @Test
    void aUserWithoutIdentityPoliciesIsAllowedOnlyTheActionsItsQuickSightUserIsGranted() {
        setUp();
        Principal analyst = iamUser("analyst");
        QuickSightUser user = users.register(arns, new Registration("IAM", "a@example.com", "READER", analyst.arn(),
                null, null, null, Map.of()));
        assertThat(describe(analyst).isAllowed()).isFalse();

        stored.put(dashboard, List.of(new ResourcePermission(user.arn(), List.of(DESCRIBE))));

        assertThat(describe(analyst).isAllowed()).isTrue();
        assertThat(authorizer.authorize(new AccessRequest(analyst, "quicksight:DeleteDashboard", dashboard))
                .isAllowed()).isFalse();
        assertThat(describe(iamUser("other")).isAllowed()).isFalse();
    }

    @Test
    void aGroupGrantsItsMembersAndNoLongerOnceTheyLeave() {
        setUp();
        Principal analyst = iamUser("analyst");
        users.register(arns, new Registration("IAM", "a@example.com", "READER", analyst.arn(), null, null, null,
                Map.of()));
        QuickSightGroup readers = groups.create(arns, "readers", null);
        stored.put(dashboard, List.of(new ResourcePermission(readers.arn(), List.of(DESCRIBE))));
        assertThat(describe(analyst).isAllowed()).isFalse();

        groups.addMember("readers", "analyst");
        assertThat(describe(analyst).isAllowed()).isTrue();

        groups.removeMember("readers", "analyst");
        assertThat(describe(analyst).isAllowed()).isFalse();
    }

    @Test
    void aRoleUserGrantsOnlyTheSessionOfItsName() {
        setUp();
        var role = iam.createRole("bi", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + iam.accountId() + "\"},\"Action\":\"sts:AssumeRole\"}]}", null, null,
                List.of());
        QuickSightUser jane = users.register(arns, new Registration("IAM", "j@example.com", "READER", role.arn(),
                "jane", null, null, Map.of()));
        stored.put(dashboard, List.of(new ResourcePermission(jane.arn(), List.of("quicksight:Describe*"))));

        Principal janeSession = Principal.assumedRole(iam.accountId(), "/", "bi", role.id(), "jane");
        Principal joeSession = Principal.assumedRole(iam.accountId(), "/", "bi", role.id(), "joe");

        assertThat(describe(janeSession).isAllowed()).isTrue();
        assertThat(describe(joeSession).isAllowed()).isFalse();
    }

    @Test
    void anExplicitDenyInAnIdentityPolicyWinsOverAGrant() {
        setUp();
        Principal analyst = iamUser("analyst");
        QuickSightUser user = users.register(arns, new Registration("IAM", "a@example.com", "READER", analyst.arn(),
                null, null, null, Map.of()));
        stored.put(dashboard, List.of(new ResourcePermission(user.arn(), List.of(DESCRIBE))));
        iam.putInlinePolicy(io.glaux.iam.directory.EntityKind.USER, "analyst", "no-dashboards",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"quicksight:*\","
                        + "\"Resource\":\"*\"}]}");

        Decision decision = describe(analyst);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
    }
}
