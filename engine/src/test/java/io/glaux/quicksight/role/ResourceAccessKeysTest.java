package io.glaux.quicksight.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.iam.directory.AttachedPolicy;
import io.glaux.iam.directory.EntityKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The KMS keys setting written as {@code AWSQuickSightKMSPolicy} on the role and read back from it. */
class ResourceAccessKeysTest {

    @TempDir
    Path data;

    @Test
    void keysNamedByIdAliasOrArnAreWrittenAsOnePolicyStatementOnTheirArnsAndReadBack() throws Exception {
        RoleFixture fixture = new RoleFixture(data);
        String results = fixture.newKey("results");
        String tables = fixture.newKey("tables");
        String resultsId = fixture.keys.describeKey(results).keyId();
        fixture.keys.createAlias("alias/athena-results", resultsId);

        ResourceAccess.Settings read = fixture.access.write(new ResourceAccess.Settings(true, List.of(), List.of(),
                List.of(resultsId, "alias/athena-results", tables)));

        assertThat(read.kmsKeys()).containsExactly(results, tables);
        assertThat(fixture.access.read()).isEqualTo(read);
        String policyArn = fixture.policyArn(ResourceAccess.KMS_POLICY);
        assertThat(attached(fixture)).contains(policyArn);
        JsonNode statements = new ObjectMapper().readTree(fixture.iam.defaultVersion(policyArn).document())
                .path("Statement");
        assertThat(statements).hasSize(1);
        JsonNode statement = statements.get(0);
        assertThat(statement.path("Sid").asText()).isEqualTo("QuickSightUseKeys");
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Action").toString())
                .isEqualTo("[\"kms:Decrypt\",\"kms:GenerateDataKey\",\"kms:DescribeKey\"]");
        assertThat(statement.path("Resource").toString()).isEqualTo("[\"" + results + "\",\"" + tables + "\"]");
    }

    @Test
    void aChangedKeyListIsANewDefaultVersionAndNoKeyDetachesThePolicy() {
        RoleFixture fixture = new RoleFixture(data);
        String first = fixture.newKey("first");
        String second = fixture.newKey("second");
        String policyArn = fixture.policyArn(ResourceAccess.KMS_POLICY);

        fixture.access.write(new ResourceAccess.Settings(true, List.of(), List.of(), List.of(first)));
        fixture.access.write(new ResourceAccess.Settings(true, List.of(), List.of(), List.of(first, second)));
        assertThat(fixture.iam.policyVersions(policyArn)).hasSize(2);
        assertThat(fixture.iam.defaultVersion(policyArn).document()).contains(second);

        ResourceAccess.Settings none = fixture.access.write(new ResourceAccess.Settings(true, List.of(), List.of()));
        assertThat(none.kmsKeys()).isEmpty();
        assertThat(attached(fixture)).doesNotContain(policyArn);
    }

    @Test
    void anUnknownKeyIsRefusedByNameAndNothingIsWritten() {
        RoleFixture fixture = new RoleFixture(data);
        String known = fixture.newKey("known");
        ResourceAccess.Settings before = fixture.access.read();

        assertThatThrownBy(() -> fixture.access.write(new ResourceAccess.Settings(false, List.of(
                new ResourceAccess.Bucket("results", true)), List.of(), List.of(known, "alias/missing"))))
                .isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("alias/missing")
                .satisfies(e -> assertThat(((UnknownKeyException) e).key()).isEqualTo("alias/missing"));
        assertThat(fixture.access.read()).isEqualTo(before);
    }

    @Test
    void withoutAKeyServiceOnlyKeyArnsOfTheAccountAndRegionAreTaken() {
        RoleFixture fixture = new RoleFixture(data);
        ResourceAccess plain = new ResourceAccess(fixture.iam, RoleFixture.REGION);
        String arn = "arn:aws:kms:us-east-1:" + fixture.iam.accountId() + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";

        assertThat(plain.write(new ResourceAccess.Settings(true, List.of(), List.of(), List.of(arn))).kmsKeys())
                .containsExactly(arn);
        assertThatThrownBy(() -> plain.write(new ResourceAccess.Settings(true, List.of(), List.of(),
                List.of("alias/results")))).isInstanceOf(UnknownKeyException.class);
    }

    private static List<String> attached(RoleFixture fixture) {
        return fixture.iam.attachedPolicies(EntityKind.ROLE, QuickSightRole.NAME).stream()
                .map(AttachedPolicy::policyArn).toList();
    }
}
