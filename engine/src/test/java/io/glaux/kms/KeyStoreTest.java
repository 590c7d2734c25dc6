package io.glaux.kms;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyStoreTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";

    /** A clock a test moves forward. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path data;
    private final MovingClock clock = new MovingClock();
    private KeyStore keys;

    @BeforeEach
    void open() {
        keys = reopen();
    }

    private KeyStore reopen() {
        return new Kms(data, clock, false).store(ACCOUNT, REGION);
    }

    private static void refused(Runnable call, KmsException.Code code, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOf(KmsException.class)
                .satisfies(e -> assertThat(((KmsException) e).code()).isEqualTo(code))
                .hasMessageContaining(messagePart);
    }

    @Test
    void aNewKeyIsAnEnabledSymmetricCustomerKeyWithTheDefaultPolicy() {
        KmsKey key = keys.createKey("orders", null, Map.of("team", "data"));
        assertThat(key.keyId()).matches("[0-9a-f-]{36}");
        assertThat(key.arn()).isEqualTo("arn:aws:kms:eu-west-1:123456789012:key/" + key.keyId());
        assertThat(key.state()).isEqualTo(KeyState.Enabled);
        assertThat(key.keyManager()).isEqualTo(KeyManager.CUSTOMER);
        assertThat(key.creationDate()).isEqualTo(clock.now);
        assertThat(key.tags()).containsEntry("team", "data");
        assertThat(key.policy()).contains("Enable IAM User Permissions").contains("arn:aws:iam::123456789012:root");
        assertThat(keys.describeKey(key.arn())).isEqualTo(key);
        assertThat(keys.listKeys()).containsExactly(key);
    }

    @Test
    void aPolicyThatBreaksTheResourcePolicyGrammarIsMalformed() {
        refused(() -> keys.createKey("", "not json", null), KmsException.Code.MALFORMED_POLICY,
                "Syntax errors in policy.");
        refused(() -> keys.createKey("", "[1]", null), KmsException.Code.MALFORMED_POLICY, "");
        KmsKey key = keys.createKey("", null, null);
        refused(() -> keys.putKeyPolicy(key.keyId(), "default", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"),
                KmsException.Code.MALFORMED_POLICY, "");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        keys.putKeyPolicy(key.keyId(), "default", policy);
        assertThat(keys.keyPolicy(key.keyId(), null)).isEqualTo(policy);
        refused(() -> keys.keyPolicy(key.keyId(), "other"), KmsException.Code.NOT_FOUND, "'other'");
    }

    @Test
    void keysAreNamedByIdArnAliasOrAliasArnWhereAliasesAreAllowed() {
        KmsKey key = keys.createKey("", null, null);
        KmsAlias alias = keys.createAlias("alias/orders", key.keyId());
        assertThat(alias.arn()).isEqualTo("arn:aws:kms:eu-west-1:123456789012:alias/orders");
        assertThat(keys.describeKey("alias/orders")).isEqualTo(key);
        assertThat(keys.describeKey(alias.arn())).isEqualTo(key);
        refused(() -> keys.disableKey("alias/orders"), KmsException.Code.NOT_FOUND, "Invalid keyId 'alias/orders'");
        refused(() -> keys.describeKey("nonsense"), KmsException.Code.NOT_FOUND, "Invalid keyId 'nonsense'");
        refused(() -> keys.describeKey("alias/none"), KmsException.Code.NOT_FOUND,
                "Alias arn:aws:kms:eu-west-1:123456789012:alias/none is not found.");
        refused(() -> keys.describeKey("11111111-2222-3333-4444-555555555555"), KmsException.Code.NOT_FOUND,
                "Key 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555' does not exist");
        refused(() -> keys.describeKey(key.arn().replace("eu-west-1", "us-east-1")), KmsException.Code.NOT_FOUND,
                "does not exist");
    }

    @Test
    void aliasesAreCreatedUpdatedListedAndDeleted() {
        KmsKey first = keys.createKey("", null, null);
        KmsKey second = keys.createKey("", null, null);
        keys.createAlias("alias/b", first.keyId());
        keys.createAlias("alias/a", first.arn());
        refused(() -> keys.createAlias("alias/a", second.keyId()), KmsException.Code.ALREADY_EXISTS,
                "An alias with the name arn:aws:kms:eu-west-1:123456789012:alias/a already exists");
        refused(() -> keys.createAlias("orders", second.keyId()), KmsException.Code.INVALID_ALIAS_NAME, "alias/");
        refused(() -> keys.createAlias("alias/aws/mine", second.keyId()), KmsException.Code.INVALID_ALIAS_NAME,
                "reserved");
        clock.now = clock.now.plusSeconds(60);
        KmsAlias moved = keys.updateAlias("alias/a", second.keyId());
        assertThat(moved.targetKeyId()).isEqualTo(second.keyId());
        assertThat(moved.lastUpdatedDate()).isAfter(moved.creationDate());
        assertThat(keys.listAliases(null)).extracting(KmsAlias::name).containsExactly("alias/a", "alias/b");
        assertThat(keys.listAliases(first.keyId())).extracting(KmsAlias::name).containsExactly("alias/b");
        keys.deleteAlias("alias/b");
        refused(() -> keys.deleteAlias("alias/b"), KmsException.Code.NOT_FOUND, "alias/b is not found.");
        refused(() -> keys.updateAlias("alias/none", first.keyId()), KmsException.Code.NOT_FOUND, "is not found.");
        assertThat(keys.listAliases(first.keyId())).isEmpty();
    }

    @Test
    void anAwsManagedKeyIsCreatedOnFirstUseAndKeepsItsState() {
        KmsKey s3 = keys.awsManagedKey("s3");
        assertThat(s3.keyManager()).isEqualTo(KeyManager.AWS);
        assertThat(s3.policy()).contains("kms:ViaService").contains("s3.eu-west-1.amazonaws.com");
        assertThat(keys.describeKey("alias/aws/s3")).isEqualTo(s3);
        assertThat(keys.listAliases(s3.keyId())).extracting(KmsAlias::name).containsExactly("alias/aws/s3");
        refused(() -> keys.disableKey(s3.keyId()), KmsException.Code.UNSUPPORTED_OPERATION, "AWS managed");
        refused(() -> keys.describeKey("alias/aws/not-a-service"), KmsException.Code.NOT_FOUND, "is not found.");
        DataKey dataKey = keys.generateDataKey("alias/aws/s3", Map.of("aws:s3:arn", "arn:aws:s3:::b/k"),
                DataKeySpec.AES_256);
        assertThat(dataKey.keyArn()).isEqualTo(s3.arn());
    }

    @Test
    void encryptAndDecryptRoundTripWithTheContextAndNoKeyId() {
        KmsKey key = keys.createKey("", null, null);
        byte[] plaintext = "the secret".getBytes(StandardCharsets.UTF_8);
        Map<String, String> context = Map.of("purpose", "test", "table", "orders");
        Encrypted encrypted = keys.encrypt(key.keyId(), plaintext, context);
        assertThat(encrypted.keyArn()).isEqualTo(key.arn());
        assertThat(encrypted.ciphertextBlob()).isNotEqualTo(plaintext).hasSize(1 + 16 + 12 + plaintext.length + 16);
        Decrypted decrypted = keys.decrypt(encrypted.ciphertextBlob(), Map.of("table", "orders", "purpose", "test"));
        assertThat(decrypted.plaintext()).isEqualTo(plaintext);
        assertThat(decrypted.keyArn()).isEqualTo(key.arn());
        // Each encryption has its own IV.
        assertThat(keys.encrypt(key.keyId(), plaintext, context).ciphertextBlob())
                .isNotEqualTo(encrypted.ciphertextBlob());
    }

    @Test
    void anotherContextAnotherKeyOrAChangedBlobIsRefused() {
        KmsKey key = keys.createKey("", null, null);
        KmsKey other = keys.createKey("", null, null);
        byte[] blob = keys.encrypt(key.keyId(), new byte[] {1, 2, 3}, Map.of("a", "1")).ciphertextBlob();
        refused(() -> keys.decrypt(blob, Map.of("a", "2")), KmsException.Code.INVALID_CIPHERTEXT, "ciphertext");
        refused(() -> keys.decrypt(blob, Map.of()), KmsException.Code.INVALID_CIPHERTEXT, "ciphertext");
        refused(() -> keys.decrypt(blob, Map.of("a", "1"), other.keyId()), KmsException.Code.INCORRECT_KEY,
                "does not identify");
        for (int i = 0; i < blob.length; i++) {
            byte[] changed = blob.clone();
            changed[i] ^= 0x01;
            refused(() -> keys.decrypt(changed, Map.of("a", "1")), KmsException.Code.INVALID_CIPHERTEXT, "");
        }
        refused(() -> keys.decrypt(Arrays.copyOf(blob, 20), Map.of("a", "1")), KmsException.Code.INVALID_CIPHERTEXT,
                "");
        KeyStore elsewhere = new Kms(data, clock, false).store(ACCOUNT, "us-west-2");
        refused(() -> elsewhere.decrypt(blob, Map.of("a", "1")), KmsException.Code.INVALID_CIPHERTEXT, "");
    }

    @Test
    void dataKeysComeInPlaintextAndEncryptedUnderTheKey() {
        KmsKey key = keys.createKey("", null, null);
        keys.createAlias("alias/data", key.keyId());
        DataKey dataKey = keys.generateDataKey("alias/data", Map.of("k", "v"), DataKeySpec.AES_128);
        assertThat(dataKey.plaintext()).hasSize(16);
        assertThat(keys.decrypt(dataKey.ciphertextBlob(), Map.of("k", "v")).plaintext())
                .isEqualTo(dataKey.plaintext());
        assertThat(keys.generateDataKey(key.keyId(), null, 1024).plaintext()).hasSize(1024);
        ReEncrypted moved = keys.reEncrypt(dataKey.ciphertextBlob(), Map.of("k", "v"), null,
                keys.createKey("", null, null).keyId(), Map.of("x", "y"));
        assertThat(moved.sourceKeyArn()).isEqualTo(key.arn());
        assertThat(keys.decrypt(moved.ciphertextBlob(), Map.of("x", "y")).plaintext()).isEqualTo(dataKey.plaintext());
    }

    @Test
    void disabledAndPendingDeletionKeysRefuseUse() {
        KmsKey key = keys.createKey("", null, null);
        byte[] blob = keys.encrypt(key.keyId(), new byte[] {9}, null).ciphertextBlob();
        keys.disableKey(key.keyId());
        refused(() -> keys.encrypt(key.keyId(), new byte[] {1}, null), KmsException.Code.DISABLED,
                key.arn() + " is disabled.");
        refused(() -> keys.decrypt(blob, null), KmsException.Code.DISABLED, "is disabled.");
        keys.enableKey(key.keyId());
        KmsKey pending = keys.scheduleKeyDeletion(key.keyId(), 7);
        assertThat(pending.state()).isEqualTo(KeyState.PendingDeletion);
        assertThat(pending.deletionDate()).isEqualTo(clock.now.plus(Duration.ofDays(7)));
        refused(() -> keys.decrypt(blob, null), KmsException.Code.INVALID_STATE, key.arn() + " is pending deletion.");
        refused(() -> keys.enableKey(key.keyId()), KmsException.Code.INVALID_STATE, "is pending deletion.");
        refused(() -> keys.scheduleKeyDeletion(key.keyId(), 7), KmsException.Code.INVALID_STATE, "pending deletion");
        assertThat(keys.cancelKeyDeletion(key.keyId()).state()).isEqualTo(KeyState.Disabled);
        refused(() -> keys.cancelKeyDeletion(key.keyId()), KmsException.Code.INVALID_STATE, "not pending deletion");
        refused(() -> keys.scheduleKeyDeletion(key.keyId(), 6), KmsException.Code.VALIDATION,
                "Member must have value greater than or equal to 7");
        refused(() -> keys.scheduleKeyDeletion(key.keyId(), 31), KmsException.Code.VALIDATION,
                "less than or equal to 30");
    }

    @Test
    void aKeyIsDeletedWithItsAliasesAndGrantsWhenItsWindowEnds() throws IOException {
        KmsKey key = keys.createKey("", null, null);
        keys.createAlias("alias/gone", key.keyId());
        keys.createGrant(new GrantRequest(key.keyId(), "arn:aws:iam::123456789012:role/r", null,
                List.of("Decrypt"), null, null, null));
        keys.scheduleKeyDeletion(key.keyId(), null);
        clock.now = clock.now.plus(Duration.ofDays(30)).minusSeconds(1);
        assertThat(keys.describeKey(key.keyId()).state()).isEqualTo(KeyState.PendingDeletion);
        clock.now = clock.now.plusSeconds(1);
        refused(() -> keys.describeKey(key.keyId()), KmsException.Code.NOT_FOUND, "does not exist");
        assertThat(keys.listAliases(null)).isEmpty();
        assertThat(keys.listRetirableGrants("x")).isEmpty();
        try (Stream<Path> files = Files.walk(data.resolve(".glaux/kms"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(key.keyId()));
        }
    }

    @Test
    void grantsAreCreatedListedRetiredAndRevoked() {
        KmsKey key = keys.createKey("", null, null);
        GrantRequest request = new GrantRequest(key.arn(), "arn:aws:iam::123456789012:role/reader",
                "arn:aws:iam::123456789012:role/admin", List.of("Decrypt", "GenerateDataKey"),
                Map.of("bucket", "b"), null, "reader");
        KmsGrant grant = keys.createGrant(request);
        assertThat(grant.grantId()).matches("[0-9a-f]{64}");
        assertThat(grant.grantToken()).isNotBlank();
        assertThat(grant.issuingAccount()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(keys.createGrant(request)).isEqualTo(grant);
        KmsGrant second = keys.createGrant(new GrantRequest(key.keyId(), "arn:aws:iam::123456789012:role/other",
                null, List.of("Encrypt"), null, null, null));
        assertThat(keys.listGrants(key.keyId(), null, null)).containsExactly(grant, second);
        assertThat(keys.listGrants(key.keyId(), grant.grantId(), null)).containsExactly(grant);
        assertThat(keys.listGrants(key.keyId(), null, "arn:aws:iam::123456789012:role/other"))
                .containsExactly(second);
        assertThat(keys.listRetirableGrants("arn:aws:iam::123456789012:role/admin")).containsExactly(grant);
        keys.checkGrantTokens(List.of(grant.grantToken()));
        refused(() -> keys.checkGrantTokens(List.of("bogus")), KmsException.Code.INVALID_GRANT_TOKEN, "token");
        refused(() -> keys.createGrant(new GrantRequest(key.keyId(), "p", null, List.of("Fly"), null, null, null)),
                KmsException.Code.VALIDATION, "enum value set");
        keys.retireGrantByToken(grant.grantToken());
        refused(() -> keys.retireGrantByToken(grant.grantToken()), KmsException.Code.INVALID_GRANT_TOKEN, "token");
        refused(() -> keys.revokeGrant(key.keyId(), "nope"), KmsException.Code.INVALID_GRANT_ID, "nope");
        refused(() -> keys.revokeGrant(key.keyId(), grant.grantId()), KmsException.Code.NOT_FOUND, "not found");
        keys.revokeGrant(key.keyId(), second.grantId());
        assertThat(keys.listGrants(key.keyId(), null, null)).isEmpty();
    }

    @Test
    void tagsAreAddedReplacedAndRemoved() {
        KmsKey key = keys.createKey("", null, Map.of("a", "1"));
        keys.tagKey(key.keyId(), Map.of("a", "2", "b", "3"));
        assertThat(keys.tags(key.keyId())).containsOnly(Map.entry("a", "2"), Map.entry("b", "3"));
        keys.untagKey(key.arn(), List.of("a", "missing"));
        assertThat(keys.tags(key.keyId())).containsOnly(Map.entry("b", "3"));
        refused(() -> keys.tagKey(key.keyId(), Map.of("aws:x", "y")), KmsException.Code.TAG, "aws:");
    }

    @Test
    void everythingSurvivesAReopenAndOldCiphertextsStillDecrypt() {
        KmsKey key = keys.createKey("kept", null, Map.of("t", "v"));
        keys.createAlias("alias/kept", key.keyId());
        KmsGrant grant = keys.createGrant(new GrantRequest(key.keyId(), "arn:aws:iam::123456789012:role/r", null,
                List.of("Decrypt"), null, Map.of("x", "y"), "g"));
        keys.disableKey(key.keyId());
        keys.enableKey(key.keyId());
        byte[] blob = keys.encrypt("alias/kept", "persisted".getBytes(StandardCharsets.UTF_8), Map.of("c", "d"))
                .ciphertextBlob();
        KeyStore reopened = reopen();
        assertThat(reopened.describeKey(key.keyId())).isEqualTo(keys.describeKey(key.keyId()));
        assertThat(reopened.listAliases(null)).isEqualTo(keys.listAliases(null));
        assertThat(reopened.listGrants(key.keyId(), null, null)).containsExactly(grant);
        assertThat(new String(reopened.decrypt(blob, Map.of("c", "d")).plaintext(), StandardCharsets.UTF_8))
                .isEqualTo("persisted");
    }

    @Test
    void noFileOnDiskHoldsAPlaintextAndTheMetadataHoldsNoMaterial() throws IOException {
        KmsKey key = keys.createKey("", null, null);
        byte[] plaintext = "a plaintext that must never reach the disk".getBytes(StandardCharsets.UTF_8);
        keys.encrypt(key.keyId(), plaintext, null);
        DataKey dataKey = keys.generateDataKey(key.keyId(), null, DataKeySpec.AES_256);
        Path material = data.resolve(".glaux/kms/123456789012/eu-west-1/material/" + key.keyId() + ".key");
        byte[] materialBytes = Files.readAllBytes(material);
        assertThat(materialBytes).hasSize(32).isNotEqualTo(dataKey.plaintext());
        try (Stream<Path> files = Files.walk(data.resolve(".glaux/kms"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                assertThat(indexOf(content, plaintext)).as(file.toString()).isNegative();
                assertThat(indexOf(content, dataKey.plaintext())).as(file.toString()).isNegative();
                if (!file.equals(material)) {
                    assertThat(indexOf(content, materialBytes)).as(file.toString()).isNegative();
                    assertThat(new String(content, StandardCharsets.ISO_8859_1))
                            .doesNotContain(java.util.Base64.getEncoder().encodeToString(materialBytes));
                }
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
