package io.glaux.kms.api;

import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.Principal;
import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.EntityKind;
import io.glaux.iam.directory.IamAuthorizer;
import io.glaux.iam.directory.Session;
import io.glaux.iam.policy.PolicyEvaluator;
import io.glaux.iam.policy.ResourcePolicies;
import io.glaux.kms.DataKey;
import io.glaux.kms.DataKeySpec;
import io.glaux.kms.KeyPolicyLookup;
import io.glaux.kms.KmsAccess;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * KMS with enforcement on, through the SDK's {@link KmsClient} signed as users and role sessions: key policies (naming
 * the caller, delegating to IAM through the account root, or neither), explicit denies, grants with and without
 * encryption context constraints, retiring and revoking them, KMS's condition keys, and {@code kms:ViaService} for
 * calls another Glaux service makes through {@link KmsAccess}.
 */
class KmsAuthorizationTest {

    static final String ACCOUNT = "000000000000";
    static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
    static final String ALLOW_ALL_KMS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

    @TempDir
    static Path data;
    static GlauxServer server;
    static KmsClient root;
    static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        root = client(AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY));
    }

    @AfterAll
    static void stop() {
        root.close();
        server.close();
    }

    static KmsClient client(AwsCredentials credentials) {
        return KmsClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    /** A new user with {@code identityPolicy} (none when null), and its ARN. */
    record Caller(String arn, KmsClient kms, Principal principal) {
    }

    static Caller user(String identityPolicy) {
        String name = "user" + NAMES.incrementAndGet();
        server.iam().createUser(name, null, null);
        if (identityPolicy != null) {
            server.iam().putInlinePolicy(EntityKind.USER, name, "kms", identityPolicy);
        }
        AccessKey key = server.iam().createAccessKey(name);
        return new Caller("arn:aws:iam::" + ACCOUNT + ":user/" + name,
                client(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())),
                server.iam().principalOf(server.iam().user(name)));
    }

    /** A new role with {@code identityPolicy} (none when null); returns a session of it. */
    static Caller roleSession(String roleName, String identityPolicy) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + ROOT + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        String arn = server.iam().createRole(roleName, null, trust, null, null, null).arn();
        if (identityPolicy != null) {
            server.iam().putInlinePolicy(EntityKind.ROLE, roleName, "kms", identityPolicy);
        }
        Session session = server.iam().assumeRole(arn, "s1", Duration.ofMinutes(15), null);
        return new Caller(arn, client(AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken())), session.principal());
    }

    /** A key policy of the given statements (JSON objects, comma-separated). */
    static String keyPolicy(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    static String allow(String principalArn, String actions) {
        return "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principalArn + "\"},\"Action\":" + actions
                + ",\"Resource\":\"*\"}";
    }

    static String rootDelegation() {
        return allow(ROOT, "\"kms:*\"");
    }

    static String key(String policy) {
        return root.createKey(r -> r.policy(policy)).keyMetadata().arn();
    }

    static SdkBytes encryptAsRoot(String keyArn, Map<String, String> context) {
        return root.encrypt(r -> r.keyId(keyArn).plaintext(bytes("secret")).encryptionContext(context))
                .ciphertextBlob();
    }

    static SdkBytes bytes(String text) {
        return SdkBytes.fromString(text, StandardCharsets.UTF_8);
    }

    /** Asserts KMS's refusal: 400 AccessDeniedException, AWS's sentence, then the fix. */
    static void assertDenied(Runnable call, String callerArn, String action, String resource, String because) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KmsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: " + callerArn
                    + " is not authorized to perform: " + action + " on resource: " + resource + " " + because
                    + ". To allow it: ");
        });
    }

    // ---- key policies -------------------------------------------------------------------------------------------

    @Test
    void aKeyPolicyNamingTheUserLetsItEncryptAndDecryptWithoutAnIdentityPolicy() {
        Caller bob = user(null);
        String keyArn = key(keyPolicy(rootDelegation() + "," + allow(bob.arn(),
                "[\"kms:Encrypt\",\"kms:Decrypt\"]")));
        SdkBytes blob = bob.kms().encrypt(r -> r.keyId(keyArn).plaintext(bytes("hello"))).ciphertextBlob();
        assertThat(bob.kms().decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("hello");
    }

    @Test
    void theRootDelegationLetsAnIdentityPolicyAllowTheKey() {
        Caller alice = user(ALLOW_ALL_KMS);
        String keyArn = key(keyPolicy(rootDelegation()));
        SdkBytes blob = alice.kms().encrypt(r -> r.keyId(keyArn).plaintext(bytes("x"))).ciphertextBlob();
        assertThat(alice.kms().decrypt(r -> r.ciphertextBlob(blob)).keyId()).isEqualTo(keyArn);
    }

    @Test
    void theRootDelegationWithoutAnIdentityPolicyRefusesTheUser() {
        Caller carol = user(null);
        String keyArn = key(keyPolicy(rootDelegation()));
        assertDenied(() -> carol.kms().encrypt(r -> r.keyId(keyArn).plaintext(bytes("x"))), carol.arn(),
                "kms:Encrypt", keyArn, "because no identity-based policy allows the kms:Encrypt action");
    }

    @Test
    void withoutTheRootDelegationAnIdentityPolicyAloneIsNotEnough() {
        Caller dave = user(ALLOW_ALL_KMS);
        Caller other = user(null);
        String keyArn = key(keyPolicy(allow(other.arn(), "\"kms:*\"")));
        SdkBytes blob = other.kms().encrypt(r -> r.keyId(keyArn).plaintext(bytes("x"))).ciphertextBlob();
        assertDenied(() -> dave.kms().decrypt(r -> r.ciphertextBlob(blob)), dave.arn(), "kms:Decrypt", keyArn,
                "because no resource-based policy allows the kms:Decrypt action");
        assertThatThrownBy(() -> dave.kms().decrypt(r -> r.ciphertextBlob(blob))).hasMessageContaining(
                "for " + dave.arn() + " or its account " + ROOT);
    }

    @Test
    void withoutTheRootDelegationEvenRootIsRefused() {
        Caller owner = user(null);
        String keyArn = key(keyPolicy(allow(owner.arn(), "\"kms:*\"")));
        assertDenied(() -> root.describeKey(r -> r.keyId(keyArn)), ROOT, "kms:DescribeKey", keyArn,
                "because no resource-based policy allows the kms:DescribeKey action");
        assertThat(owner.kms().describeKey(r -> r.keyId(keyArn)).keyMetadata().arn()).isEqualTo(keyArn);
    }

    @Test
    void anExplicitDenyInTheKeyPolicyBeatsAnIdentityPolicyAllow() {
        Caller eve = user(ALLOW_ALL_KMS);
        String keyArn = key(keyPolicy(rootDelegation() + ",{\"Sid\":\"NoDecrypt\",\"Effect\":\"Deny\","
                + "\"Principal\":{\"AWS\":\"" + eve.arn() + "\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}"));
        SdkBytes blob = eve.kms().encrypt(r -> r.keyId(keyArn).plaintext(bytes("x"))).ciphertextBlob();
        assertDenied(() -> eve.kms().decrypt(r -> r.ciphertextBlob(blob)), eve.arn(), "kms:Decrypt", keyArn,
                "with an explicit deny in a resource-based policy");
    }

    @Test
    void anAliasIsAuthorizedAsTheKeyItNames() {
        Caller frank = user(null);
        String keyArn = key(keyPolicy(rootDelegation() + "," + allow(frank.arn(), "\"kms:Encrypt\"")));
        String alias = "alias/frank-" + NAMES.incrementAndGet();
        root.createAlias(r -> r.aliasName(alias).targetKeyId(keyArn));
        assertThat(frank.kms().encrypt(r -> r.keyId(alias).plaintext(bytes("x"))).keyId()).isEqualTo(keyArn);
        Caller stranger = user(null);
        assertDenied(() -> stranger.kms().encrypt(r -> r.keyId(alias).plaintext(bytes("x"))), stranger.arn(),
                "kms:Encrypt", keyArn, "because no identity-based policy allows the kms:Encrypt action");
    }

    @Test
    void createAliasNeedsThePermissionOnTheAliasAndOnTheKey() {
        String alias = "alias/named-" + NAMES.incrementAndGet();
        String aliasArn = "arn:aws:kms:us-east-1:" + ACCOUNT + ":" + alias;
        Caller onlyAlias = user("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"kms:CreateAlias\",\"Resource\":\"" + aliasArn + "\"}]}");
        String keyArn = key(keyPolicy(rootDelegation()));
        assertDenied(() -> onlyAlias.kms().createAlias(r -> r.aliasName(alias).targetKeyId(keyArn)),
                onlyAlias.arn(), "kms:CreateAlias", keyArn,
                "because no identity-based policy allows the kms:CreateAlias action");
        Caller both = user("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"kms:CreateAlias\",\"Resource\":[\"" + aliasArn + "\",\"" + keyArn + "\"]}]}");
        both.kms().createAlias(r -> r.aliasName(alias).targetKeyId(keyArn));
        assertThat(root.listAliases(r -> r.keyId(keyArn)).aliases()).extracting(a -> a.aliasName())
                .containsExactly(alias);
    }

    @Test
    void createKeyAndListKeysAreAskedOnStar() {
        Caller grace = user(null);
        assertThatThrownBy(() -> grace.kms().createKey(r -> r.description("mine")))
                .isInstanceOf(KmsException.class).hasMessageStartingWith("User: " + grace.arn()
                        + " is not authorized to perform: kms:CreateKey because no identity-based policy allows the"
                        + " kms:CreateKey action");
        Caller creator = user("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"kms:CreateKey\",\"kms:ListKeys\"],\"Resource\":\"*\"}]}");
        String keyArn = creator.kms().createKey(r -> r.description("mine")).keyMetadata().arn();
        assertThat(creator.kms().listKeys().keys()).extracting(k -> k.keyArn()).contains(keyArn);
    }

    @Test
    void aKeyPolicyThatBreaksTheGrammarIsRefusedAsMalformed() {
        String keyArn = key(keyPolicy(rootDelegation()));
        String noPrincipal = keyPolicy("{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}");
        assertThatThrownBy(() -> root.putKeyPolicy(r -> r.keyId(keyArn).policyName("default").policy(noPrincipal)))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        assertThatThrownBy(() -> root.createKey(r -> r.policy("{\"Statement\":\"nope\"}")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    // ---- role sessions ------------------------------------------------------------------------------------------

    @Test
    void aKeyPolicyNamingARoleLetsItsSessionsIn() {
        Caller session = roleSession("key-user", null);
        String keyArn = key(keyPolicy(rootDelegation() + "," + allow(session.arn(), "\"kms:GenerateDataKey\"")));
        assertThat(session.kms().generateDataKey(r -> r.keyId(keyArn).numberOfBytes(32)).plaintext().asByteArray())
                .hasSize(32);
        Caller other = roleSession("not-key-user", null);
        assertDenied(() -> other.kms().generateDataKey(r -> r.keyId(keyArn).numberOfBytes(32)),
                other.principal().arn(), "kms:GenerateDataKey", keyArn,
                "because no identity-based policy allows the kms:GenerateDataKey action");
    }

    // ---- grants ---------------------------------------------------------------------------------------------------

    static String grant(String keyArn, String grantee, Consumer<software.amazon.awssdk.services.kms.model
            .CreateGrantRequest.Builder> more) {
        CreateGrantResponse created = root.createGrant(r -> {
            r.keyId(keyArn).granteePrincipal(grantee).operations(GrantOperation.DECRYPT);
            more.accept(r);
        });
        return created.grantId();
    }

    @Test
    void aGrantLetsItsGranteeDecryptWhereNoPolicyDoes() {
        Caller henry = user(null);
        String keyArn = key(keyPolicy(rootDelegation()));
        SdkBytes blob = encryptAsRoot(keyArn, Map.of());
        assertDenied(() -> henry.kms().decrypt(r -> r.ciphertextBlob(blob)), henry.arn(), "kms:Decrypt", keyArn,
                "because no identity-based policy allows the kms:Decrypt action");
        assertThatThrownBy(() -> henry.kms().decrypt(r -> r.ciphertextBlob(blob)))
                .hasMessageContaining("create a grant on " + keyArn + " for " + henry.arn());
        grant(keyArn, henry.arn(), r -> { });
        assertThat(henry.kms().decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("secret");
    }

    @Test
    void aGrantCoversOnlyItsOperations() {
        Caller ivy = user(null);
        String keyArn = key(keyPolicy(rootDelegation()));
        grant(keyArn, ivy.arn(), r -> { });
        assertDenied(() -> ivy.kms().encrypt(r -> r.keyId(keyArn).plaintext(bytes("x"))), ivy.arn(),
                "kms:Encrypt", keyArn, "because no identity-based policy allows the kms:Encrypt action");
    }

    @Test
    void aGrantWithAnEncryptionContextSubsetAllowsOnlyAMatchingContext() {
        Caller jack = user(null);
        String keyArn = key(keyPolicy(rootDelegation()));
        grant(keyArn, jack.arn(), r -> r.constraints(c -> c.encryptionContextSubset(Map.of("project", "glaux"))));
        SdkBytes matching = encryptAsRoot(keyArn, Map.of("project", "glaux", "stage", "test"));
        assertThat(jack.kms().decrypt(r -> r.ciphertextBlob(matching).encryptionContext(Map.of("project", "glaux",
                "stage", "test"))).plaintext().asUtf8String()).isEqualTo("secret");
        SdkBytes other = encryptAsRoot(keyArn, Map.of("project", "other"));
        assertDenied(() -> jack.kms().decrypt(r -> r.ciphertextBlob(other).encryptionContext(
                Map.of("project", "other"))), jack.arn(), "kms:Decrypt", keyArn,
                "because no identity-based policy allows the kms:Decrypt action");
    }

    @Test
    void aGrantWithEncryptionContextEqualsRefusesAnyOtherContext() {
        Caller kate = user(null);
        String keyArn = key(keyPolicy(rootDelegation()));
        grant(keyArn, kate.arn(), r -> r.constraints(c -> c.encryptionContextEquals(Map.of("project", "glaux"))));
        SdkBytes exact = encryptAsRoot(keyArn, Map.of("project", "glaux"));
        assertThat(kate.kms().decrypt(r -> r.ciphertextBlob(exact).encryptionContext(Map.of("project", "glaux")))
                .keyId()).isEqualTo(keyArn);
        SdkBytes more = encryptAsRoot(keyArn, Map.of("project", "glaux", "stage", "test"));
        assertDenied(() -> kate.kms().decrypt(r -> r.ciphertextBlob(more).encryptionContext(Map.of("project",
                "glaux", "stage", "test"))), kate.arn(), "kms:Decrypt", keyArn,
                "because no identity-based policy allows the kms:Decrypt action");
    }

    @Test
    void aGrantToARoleCoversItsSessions() {
        Caller session = roleSession("granted-role", null);
        String keyArn = key(keyPolicy(rootDelegation()));
        SdkBytes blob = encryptAsRoot(keyArn, Map.of());
        grant(keyArn, session.arn(), r -> { });
        assertThat(session.kms().decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String())
                .isEqualTo("secret");
    }

    @Test
    void anExplicitDenyBeatsAGrant() {
        Caller liam = user(null);
        String keyArn = key(keyPolicy(rootDelegation() + ",{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\""
                + liam.arn() + "\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}"));
        grant(keyArn, liam.arn(), r -> { });
        SdkBytes blob = encryptAsRoot(keyArn, Map.of());
        assertDenied(() -> liam.kms().decrypt(r -> r.ciphertextBlob(blob)), liam.arn(), "kms:Decrypt", keyArn,
                "with an explicit deny in a resource-based policy");
    }

    @Test
    void theRetiringPrincipalRetiresAGrantAndItsGranteeLosesAccess() {
        Caller mia = user(null);
        Caller retirer = user(null);
        Caller stranger = user(null);
        String keyArn = key(keyPolicy(rootDelegation()));
        SdkBytes blob = encryptAsRoot(keyArn, Map.of());
        String grantId = grant(keyArn, mia.arn(), r -> r.retiringPrincipal(retirer.arn()));
        assertThat(mia.kms().decrypt(r -> r.ciphertextBlob(blob)).keyId()).isEqualTo(keyArn);
        assertDenied(() -> stranger.kms().retireGrant(r -> r.keyId(keyArn).grantId(grantId)), stranger.arn(),
                "kms:RetireGrant", keyArn, "because no identity-based policy allows the kms:RetireGrant action");
        retirer.kms().retireGrant(r -> r.keyId(keyArn).grantId(grantId));
        assertDenied(() -> mia.kms().decrypt(r -> r.ciphertextBlob(blob)), mia.arn(), "kms:Decrypt", keyArn,
                "because no identity-based policy allows the kms:Decrypt action");
    }

    @Test
    void theGranteeMayRetireItsOwnGrant() {
        Caller noah = user(null);
        String keyArn = key(keyPolicy(rootDelegation()));
        String token = root.createGrant(r -> r.keyId(keyArn).granteePrincipal(noah.arn())
                .operations(GrantOperation.DECRYPT)).grantToken();
        noah.kms().retireGrant(r -> r.grantToken(token));
        assertThat(root.listGrants(r -> r.keyId(keyArn)).grants()).isEmpty();
    }

    @Test
    void revokingAGrantEndsTheGranteesAccess() {
        Caller olivia = user(null);
        String keyArn = key(keyPolicy(rootDelegation()));
        SdkBytes blob = encryptAsRoot(keyArn, Map.of());
        String grantId = grant(keyArn, olivia.arn(), r -> { });
        assertThat(olivia.kms().decrypt(r -> r.ciphertextBlob(blob)).keyId()).isEqualTo(keyArn);
        assertDenied(() -> olivia.kms().revokeGrant(r -> r.keyId(keyArn).grantId(grantId)), olivia.arn(),
                "kms:RevokeGrant", keyArn, "because no identity-based policy allows the kms:RevokeGrant action");
        root.revokeGrant(r -> r.keyId(keyArn).grantId(grantId));
        assertDenied(() -> olivia.kms().decrypt(r -> r.ciphertextBlob(blob)), olivia.arn(), "kms:Decrypt", keyArn,
                "because no identity-based policy allows the kms:Decrypt action");
    }

    @Test
    void kmsGrantOperationsLimitsWhichGrantsAUserMayCreate() {
        Caller paul = user("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"kms:CreateGrant\",\"Resource\":\"*\",\"Condition\":{\"ForAllValues:StringEquals\":"
                + "{\"kms:GrantOperations\":[\"Decrypt\"]}}}]}");
        Caller grantee = user(null);
        String keyArn = key(keyPolicy(rootDelegation()));
        assertThat(paul.kms().createGrant(r -> r.keyId(keyArn).granteePrincipal(grantee.arn())
                .operations(GrantOperation.DECRYPT)).grantId()).hasSize(64);
        assertDenied(() -> paul.kms().createGrant(r -> r.keyId(keyArn).granteePrincipal(grantee.arn())
                .operations(GrantOperation.DECRYPT, GrantOperation.ENCRYPT)), paul.arn(), "kms:CreateGrant",
                keyArn, "because no identity-based policy allows the kms:CreateGrant action");
    }

    // ---- condition keys -------------------------------------------------------------------------------------------

    @Test
    void kmsEncryptionContextConditionsInAKeyPolicyAreEnforced() {
        Caller quinn = user(null);
        String keyArn = key(keyPolicy(rootDelegation() + ",{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + quinn.arn() + "\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"kms:EncryptionContext:project\":\"glaux\"}}}"));
        SdkBytes good = encryptAsRoot(keyArn, Map.of("project", "glaux"));
        assertThat(quinn.kms().decrypt(r -> r.ciphertextBlob(good).encryptionContext(Map.of("project", "glaux")))
                .keyId()).isEqualTo(keyArn);
        SdkBytes bad = encryptAsRoot(keyArn, Map.of("project", "other"));
        assertDenied(() -> quinn.kms().decrypt(r -> r.ciphertextBlob(bad).encryptionContext(Map.of("project",
                "other"))), quinn.arn(), "kms:Decrypt", keyArn,
                "because no identity-based policy allows the kms:Decrypt action");
    }

    @Test
    void kmsCallerAccountConditionsMatchTheCallersAccount() {
        Caller rosa = user(null);
        String keyArn = key(keyPolicy(rootDelegation() + ",{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":\"kms:Encrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"kms:CallerAccount\":\"" + ACCOUNT + "\"}}}"));
        assertThat(rosa.kms().encrypt(r -> r.keyId(keyArn).plaintext(bytes("x"))).keyId()).isEqualTo(keyArn);
    }

    /** What another Glaux service (S3's SSE-KMS) uses: the server's rules, asked "via" that service. */
    static KmsAccess serviceAccess() {
        return new KmsAccess(server.kms(), new IamAuthorizer(server.iam(), ResourcePolicies.byService(
                Map.of("kms", new KeyPolicyLookup(server.kms()))), new PolicyEvaluator(Clock.systemUTC())));
    }

    @Test
    void kmsViaServiceInAKeyPolicyAllowsOnlyCallsThroughThatService() {
        Caller sam = user(null);
        String keyArn = key(keyPolicy(rootDelegation() + ",{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + sam.arn() + "\"},\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey\"],\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"}}}"));
        KmsAccess access = serviceAccess();
        Map<String, String> context = Map.of("aws:s3:arn", "arn:aws:s3:::bucket/key");
        DataKey dataKey = access.generateDataKey(sam.principal(), "us-east-1", keyArn, context,
                DataKeySpec.AES_256, "s3");
        assertThat(access.decrypt(sam.principal(), "us-east-1", dataKey.ciphertextBlob(), context, "s3").plaintext())
                .isEqualTo(dataKey.plaintext());
        assertThatThrownBy(() -> access.decrypt(sam.principal(), "us-east-1", dataKey.ciphertextBlob(), context,
                "athena")).isInstanceOf(AccessDeniedException.class).hasMessage("User: " + sam.arn()
                + " is not authorized to perform: kms:Decrypt on resource: " + keyArn
                + " because no identity-based policy allows the kms:Decrypt action");
        assertDenied(() -> sam.kms().decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(dataKey.ciphertextBlob()))
                .encryptionContext(context)), sam.arn(), "kms:Decrypt", keyArn,
                "because no identity-based policy allows the kms:Decrypt action");
    }

    @Test
    void anAwsManagedKeyIsUsableThroughItsServiceAndNotDirectly() {
        Caller tina = user(null);
        KmsAccess access = serviceAccess();
        Map<String, String> context = Map.of("aws:s3:arn", "arn:aws:s3:::bucket/managed");
        DataKey dataKey = access.generateDataKey(tina.principal(), "us-east-1", "alias/aws/s3", context,
                DataKeySpec.AES_256, "s3");
        assertThat(access.decrypt(tina.principal(), "us-east-1", dataKey.ciphertextBlob(), context, "s3")
                .plaintext()).isEqualTo(dataKey.plaintext());
        assertDenied(() -> tina.kms().decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(
                dataKey.ciphertextBlob())).encryptionContext(context)), tina.arn(), "kms:Decrypt",
                dataKey.keyArn(), "because no resource-based policy allows the kms:Decrypt action");
        assertThat(root.describeKey(r -> r.keyId("alias/aws/s3")).keyMetadata().arn()).isEqualTo(dataKey.keyArn());
    }

    @Test
    void withEnforcementOffNothingIsRefused(@TempDir Path otherData) throws Exception {
        try (GlauxServer open = GlauxServer.builder().dataFolder(otherData).syncWrites(false).start()) {
            open.iam().createUser("nobody", null, null);
            AccessKey key = open.iam().createAccessKey("nobody");
            try (KmsClient nobody = KmsClient.builder().endpointOverride(URI.create(open.endpoint()))
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build()) {
                String keyArn = nobody.createKey(r -> r.policy(keyPolicy(allow("arn:aws:iam::" + ACCOUNT
                        + ":user/someone-else", "\"kms:*\"")))).keyMetadata().arn();
                SdkBytes blob = nobody.encrypt(r -> r.keyId(keyArn).plaintext(bytes("x"))).ciphertextBlob();
                assertThat(nobody.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("x");
            }
        }
    }
}
