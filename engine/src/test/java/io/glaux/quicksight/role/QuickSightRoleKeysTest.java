package io.glaux.quicksight.role;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** QuickSight's role using a KMS key through S3: refused with the table's KMS fix until the key is in the settings. */
class QuickSightRoleKeysTest {

    @TempDir
    Path data;

    @Test
    void aKeyIsRefusedWithTheKmsFixUntilTheSettingsGrantIt() {
        RoleFixture fixture = new RoleFixture(data);
        String key = fixture.newKey("results");

        Optional<RoleRefusal> refused = fixture.role.useKey(key, "Decrypt");
        assertThat(refused).isPresent();
        assertThat(refused.get().fix()).isEqualTo(Fix.KMS);
        assertThat(refused.get().message()).isEqualTo("User: arn:aws:sts::" + fixture.iam.accountId()
                + ":assumed-role/aws-quicksight-service-role-v0/QuickSight is not authorized to perform: kms:Decrypt"
                + " on resource: " + key + " because no identity-based policy allows the kms:Decrypt action."
                + " Grant QuickSight IAM role access to KMS key with kms:Decrypt.");
        assertThat(fixture.role.useKey(key, "kms:GenerateDataKey")).get()
                .extracting(r -> r.denied().getMessage()).asString().contains("kms:GenerateDataKey");

        fixture.access.write(new ResourceAccess.Settings(true, List.of(), List.of(), List.of(key)));

        assertThat(fixture.role.useKey(key, "Decrypt")).isEmpty();
        assertThat(fixture.role.useKey(key, "GenerateDataKey")).isEmpty();
        assertThat(fixture.role.useKey(fixture.newKey("other"), "Decrypt")).isPresent();
    }

    @Test
    void anUncheckedRoleRefusesNoKey() {
        assertThat(QuickSightRole.unchecked("000000000000", "us-east-1").useKey(
                "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab", "Decrypt")).isEmpty();
    }

    @Test
    void theTablesKmsRowIsTheFix() {
        assertThat(Fix.KMS.text()).isEqualTo("Grant QuickSight IAM role access to KMS key with kms:Decrypt");
    }
}
