package io.glaux.quicksight.role;

import io.glaux.iam.directory.EntityKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The role's kms rows: Decrypt and GenerateDataKey on each key, decided by its policies and the key policy. */
class EffectivePermissionsKeysTest {

    @TempDir
    Path data;

    @Test
    void aChosenKeyIsAllowedByTheKmsPolicyAndAnotherIsRefusedForLackOfAnIdentityPolicy() {
        RoleFixture fixture = new RoleFixture(data);
        String chosen = fixture.newKey("chosen");
        String other = fixture.newKey("other");
        fixture.access.write(new ResourceAccess.Settings(true, List.of(), List.of(), List.of(chosen)));

        List<EffectivePermissions.Permission> rows = fixture.permissions().of(List.of(), List.of(), List.of(),
                List.of(chosen, other)).stream().filter(p -> p.service().equals("kms")).toList();

        assertThat(rows).extracting(EffectivePermissions.Permission::resource, EffectivePermissions.Permission::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(chosen, "kms:Decrypt"),
                        org.assertj.core.groups.Tuple.tuple(chosen, "kms:GenerateDataKey"),
                        org.assertj.core.groups.Tuple.tuple(other, "kms:Decrypt"),
                        org.assertj.core.groups.Tuple.tuple(other, "kms:GenerateDataKey"));
        EffectivePermissions.Permission allowed = rows.get(0);
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.resourceArn()).isEqualTo(chosen);
        assertThat(allowed.policy()).isEqualTo(fixture.policyArn(ResourceAccess.KMS_POLICY));
        EffectivePermissions.Permission refused = rows.get(2);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.reason()).contains("no identity-based policy allows the kms:Decrypt action");
    }

    @Test
    void aKeyPolicyThatDoesNotLetTheAccountInRefusesEvenAChosenKey() {
        RoleFixture fixture = new RoleFixture(data);
        String admin = "arn:aws:iam::" + fixture.iam.accountId() + ":user/key-admin";
        fixture.iam.createUser("key-admin", "/", List.of());
        String locked = fixture.keys.createKey("locked", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "%s"},
                  "Action": "kms:*", "Resource": "*"}]}""".formatted(admin), Map.of()).arn();
        fixture.access.write(new ResourceAccess.Settings(true, List.of(), List.of(), List.of(locked)));

        EffectivePermissions.Permission decrypt = fixture.permissions().of(List.of(), List.of(), List.of(),
                List.of(locked)).stream().filter(p -> p.action().equals("kms:Decrypt")).findFirst().orElseThrow();

        assertThat(decrypt.allowed()).isFalse();
        assertThat(decrypt.reason()).isNotEmpty();
    }

    @Test
    void aKeyPolicyConditionOnTheViaServiceSeesS3() {
        RoleFixture fixture = new RoleFixture(data);
        String root = "arn:aws:iam::" + fixture.iam.accountId() + ":root";
        String viaS3 = fixture.keys.createKey("via s3", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "%s"},
                  "Action": "kms:*", "Resource": "*",
                  "Condition": {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com",
                    "kms:CallerAccount": "%s"}}}]}""".formatted(root, fixture.iam.accountId()), Map.of()).arn();
        fixture.iam.putInlinePolicy(EntityKind.ROLE, QuickSightRole.NAME, "all-keys", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}""");

        assertThat(fixture.permissions().of(List.of(), List.of(), List.of(), List.of(viaS3)))
                .filteredOn(p -> p.service().equals("kms")).allMatch(EffectivePermissions.Permission::allowed);
    }
}
