package io.glaux.quicksight.user;

import io.glaux.iam.directory.IamDirectory;
import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.QuickSightException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registering, reading, updating and deleting QuickSight users, kept across a restart. */
class UserServiceTest {

    @TempDir
    Path data;

    private final IamDirectory iam = IamDirectory.builder().build();
    private final QuickSightArns arns = new QuickSightArns("us-east-1", iam.accountId());

    private UserService users() {
        return new UserService(data.resolve("users"), IamIdentities.of(iam), false);
    }

    private static Registration iam(String iamArn, String session) {
        return new Registration("IAM", "a@example.com", "READER", iamArn, session, null, null, Map.of());
    }

    @Test
    void anIamUserIsRegisteredUnderItsIamNameWithItsUniqueIdAsPrincipalId() {
        var analyst = iam.createUser("analyst", "/team/", List.of());

        QuickSightUser user = users().register(arns, iam(analyst.arn(), null));

        assertThat(user.userName()).isEqualTo("analyst");
        assertThat(user.arn()).isEqualTo("arn:aws:quicksight:us-east-1:" + iam.accountId() + ":user/default/analyst");
        assertThat(user.principalId()).isEqualTo("federated/iam/" + analyst.id());
        assertThat(user.active()).isTrue();
        assertThat(QuickSightPrincipals.iamPrincipal(user)).contains(analyst.arn());
    }

    @Test
    void aRoleIsRegisteredAsItsSessionOfTheGivenName() {
        var role = iam.createRole("bi-reader", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + iam.accountId() + "\"},\"Action\":\"sts:AssumeRole\"}]}", null, null,
                List.of());

        QuickSightUser user = users().register(arns, iam(role.arn(), "jane"));

        assertThat(user.userName()).isEqualTo("bi-reader/jane");
        assertThat(user.principalId()).isEqualTo("federated/iam/" + role.id() + ":jane");
        assertThat(QuickSightPrincipals.iamPrincipal(user))
                .contains("arn:aws:sts::" + iam.accountId() + ":assumed-role/bi-reader/jane");
        assertThatThrownBy(() -> users().register(arns, iam(role.arn(), null)))
                .isInstanceOfSatisfying(QuickSightException.class,
                        e -> assertThat(e.kind()).isEqualTo(QuickSightException.Kind.INVALID))
                .hasMessageContaining("SessionName");
    }

    @Test
    void anUnknownIamArnAndATakenNameAreRefused() {
        UserService users = users();
        assertThatThrownBy(() -> users.register(arns, iam("arn:aws:iam::" + iam.accountId() + ":user/ghost", null)))
                .isInstanceOfSatisfying(QuickSightException.class,
                        e -> assertThat(e.kind()).isEqualTo(QuickSightException.Kind.INVALID));
        Registration native1 = new Registration("QUICKSIGHT", "b@example.com", "AUTHOR", null, null, "bob", null,
                Map.of());
        users.register(arns, native1);
        assertThatThrownBy(() -> users.register(arns, native1))
                .isInstanceOfSatisfying(QuickSightException.class, e -> {
                    assertThat(e.kind()).isEqualTo(QuickSightException.Kind.EXISTS);
                    assertThat(e.resourceType()).isEqualTo("USER");
                });
    }

    @Test
    void aQuickSightUserIsInactiveAndStandsForNoIamIdentity() {
        QuickSightUser user = users().register(arns, new Registration("QUICKSIGHT", "b@example.com", "AUTHOR", null,
                null, "bob", null, Map.of()));

        assertThat(user.active()).isFalse();
        assertThat(user.principalId()).matches("user/d-[0-9a-f]{10}/[0-9a-f-]{36}");
        assertThat(QuickSightPrincipals.iamPrincipal(user)).isEmpty();
    }

    @Test
    void usersSurviveARestartAndAreUpdatedAndDeletedByNameOrPrincipalId() {
        var analyst = iam.createUser("analyst", "/", List.of());
        QuickSightUser registered = users().register(arns, iam(analyst.arn(), null));
        users().register(arns, new Registration("QUICKSIGHT", "b@example.com", "AUTHOR", null, null, "bob", null,
                Map.of()));

        UserService reloaded = users();
        assertThat(reloaded.list()).extracting(QuickSightUser::userName).containsExactly("analyst", "bob");
        assertThat(reloaded.update("analyst", "new@example.com", "AUTHOR", null))
                .extracting(QuickSightUser::email, QuickSightUser::role).containsExactly("new@example.com", "AUTHOR");
        reloaded.deleteByPrincipalId(registered.principalId());
        reloaded.delete("bob");

        assertThat(users().list()).isEmpty();
        assertThatThrownBy(() -> reloaded.get("bob")).isInstanceOfSatisfying(QuickSightException.class,
                e -> assertThat(e.kind()).isEqualTo(QuickSightException.Kind.NOT_FOUND));
    }
}
