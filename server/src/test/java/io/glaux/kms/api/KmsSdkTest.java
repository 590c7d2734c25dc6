package io.glaux.kms.api;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.Tag;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** KMS through the AWS SDK for Java v2's {@link KmsClient}, pointed at a Glaux server. */
class KmsSdkTest {

    @TempDir
    static Path data;
    private static GlauxServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).start();
        kms = client(Region.US_EAST_1);
    }

    private static KmsClient client(Region region) {
        return KmsClient.builder().endpointOverride(URI.create(server.endpoint())).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stop() {
        if (kms != null) {
            kms.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static KeyMetadata newKey(String description) {
        return kms.createKey(r -> r.description(description).tags(Tag.builder().tagKey("team").tagValue("data")
                .build())).keyMetadata();
    }

    private static void refused(Runnable call, Class<? extends KmsException> type, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOf(type)
                .satisfies(e -> assertThat(((KmsException) e).statusCode()).isEqualTo(400))
                .hasMessageContaining(messagePart);
    }

    @Test
    void createKeyAnswersTheKeysMetadataAndDescribeKeyFindsItByEveryName() {
        Instant before = Instant.now().minusSeconds(1);
        KeyMetadata key = newKey("orders key");
        assertThat(key.arn()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/" + key.keyId());
        assertThat(key.awsAccountId()).isEqualTo("000000000000");
        assertThat(key.keyStateAsString()).isEqualTo("Enabled");
        assertThat(key.enabled()).isTrue();
        assertThat(key.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(key.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.originAsString()).isEqualTo("AWS_KMS");
        assertThat(key.keyManager()).isEqualTo(KeyManagerType.CUSTOMER);
        assertThat(key.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(key.multiRegion()).isFalse();
        assertThat(key.creationDate()).isAfter(before);
        kms.createAlias(r -> r.aliasName("alias/sdk-orders").targetKeyId(key.keyId()));
        for (String name : new String[] {key.keyId(), key.arn(), "alias/sdk-orders",
                "arn:aws:kms:us-east-1:000000000000:alias/sdk-orders"}) {
            assertThat(kms.describeKey(r -> r.keyId(name)).keyMetadata()).as(name).isEqualTo(key);
        }
        refused(() -> kms.describeKey(r -> r.keyId("nope")), NotFoundException.class, "Invalid keyId 'nope'");
        refused(() -> kms.describeKey(r -> r.keyId("alias/none")), NotFoundException.class,
                "Alias arn:aws:kms:us-east-1:000000000000:alias/none is not found.");
        assertThat(kms.listResourceTags(r -> r.keyId(key.keyId())).tags())
                .containsExactly(Tag.builder().tagKey("team").tagValue("data").build());
    }

    @Test
    void listKeysPagesWithMarkers() {
        for (int i = 0; i < 3; i++) {
            newKey("page " + i);
        }
        ListKeysResponse first = kms.listKeys(r -> r.limit(2));
        assertThat(first.keys()).hasSize(2);
        assertThat(first.truncated()).isTrue();
        ListKeysResponse rest = kms.listKeys(r -> r.marker(first.nextMarker()).limit(1000));
        assertThat(rest.truncated()).isFalse();
        assertThat(rest.nextMarker()).isNull();
        assertThat(kms.listKeysPaginator(r -> r.limit(1)).keys()).hasSize(2 + rest.keys().size());
    }

    @Test
    void encryptDecryptAndReEncryptRoundTripWithTheContext() {
        KeyMetadata key = newKey("crypto");
        KeyMetadata other = newKey("other");
        SdkBytes plaintext = SdkBytes.fromString("secret data", StandardCharsets.UTF_8);
        Map<String, String> context = Map.of("purpose", "sdk");
        EncryptResponse encrypted = kms.encrypt(r -> r.keyId(key.keyId()).plaintext(plaintext)
                .encryptionContext(context));
        assertThat(encrypted.keyId()).isEqualTo(key.arn());
        assertThat(encrypted.encryptionAlgorithmAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        DecryptResponse decrypted = kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())
                .encryptionContext(context));
        assertThat(decrypted.plaintext()).isEqualTo(plaintext);
        assertThat(decrypted.keyId()).isEqualTo(key.arn());
        refused(() -> kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())), InvalidCiphertextException.class,
                "");
        refused(() -> kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(context)
                .keyId(other.keyId())), IncorrectKeyException.class, "");
        var moved = kms.reEncrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).sourceEncryptionContext(context)
                .destinationKeyId(other.arn()));
        assertThat(moved.sourceKeyId()).isEqualTo(key.arn());
        assertThat(moved.keyId()).isEqualTo(other.arn());
        assertThat(kms.decrypt(r -> r.ciphertextBlob(moved.ciphertextBlob())).plaintext()).isEqualTo(plaintext);
    }

    @Test
    void dataKeysAndRandomBytesHaveTheAskedSize() {
        KeyMetadata key = newKey("data keys");
        GenerateDataKeyResponse dataKey = kms.generateDataKey(r -> r.keyId(key.arn()).keySpec(DataKeySpec.AES_256)
                .encryptionContext(Map.of("bucket", "b")));
        assertThat(dataKey.plaintext().asByteArray()).hasSize(32);
        assertThat(dataKey.keyId()).isEqualTo(key.arn());
        assertThat(kms.decrypt(r -> r.ciphertextBlob(dataKey.ciphertextBlob()).encryptionContext(Map.of("bucket",
                "b"))).plaintext()).isEqualTo(dataKey.plaintext());
        assertThat(kms.generateDataKey(r -> r.keyId(key.keyId()).numberOfBytes(64)).plaintext().asByteArray())
                .hasSize(64);
        var withoutPlaintext = kms.generateDataKeyWithoutPlaintext(r -> r.keyId(key.keyId())
                .keySpec(DataKeySpec.AES_128));
        assertThat(kms.decrypt(r -> r.ciphertextBlob(withoutPlaintext.ciphertextBlob())).plaintext()
                .asByteArray()).hasSize(16);
        assertThat(kms.generateRandom(r -> r.numberOfBytes(1024)).plaintext().asByteArray()).hasSize(1024);
        refused(() -> kms.generateDataKey(r -> r.keyId(key.keyId())), KmsException.class,
                "Please specify either number of bytes or key spec.");
        KeyMetadata s3 = kms.describeKey(r -> r.keyId("alias/aws/s3")).keyMetadata();
        assertThat(s3.keyManager()).isEqualTo(KeyManagerType.AWS);
        assertThat(kms.listAliases(r -> r.keyId(s3.keyId())).aliases()).extracting(AliasListEntry::aliasName)
                .containsExactly("alias/aws/s3");
    }

    @Test
    void disablingAndScheduledDeletionStopUseUntilCancelled() {
        KeyMetadata key = newKey("lifecycle");
        SdkBytes blob = kms.encrypt(r -> r.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x")))
                .ciphertextBlob();
        kms.disableKey(r -> r.keyId(key.keyId()));
        refused(() -> kms.decrypt(r -> r.ciphertextBlob(blob)), DisabledException.class, key.arn() + " is disabled.");
        kms.enableKey(r -> r.keyId(key.arn()));
        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(r -> r.keyId(key.keyId())
                .pendingWindowInDays(7));
        assertThat(scheduled.keyId()).isEqualTo(key.arn());
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(7);
        assertThat(Duration.between(Instant.now(), scheduled.deletionDate())).isBetween(Duration.ofDays(7)
                .minusMinutes(1), Duration.ofDays(7));
        assertThat(kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata().deletionDate())
                .isEqualTo(scheduled.deletionDate());
        refused(() -> kms.encrypt(r -> r.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x"))),
                KmsInvalidStateException.class, key.arn() + " is pending deletion.");
        refused(() -> kms.scheduleKeyDeletion(r -> r.keyId(key.keyId()).pendingWindowInDays(7)),
                KmsInvalidStateException.class, "is pending deletion.");
        assertThat(kms.cancelKeyDeletion(r -> r.keyId(key.keyId())).keyId()).isEqualTo(key.arn());
        assertThat(kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
        refused(() -> kms.scheduleKeyDeletion(r -> r.keyId(key.keyId()).pendingWindowInDays(3)), KmsException.class,
                "1 validation error detected: Value '3' at 'pendingWindowInDays' failed to satisfy constraint");
    }

    @Test
    void aliasesAreUpdatedListedAndDeleted() {
        KeyMetadata first = newKey("alias a");
        KeyMetadata second = newKey("alias b");
        kms.createAlias(r -> r.aliasName("alias/sdk-moving").targetKeyId(first.keyId()));
        refused(() -> kms.createAlias(r -> r.aliasName("alias/sdk-moving").targetKeyId(second.keyId())),
                software.amazon.awssdk.services.kms.model.AlreadyExistsException.class, "already exists");
        refused(() -> kms.createAlias(r -> r.aliasName("alias/aws/mine").targetKeyId(second.keyId())),
                software.amazon.awssdk.services.kms.model.InvalidAliasNameException.class, "alias/aws/");
        kms.updateAlias(r -> r.aliasName("alias/sdk-moving").targetKeyId(second.arn()));
        assertThat(kms.listAliases(r -> r.keyId(second.keyId())).aliases()).singleElement()
                .satisfies(alias -> {
                    assertThat(alias.aliasArn()).isEqualTo("arn:aws:kms:us-east-1:000000000000:alias/sdk-moving");
                    assertThat(alias.targetKeyId()).isEqualTo(second.keyId());
                });
        assertThat(kms.listAliases(r -> r.keyId(first.keyId())).aliases()).isEmpty();
        kms.deleteAlias(r -> r.aliasName("alias/sdk-moving"));
        refused(() -> kms.deleteAlias(r -> r.aliasName("alias/sdk-moving")), NotFoundException.class,
                "alias/sdk-moving is not found.");
    }

    @Test
    void grantsAreCreatedListedRetiredAndRevoked() {
        KeyMetadata key = newKey("grants");
        CreateGrantResponse grant = kms.createGrant(r -> r.keyId(key.keyId()).name("reader")
                .granteePrincipal("arn:aws:iam::000000000000:role/reader")
                .retiringPrincipal("arn:aws:iam::000000000000:role/admin")
                .operations(GrantOperation.DECRYPT, GrantOperation.GENERATE_DATA_KEY)
                .constraints(c -> c.encryptionContextSubset(Map.of("bucket", "b"))));
        assertThat(grant.grantId()).hasSize(64);
        GrantListEntry listed = kms.listGrants(r -> r.keyId(key.arn())).grants().get(0);
        assertThat(listed.grantId()).isEqualTo(grant.grantId());
        assertThat(listed.keyId()).isEqualTo(key.arn());
        assertThat(listed.operations()).containsExactly(GrantOperation.DECRYPT, GrantOperation.GENERATE_DATA_KEY);
        assertThat(listed.constraints().encryptionContextSubset()).containsEntry("bucket", "b");
        assertThat(listed.issuingAccount()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(kms.listRetirableGrants(r -> r.retiringPrincipal("arn:aws:iam::000000000000:role/admin"))
                .grants()).extracting(GrantListEntry::grantId).contains(grant.grantId());
        // A grant token is accepted in GrantTokens while its grant lives.
        kms.encrypt(r -> r.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x")).grantTokens(grant.grantToken()));
        kms.retireGrant(r -> r.grantToken(grant.grantToken()));
        refused(() -> kms.encrypt(r -> r.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x"))
                .grantTokens(grant.grantToken())),
                software.amazon.awssdk.services.kms.model.InvalidGrantTokenException.class, "");
        CreateGrantResponse second = kms.createGrant(r -> r.keyId(key.keyId())
                .granteePrincipal("arn:aws:iam::000000000000:role/writer").operations(GrantOperation.ENCRYPT));
        kms.revokeGrant(r -> r.keyId(key.keyId()).grantId(second.grantId()));
        assertThat(kms.listGrants(r -> r.keyId(key.keyId())).grants()).isEmpty();
        refused(() -> kms.revokeGrant(r -> r.keyId(key.keyId()).grantId("bad")),
                software.amazon.awssdk.services.kms.model.InvalidGrantIdException.class, "");
    }

    @Test
    void keyPoliciesAreReadAndReplaced() {
        KeyMetadata key = newKey("policy");
        assertThat(kms.getKeyPolicy(r -> r.keyId(key.keyId())).policy()).contains("Enable IAM User Permissions");
        assertThat(kms.listKeyPolicies(r -> r.keyId(key.keyId())).policyNames()).containsExactly("default");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::000000000000:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        kms.putKeyPolicy(r -> r.keyId(key.keyId()).policyName("default").policy(policy));
        assertThat(kms.getKeyPolicy(r -> r.keyId(key.keyId()).policyName("default")).policy()).isEqualTo(policy);
        refused(() -> kms.putKeyPolicy(r -> r.keyId(key.keyId()).policy("{not json")),
                software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException.class, "Syntax errors in policy.");
    }

    @Test
    void tagsAreAddedAndRemoved() {
        KeyMetadata key = newKey("tags");
        kms.tagResource(r -> r.keyId(key.keyId()).tags(Tag.builder().tagKey("env").tagValue("test").build()));
        kms.untagResource(r -> r.keyId(key.arn()).tagKeys("team"));
        assertThat(kms.listResourceTags(r -> r.keyId(key.keyId())).tags())
                .containsExactly(Tag.builder().tagKey("env").tagValue("test").build());
    }

    @Test
    void eachRegionHasItsOwnKeysAndKeysSurviveARestart() throws Exception {
        KeyMetadata key = newKey("restart");
        SdkBytes blob = kms.encrypt(r -> r.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("kept")))
                .ciphertextBlob();
        try (KmsClient west = client(Region.EU_WEST_1)) {
            refused(() -> west.describeKey(r -> r.keyId(key.keyId())), NotFoundException.class, "does not exist");
            refused(() -> west.decrypt(r -> r.ciphertextBlob(blob)), InvalidCiphertextException.class, "");
        }
        server.close();
        server = GlauxServer.builder().dataFolder(data).start();
        kms.close();
        kms = client(Region.US_EAST_1);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("kept");
        assertThat(kms.describeKey(r -> r.keyId(key.arn())).keyMetadata()).isEqualTo(key);
    }
}
