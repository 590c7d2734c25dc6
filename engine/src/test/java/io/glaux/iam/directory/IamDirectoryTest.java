package io.glaux.iam.directory;

import io.glaux.iam.Principal;
import io.glaux.iam.SigningCredentials;
import io.glaux.iam.policy.MalformedPolicyDocumentException;
import io.glaux.iam.policy.SourcedPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IamDirectoryTest {

    static final String ALLOW_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"quicksight.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @TempDir
    Path folder;

    IamDirectory directory() {
        return IamDirectory.builder().accountId("123456789012").folder(folder).syncWrites(false).build();
    }

    @Test
    void usersGetAwsShapedIdsAndArns() {
        User user = directory().createUser("alice", "/bi/", List.of(new Tag("team", "bi")));
        assertThat(user.id()).matches("AIDA[A-Z2-7]{16}");
        assertThat(user.arn()).isEqualTo("arn:aws:iam::123456789012:user/bi/alice");
        assertThat(user.tags()).containsExactly(new Tag("team", "bi"));
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        IamDirectory directory = directory();
        directory.createUser("Alice", null, null);
        assertThatThrownBy(() -> directory.createUser("alice", null, null)).isInstanceOf(IamException.class)
                .hasMessage("User with name alice already exists.")
                .extracting(e -> ((IamException) e).code()).isEqualTo(IamException.Code.ENTITY_ALREADY_EXISTS);
    }

    @Test
    void aThirdAccessKeyExceedsTheLimit() {
        IamDirectory directory = directory();
        directory.createUser("bob", null, null);
        AccessKey key = directory.createAccessKey("bob");
        directory.createAccessKey("bob");
        assertThat(key.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThatThrownBy(() -> directory.createAccessKey("bob")).isInstanceOf(IamException.class)
                .extracting(e -> ((IamException) e).code()).isEqualTo(IamException.Code.LIMIT_EXCEEDED);
    }

    @Test
    void credentialStoreFindsRootUserKeysInactiveKeysAndSessions() {
        IamDirectory directory = directory();
        User bob = directory.createUser("bob", null, null);
        AccessKey key = directory.createAccessKey("bob");
        assertThat(directory.find("test")).get().extracting(SigningCredentials::principal)
                .isEqualTo(Principal.root("123456789012"));
        SigningCredentials found = directory.find(key.accessKeyId()).orElseThrow();
        assertThat(found.secretAccessKey()).isEqualTo(key.secretAccessKey());
        assertThat(found.principal().arn()).isEqualTo(bob.arn());
        assertThat(found.active()).isTrue();
        directory.updateAccessKey("bob", key.accessKeyId(), AccessKey.INACTIVE);
        assertThat(directory.find(key.accessKeyId()).orElseThrow().active()).isFalse();
        directory.deleteAccessKey("bob", key.accessKeyId());
        assertThat(directory.find(key.accessKeyId())).isEmpty();
        assertThat(directory.find("AKIANOSUCHKEY0000000")).isEmpty();
    }

    @Test
    void rootKeyIsConfigurable() {
        IamDirectory directory = IamDirectory.builder().rootAccessKey("AKIAROOTROOTROOT", "s3cr3t").build();
        assertThat(directory.find("AKIAROOTROOTROOT").orElseThrow().secretAccessKey()).isEqualTo("s3cr3t");
        assertThat(directory.find("test")).isEmpty();
    }

    @Test
    void sessionsExpire() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        IamDirectory directory = IamDirectory.builder().clock(clock).build();
        Role role = directory.createRole("reader", "/service-role/", TRUST, null, null, null);
        Session session = directory.assumeRole(role.arn(), "s1", Duration.ofMinutes(15), null);
        assertThat(session.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        SigningCredentials found = directory.find(session.accessKeyId()).orElseThrow();
        assertThat(found.sessionToken()).isEqualTo(session.sessionToken());
        assertThat(found.principal()).isEqualTo(Principal.assumedRole("000000000000", "/service-role/", "reader",
                role.id(), "s1").inSession(session.accessKeyId()));
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(directory.find(session.accessKeyId())).isEmpty();
    }

    @Test
    void identityPoliciesOfAUserIncludeItsGroupsPolicies() {
        IamDirectory directory = directory();
        User alice = directory.createUser("alice", null, null);
        Group group = directory.createGroup("analysts", null);
        ManagedPolicy own = directory.createPolicy("results-read", "/", ALLOW_S3, null);
        directory.addUserToGroup("analysts", "alice");
        directory.attachPolicy(EntityKind.USER, "alice", own.arn());
        directory.putInlinePolicy(EntityKind.USER, "alice", "mine", ALLOW_S3);
        directory.attachPolicy(EntityKind.GROUP, "analysts", "arn:aws:iam::aws:policy/AmazonAthenaFullAccess");
        directory.putInlinePolicy(EntityKind.GROUP, "analysts", "shared", ALLOW_S3);

        List<SourcedPolicy> policies = directory.identityPoliciesOf(directory.principalOf(alice));
        assertThat(policies).extracting(SourcedPolicy::source).containsExactly(
                "inline policy 'mine' of " + alice.arn(), own.arn(),
                "inline policy 'shared' of " + group.arn(), "arn:aws:iam::aws:policy/AmazonAthenaFullAccess");
        assertThat(policies.get(3).document().text()).contains("athena:*");
        assertThat(directory.identityPoliciesOf(Principal.root("000000000000"))).isEmpty();
    }

    @Test
    void identityPoliciesOfARoleSessionAreTheRoles() {
        IamDirectory directory = directory();
        Role role = directory.createRole("qs", "/service-role/", TRUST, "QuickSight", 7200, null);
        directory.attachPolicy(EntityKind.ROLE, "qs", "arn:aws:iam::aws:policy/service-role/AWSQuicksightAthenaAccess");
        directory.putInlinePolicy(EntityKind.ROLE, "qs", "results", ALLOW_S3);
        Session session = directory.assumeRole(role.arn(), "dash", Duration.ofHours(1), ALLOW_S3);
        assertThat(session.policy()).isEqualTo(ALLOW_S3);
        assertThat(directory.identityPoliciesOf(session.principal())).extracting(SourcedPolicy::source)
                .containsExactly("inline policy 'results' of " + role.arn(),
                        "arn:aws:iam::aws:policy/service-role/AWSQuicksightAthenaAccess");
    }

    @Test
    void policyVersionsAreLimitedToFiveAndTheDefaultCannotBeDeleted() {
        IamDirectory directory = directory();
        ManagedPolicy policy = directory.createPolicy("p", "/", ALLOW_S3, "d");
        assertThat(policy.arn()).isEqualTo("arn:aws:iam::123456789012:policy/p");
        assertThat(policy.id()).matches("ANPA[A-Z2-7]{16}");
        for (int i = 2; i <= 5; i++) {
            assertThat(directory.createPolicyVersion(policy.arn(), ALLOW_S3, i == 3).versionId()).isEqualTo("v" + i);
        }
        assertThat(directory.policy(policy.arn()).defaultVersionId()).isEqualTo("v3");
        assertThatThrownBy(() -> directory.createPolicyVersion(policy.arn(), ALLOW_S3, false))
                .extracting(e -> ((IamException) e).code()).isEqualTo(IamException.Code.LIMIT_EXCEEDED);
        assertThatThrownBy(() -> directory.deletePolicyVersion(policy.arn(), "v3"))
                .extracting(e -> ((IamException) e).code()).isEqualTo(IamException.Code.DELETE_CONFLICT);
        directory.deletePolicyVersion(policy.arn(), "v2");
        assertThat(directory.createPolicyVersion(policy.arn(), ALLOW_S3, false).versionId()).isEqualTo("v6");
    }

    @Test
    void attachedPoliciesAndKeysBlockDeletes() {
        IamDirectory directory = directory();
        directory.createUser("bob", null, null);
        ManagedPolicy policy = directory.createPolicy("p", null, ALLOW_S3, null);
        directory.attachPolicy(EntityKind.USER, "bob", policy.arn());
        assertThat(directory.policy(policy.arn()).attachmentCount()).isEqualTo(1);
        assertThatThrownBy(() -> directory.deletePolicy(policy.arn()))
                .extracting(e -> ((IamException) e).code()).isEqualTo(IamException.Code.DELETE_CONFLICT);
        assertThatThrownBy(() -> directory.deleteUser("bob")).hasMessageContaining("detach all policies");
        directory.detachPolicy(EntityKind.USER, "bob", policy.arn());
        directory.deleteUser("bob");
        directory.deletePolicy(policy.arn());
        assertThatThrownBy(() -> directory.user("bob")).hasMessage("The user with name bob cannot be found.");
    }

    @Test
    void malformedDocumentsAreRefused() {
        IamDirectory directory = directory();
        assertThatThrownBy(() -> directory.createPolicy("p", null, "{\"Version\":\"2012-10-17\"}", null))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        assertThatThrownBy(() -> directory.createRole("r", null, "not json", null, null, null))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        assertThat(directory.roles(null)).isEmpty();
    }

    @Test
    void awsManagedPoliciesCarryAwsDocumentsAndCannotBeChanged() {
        IamDirectory directory = directory();
        assertThat(directory.policies(PolicyScope.AWS, false, null)).extracting(ManagedPolicy::name)
                .contains("AdministratorAccess", "ReadOnlyAccess", "AmazonS3ReadOnlyAccess", "AmazonS3FullAccess",
                        "AmazonAthenaFullAccess", "AWSQuicksightAthenaAccess");
        assertThat(directory.defaultVersion("arn:aws:iam::aws:policy/AdministratorAccess").document())
                .contains("\"Action\":\"*\"");
        assertThat(directory.policy("arn:aws:iam::aws:policy/service-role/AWSQuicksightAthenaAccess").path())
                .isEqualTo("/service-role/");
        assertThatThrownBy(() -> directory.createPolicyVersion("arn:aws:iam::aws:policy/AdministratorAccess",
                ALLOW_S3, true)).extracting(e -> ((IamException) e).code())
                .isEqualTo(IamException.Code.UNMODIFIABLE_ENTITY);
        assertThat(directory.policies(PolicyScope.LOCAL, false, null)).isEmpty();
        assertThat(directory.policies(PolicyScope.ALL, true, null)).isEmpty();
    }

    @Test
    void everythingButSessionsSurvivesAReopen() {
        IamDirectory first = directory();
        User bob = first.createUser("bob", null, List.of(new Tag("k", "v")));
        AccessKey key = first.createAccessKey("bob");
        first.createGroup("g", "/x/");
        first.addUserToGroup("g", "bob");
        Role role = first.createRole("r", null, TRUST, "desc", 7200, List.of());
        ManagedPolicy policy = first.createPolicy("p", null, ALLOW_S3, null);
        first.createPolicyVersion(policy.arn(), ALLOW_S3, true);
        first.attachPolicy(EntityKind.ROLE, "r", policy.arn());
        first.putInlinePolicy(EntityKind.GROUP, "g", "inline", ALLOW_S3);
        Session session = first.assumeRole(role.arn(), "s", Duration.ofHours(1), null);

        IamDirectory second = directory();
        assertThat(second.user("bob")).isEqualTo(bob);
        assertThat(second.find(key.accessKeyId()).orElseThrow().secretAccessKey()).isEqualTo(key.secretAccessKey());
        assertThat(second.groupsForUser("bob")).extracting(Group::name).containsExactly("g");
        assertThat(second.role("r")).isEqualTo(role);
        assertThat(second.policy(policy.arn()).defaultVersionId()).isEqualTo("v2");
        assertThat(second.attachedPolicies(EntityKind.ROLE, "r")).containsExactly(new AttachedPolicy("p",
                policy.arn()));
        assertThat(second.inlinePolicy(EntityKind.GROUP, "g", "inline")).isEqualTo(ALLOW_S3);
        assertThat(second.find(session.accessKeyId())).isEmpty();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(IamDirectory.STATE_FILE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void changesMadeAtOnceAreSavedTogetherAfterTheLast() {
        IamDirectory directory = directory();

        Role role = directory.changeAtOnce(() -> {
            Role created = directory.createRole("r", null, TRUST, null, null, List.of());
            ManagedPolicy policy = directory.createPolicy("p", null, ALLOW_S3, null);
            directory.changeAtOnce(() -> {
                directory.attachPolicy(EntityKind.ROLE, "r", policy.arn());
                return null;
            });
            // Nothing of it is on disk yet, not even after the inner call.
            assertThat(folder.resolve(IamDirectory.STATE_FILE)).doesNotExist();
            return created;
        });

        IamDirectory reopened = directory();
        assertThat(reopened.role("r")).isEqualTo(role);
        assertThat(reopened.attachedPolicies(EntityKind.ROLE, "r")).extracting(AttachedPolicy::policyName)
                .containsExactly("p");
    }

    @Test
    void aFailureAmongChangesMadeAtOnceLeavesTheDirectoryAsItWas() {
        IamDirectory directory = directory();
        directory.createUser("before", null, List.of());

        assertThatThrownBy(() -> directory.changeAtOnce(() -> {
            directory.createRole("r", null, TRUST, null, null, List.of());
            return directory.createPolicy("bad", null, "{not a policy", null);
        })).isInstanceOf(MalformedPolicyDocumentException.class);

        assertThat(directory.roles(null)).isEmpty();
        IamDirectory reopened = directory();
        assertThat(reopened.roles(null)).isEmpty();
        assertThat(reopened.users(null)).extracting(User::name).containsExactly("before");
    }

    @Test
    void aFailureAmongChangesMadeAtOnceLeavesADirectoryInMemoryAsItWas() {
        IamDirectory directory = IamDirectory.builder().build();
        directory.createUser("before", null, List.of());

        assertThatThrownBy(() -> directory.changeAtOnce(() -> {
            directory.createUser("during", null, List.of());
            return directory.createPolicy("bad", null, "{not a policy", null);
        })).isInstanceOf(MalformedPolicyDocumentException.class);

        assertThat(directory.users(null)).extracting(User::name).containsExactly("before");
    }

    @Test
    void aSeedCreatesEverythingItDescribes() throws Exception {
        Path seed = folder.resolve("seed.json");
        Files.writeString(seed, """
                {
                  "policies": [{"name": "results-read", "document": {"Version": "2012-10-17",
                      "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}],
                  "groups": [{"name": "analysts", "attachedPolicies": ["results-read"]}],
                  "roles": [{"name": "quicksight", "path": "/service-role/", "maxSessionDuration": 7200,
                      "assumeRolePolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                        "Principal": {"Service": "quicksight.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                      "attachedPolicies": ["arn:aws:iam::aws:policy/service-role/AWSQuicksightAthenaAccess"],
                      "tags": {"owner": "bi"}}],
                  "users": [{"name": "alice", "groups": ["analysts"],
                      "accessKeys": [{"accessKeyId": "AKIAALICE0000000", "secretAccessKey": "alice-secret"}],
                      "inlinePolicies": {"own": "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Deny\\", \\"Action\\": \\"s3:DeleteObject\\", \\"Resource\\": \\"*\\"}]}"}}]
                }
                """);
        IamDirectory directory = IamDirectory.load(seed, "111122223333");
        SigningCredentials alice = directory.find("AKIAALICE0000000").orElseThrow();
        assertThat(alice.principal().arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(directory.identityPoliciesOf(alice.principal())).extracting(SourcedPolicy::source)
                .containsExactly("inline policy 'own' of arn:aws:iam::111122223333:user/alice",
                        "arn:aws:iam::111122223333:policy/results-read");
        assertThat(directory.role("quicksight").maxSessionDuration()).isEqualTo(7200);
        assertThat(directory.role("quicksight").tags()).containsExactly(new Tag("owner", "bi"));
    }

    @Test
    void aSeedWithAnErrorLeavesNothingBehind() {
        IamDirectory directory = directory();
        assertThatThrownBy(() -> directory.importSeed("""
                {"users": [{"name": "a"}, {"name": "b", "groups": ["missing"]}]}
                """)).hasMessage("The group with name missing cannot be found.");
        assertThat(directory.users(null)).isEmpty();
        assertThatThrownBy(() -> directory.importSeed("{\"user\": []}")).hasMessageContaining("Unknown member 'user'");
        assertThat(IamDirectory.builder().folder(folder).build().users(null)).isEmpty();
    }

    @Test
    void theBuilderSeedIsOnlyImportedOnTheFirstStart() throws Exception {
        Path seed = Files.writeString(folder.resolve("seed.json"), "{\"users\": [{\"name\": \"alice\"}]}");
        Path state = folder.resolve("state");
        IamDirectory first = IamDirectory.builder().folder(state).seed(seed).build();
        first.deleteUser("alice");
        IamDirectory second = IamDirectory.builder().folder(state).seed(seed).build();
        assertThat(second.users(null)).isEmpty();
    }

    @Test
    void listsFilterByPathPrefix() {
        IamDirectory directory = directory();
        directory.createUser("a", "/x/", null);
        directory.createUser("b", "/y/", null);
        assertThat(directory.users("/x/")).extracting(User::name).containsExactly("a");
        assertThat(directory.users(null)).extracting(User::name).containsExactly("a", "b");
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
