package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.role.ResourceAccess;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KMS keys of QuickSight's Security &amp; permissions settings over HTTP, with IAM enforced: keys created through
 * the KMS API and named by alias or id come back as key ARNs in {@code KmsKeys} and as the role's
 * {@code AWSQuickSightKMSPolicy}; the effective permissions show each chosen key and each key a workgroup encrypts
 * its results with; an unknown key is refused by name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityOperationsKeysTest {

    private static final Map<String, Boolean> BUCKETS = Map.of("glaux-sample", false, "glaux-query-results", true);

    @TempDir
    static Path data;

    private GlauxServer server;
    private KmsClient kms;
    private IamClient iam;
    private SecuritySettingsClient settings;

    @BeforeAll
    void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        StaticCredentialsProvider root = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY));
        kms = KmsClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(root).build();
        iam = IamClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.AWS_GLOBAL)
                .credentialsProvider(root).build();
        settings = new SecuritySettingsClient(server);
    }

    @AfterAll
    void stop() {
        kms.close();
        iam.close();
        server.close();
    }

    @BeforeEach
    void noKeys() throws Exception {
        assertThat(settings.update(true, BUCKETS, List.of(), List.of()).status()).isEqualTo(200);
    }

    @Test
    void aKeyNamedByAliasIsWrittenAsItsArnAndAllowedByTheKmsPolicy() throws Exception {
        String arn = newKey("results");
        kms.createAlias(b -> b.aliasName("alias/quicksight-results").targetKeyId(arn));

        SecuritySettingsClient.Answer put = settings.update(true, BUCKETS, List.of(),
                List.of("alias/quicksight-results"));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().path("Settings").path("KmsKeys").toString()).isEqualTo("[\"" + arn + "\"]");
        JsonNode described = settings.describe().body();
        assertThat(described.path("Settings").path("KmsKeys").toString()).isEqualTo("[\"" + arn + "\"]");
        String policyArn = "arn:aws:iam::000000000000:policy/service-role/" + ResourceAccess.KMS_POLICY;
        for (String action : List.of("kms:Decrypt", "kms:GenerateDataKey")) {
            JsonNode row = permission(described, arn, action);
            assertThat(row.path("Service").asText()).isEqualTo("kms");
            assertThat(row.path("Allowed").asBoolean()).as(action).isTrue();
            assertThat(row.path("Policy").asText()).isEqualTo(policyArn);
        }
        assertThat(iam.listAttachedRolePolicies(b -> b.roleName(QuickSightRole.NAME)).attachedPolicies())
                .extracting(p -> p.policyArn()).contains(policyArn);
    }

    @Test
    void aPutWithoutKmsKeysKeepsTheKeysAndAnEmptyListRemovesThem() throws Exception {
        String arn = newKey("kept");
        String id = kms.describeKey(b -> b.keyId(arn)).keyMetadata().keyId();
        settings.update(true, BUCKETS, List.of(), List.of(id));

        assertThat(settings.update(false, BUCKETS, List.of()).body().path("Settings").path("KmsKeys").toString())
                .isEqualTo("[\"" + arn + "\"]");
        JsonNode cleared = settings.update(true, BUCKETS, List.of(), List.of()).body();
        assertThat(cleared.path("Settings").path("KmsKeys")).isEmpty();
        // No longer chosen and named by no workgroup: the key has no row.
        assertThat(cleared.path("EffectivePermissions").findValuesAsText("Resource")).doesNotContain(arn);
    }

    @Test
    void aWorkgroupsResultKeyIsShownRefusedUntilItIsChosen() throws Exception {
        String arn = newKey("workgroup results");
        String id = kms.describeKey(b -> b.keyId(arn)).keyMetadata().keyId();
        try (AthenaClient athena = QuickSightClients.athena(server)) {
            athena.createWorkGroup(b -> b.name("encrypted").configuration(c -> c.resultConfiguration(r -> r
                    .outputLocation("s3://glaux-query-results/encrypted/")
                    .encryptionConfiguration(e -> e.encryptionOption(EncryptionOption.SSE_KMS).kmsKey(id)))));
        }

        JsonNode refused = permission(settings.describe().body(), arn, "kms:Decrypt");
        assertThat(refused.path("Allowed").asBoolean()).isFalse();
        assertThat(refused.path("Reason").asText())
                .contains("no identity-based policy allows the kms:Decrypt action");

        settings.update(true, BUCKETS, List.of(), List.of(arn));
        assertThat(permission(settings.describe().body(), arn, "kms:Decrypt").path("Allowed").asBoolean()).isTrue();
    }

    @Test
    void anUnknownKeyIsA400NamingItAndChangesNothing() throws Exception {
        String arn = newKey("before");
        settings.update(true, BUCKETS, List.of(), List.of(arn));

        SecuritySettingsClient.Answer refused = settings.update(false, Map.of(), List.of(),
                List.of(arn, "alias/no-such-key"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorType()).isEqualTo("InvalidParameterValueException");
        assertThat(refused.body().path("Message").asText()).contains("alias/no-such-key");
        JsonNode kept = settings.describe().body().path("Settings");
        assertThat(kept.path("AthenaAccess").asBoolean()).isTrue();
        assertThat(kept.path("KmsKeys").toString()).isEqualTo("[\"" + arn + "\"]");
    }

    private String newKey(String description) {
        return kms.createKey(b -> b.description(description)).keyMetadata().arn();
    }

    private static JsonNode permission(JsonNode described, String resource, String action) {
        List<String> seen = new ArrayList<>();
        for (JsonNode permission : described.path("EffectivePermissions")) {
            seen.add(permission.path("Resource").asText() + " " + permission.path("Action").asText());
            if (permission.path("Resource").asText().equals(resource)
                    && permission.path("Action").asText().equals(action)) {
                return permission;
            }
        }
        throw new AssertionError("No permission " + action + " on " + resource + " in " + seen);
    }
}
