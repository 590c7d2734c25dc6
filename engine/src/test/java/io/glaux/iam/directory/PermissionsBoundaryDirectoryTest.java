package io.glaux.iam.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the directory keeps users' and roles' permissions boundaries: which policies may be one, and what they block. */
class PermissionsBoundaryDirectoryTest {

    private static final String READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
    private static final String ATHENA_MANAGED = "arn:aws:iam::aws:policy/AmazonAthenaFullAccess";

    @TempDir
    Path folder;

    private IamDirectory open() {
        return IamDirectory.builder().folder(folder).syncWrites(false).build();
    }

    @Test
    void customerAndAwsManagedPoliciesCanBeBoundariesAndSurviveAReopen() {
        IamDirectory directory = open();
        ManagedPolicy read = directory.createPolicy("read", "/", READ, null);
        directory.createUser("bob", null, null, read.arn());
        directory.createRole("analyst", null, IamDirectoryTest.TRUST, null, null, null);
        directory.putPermissionsBoundary(EntityKind.ROLE, "analyst", ATHENA_MANAGED);

        IamDirectory reopened = open();
        assertThat(reopened.user("bob").permissionsBoundary()).isEqualTo(read.arn());
        assertThat(reopened.role("analyst").permissionsBoundary()).isEqualTo(ATHENA_MANAGED);
        assertThat(reopened.policy(read.arn()).permissionsBoundaryUsageCount()).isEqualTo(1);
        assertThat(reopened.policy(read.arn()).attachmentCount()).isZero();
        assertThat(reopened.policy(ATHENA_MANAGED).permissionsBoundaryUsageCount()).isEqualTo(1);
    }

    @Test
    void anUnknownPolicyIsNoSuchEntityAndChangesNothing() {
        IamDirectory directory = open();
        String unknown = "arn:aws:iam::000000000000:policy/nope";
        assertThatThrownBy(() -> directory.createUser("bob", null, null, unknown))
                .isInstanceOf(IamException.class)
                .hasMessage("Policy " + unknown + " does not exist or is not attachable.")
                .extracting(e -> ((IamException) e).code()).isEqualTo(IamException.Code.NO_SUCH_ENTITY);
        assertThat(directory.findUser("bob")).isEmpty();
        directory.createRole("analyst", null, IamDirectoryTest.TRUST, null, null, null);
        assertThatThrownBy(() -> directory.putPermissionsBoundary(EntityKind.ROLE, "analyst", unknown))
                .isInstanceOf(IamException.class);
        assertThat(directory.role("analyst").permissionsBoundary()).isNull();
    }

    @Test
    void deletingABoundaryThatIsNotThereIsNoSuchEntity() {
        IamDirectory directory = open();
        directory.createUser("bob", null, null);
        assertThatThrownBy(() -> directory.deletePermissionsBoundary(EntityKind.USER, "bob"))
                .isInstanceOf(IamException.class)
                .extracting(e -> ((IamException) e).code()).isEqualTo(IamException.Code.NO_SUCH_ENTITY);
        directory.putPermissionsBoundary(EntityKind.USER, "bob", ATHENA_MANAGED);
        directory.deletePermissionsBoundary(EntityKind.USER, "bob");
        assertThat(directory.permissionsBoundary(EntityKind.USER, "bob")).isEmpty();
    }

    @Test
    void aPolicyInUseAsABoundaryCannotBeDeleted() {
        IamDirectory directory = open();
        ManagedPolicy read = directory.createPolicy("read", "/", READ, null);
        directory.createUser("bob", null, null, read.arn());
        assertThatThrownBy(() -> directory.deletePolicy(read.arn())).isInstanceOf(IamException.class)
                .extracting(e -> ((IamException) e).code()).isEqualTo(IamException.Code.DELETE_CONFLICT);
        directory.deletePermissionsBoundary(EntityKind.USER, "bob");
        directory.deletePolicy(read.arn());
        assertThat(directory.policies(PolicyScope.LOCAL, false, null)).isEmpty();
    }

    @Test
    void groupsHaveNoBoundary() {
        IamDirectory directory = open();
        directory.createGroup("g", null);
        assertThatThrownBy(() -> directory.putPermissionsBoundary(EntityKind.GROUP, "g", ATHENA_MANAGED))
                .isInstanceOf(IamException.class)
                .extracting(e -> ((IamException) e).code()).isEqualTo(IamException.Code.INVALID_INPUT);
    }

    @Test
    void aRenamedUserKeepsItsBoundary() {
        IamDirectory directory = open();
        directory.createUser("bob", null, List.of(), ATHENA_MANAGED);
        directory.updateUser("bob", "robert", null);
        assertThat(directory.user("robert").permissionsBoundary()).isEqualTo(ATHENA_MANAGED);
    }

    @Test
    void aSeedSetsBoundariesByArnOrByTheNameOfItsPolicy() {
        IamDirectory directory = open();
        directory.importSeed("""
                {"policies": [{"name": "read", "document": {"Version": "2012-10-17",
                   "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}],
                 "roles": [{"name": "analyst", "permissionsBoundary": "arn:aws:iam::aws:policy/AmazonAthenaFullAccess",
                   "assumeRolePolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Principal": {"AWS": "arn:aws:iam::000000000000:root"}, "Action": "sts:AssumeRole"}]}}],
                 "users": [{"name": "bob", "permissionsBoundary": "read"}]}""");
        assertThat(directory.user("bob").permissionsBoundary()).isEqualTo("arn:aws:iam::000000000000:policy/read");
        assertThat(directory.role("analyst").permissionsBoundary()).isEqualTo(ATHENA_MANAGED);
        assertThatThrownBy(() -> directory.importSeed("{\"users\": [{\"name\": \"eve\", \"permissionsBoundary\": "
                + "\"missing\"}]}")).isInstanceOf(IamException.class).hasMessageContaining("missing");
        assertThat(directory.findUser("eve")).isEmpty();
    }
}
