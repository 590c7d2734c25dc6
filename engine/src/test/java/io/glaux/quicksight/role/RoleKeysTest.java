package io.glaux.quicksight.role;

import io.glaux.workgroup.EncryptionConfiguration;
import io.glaux.workgroup.ResultConfiguration;
import io.glaux.workgroup.Workgroup;
import io.glaux.workgroup.WorkgroupConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key references (id, alias, ARNs) resolved to key ARNs, for the settings and for workgroups' result encryption. */
class RoleKeysTest {

    @TempDir
    Path data;

    @Test
    void idsAliasesAndAliasArnsResolveToTheKeyArn() {
        RoleFixture fixture = new RoleFixture(data);
        String arn = fixture.newKey("results");
        String id = fixture.keys.describeKey(arn).keyId();
        fixture.keys.createAlias("alias/results", id);
        RoleKeys keys = RoleKeys.in(fixture.keys);
        String aliasArn = "arn:aws:kms:us-east-1:" + fixture.iam.accountId() + ":alias/results";

        for (String ref : List.of(id, arn, "alias/results", aliasArn)) {
            assertThat(keys.resolve(ref)).as(ref).isEqualTo(arn);
            assertThat(keys.arnOf(ref)).as(ref).isEqualTo(arn);
        }
        assertThatThrownBy(() -> keys.resolve("alias/none")).isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("alias/none");
    }

    @Test
    void workgroupsNameTheKeysTheyEncryptResultsWithOnceEachAndAMissingKeyByTheArnItWouldHave() {
        RoleFixture fixture = new RoleFixture(data);
        String arn = fixture.newKey("results");
        fixture.keys.createAlias("alias/results", fixture.keys.describeKey(arn).keyId());
        RoleKeys keys = RoleKeys.in(fixture.keys);

        List<String> named = keys.ofWorkgroups(List.of(workgroup("a", "SSE_KMS", "alias/results"),
                workgroup("b", "CSE_KMS", arn), workgroup("c", "SSE_S3", null), workgroup("d", null, null),
                workgroup("e", "SSE_KMS", "alias/gone")));

        assertThat(named).containsExactly(arn, "arn:aws:kms:us-east-1:" + fixture.iam.accountId() + ":alias/gone");
        assertThat(fixture.keys.listAliases(null)).extracting(a -> a.name()).containsExactly("alias/results");
    }

    private static Workgroup workgroup(String name, String option, String key) {
        ResultConfiguration results = new ResultConfiguration("s3://results/" + name + "/",
                option == null ? null : new EncryptionConfiguration(option, key), null);
        return new Workgroup(name, null, null, new WorkgroupConfiguration(results, true, true, null,
                false, "AUTO"),
                Instant.now(), null);
    }
}
