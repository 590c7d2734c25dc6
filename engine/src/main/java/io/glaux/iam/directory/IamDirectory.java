package io.glaux.iam.directory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.glaux.iam.CredentialStore;
import io.glaux.iam.Principal;
import io.glaux.iam.SigningCredentials;
import io.glaux.iam.directory.DirectoryState.Policies;
import io.glaux.iam.directory.DirectoryState.StoredGroup;
import io.glaux.iam.directory.DirectoryState.StoredPolicy;
import io.glaux.iam.directory.DirectoryState.StoredRole;
import io.glaux.iam.directory.DirectoryState.StoredUser;
import io.glaux.iam.policy.PolicyDocument;
import io.glaux.iam.policy.PolicySet;
import io.glaux.iam.policy.SourcedPolicy;
import io.glaux.persist.JsonFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * IAM as data: the account's users (with their access keys), groups, roles, customer managed policies (with up to
 * five versions), the AWS managed policies Glaux knows, attachments and inline policies, and the sessions STS hands
 * out. It is the server's {@link CredentialStore} (users' keys, the root key, unexpired sessions) and answers which
 * policies apply to a principal ({@link #identityPoliciesOf}; with the permissions boundary and a role session's
 * session policies, {@link #policySetOf}).
 *
 * <p>Thread-safe: every operation holds the directory's lock. Everything but the sessions is kept in one JSON file
 * under its folder, replaced atomically after each change, so a crash leaves the state before or after a change,
 * never half of one. Refusals are {@link IamException}s in IAM's words; documents that are not policies are the
 * policy language's {@code MalformedPolicyDocumentException}.
 */
public final class IamDirectory implements CredentialStore {

    /** The root key's id and secret unless configured otherwise (what the SDK examples use). */
    public static final String DEFAULT_ROOT_ACCESS_KEY_ID = "test";
    public static final String DEFAULT_ROOT_SECRET_ACCESS_KEY = "test";
    /** The state file in the directory's folder. */
    public static final String STATE_FILE = "directory.json";

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
    private static final int MAX_ACCESS_KEYS = 2;
    private static final int MAX_POLICY_VERSIONS = 5;
    private static final int MAX_ATTACHED_POLICIES = 10;
    private static final int MAX_TAGS = 50;

    private final String accountId;
    private final Path folder;
    private final boolean syncWrites;
    private final Clock clock;
    private final SigningCredentials rootKey;
    private final IamIds ids = new IamIds();
    private final AwsManagedPolicies awsPolicies = new AwsManagedPolicies();
    private final JsonFiles files = new JsonFiles();
    private final ObjectMapper copier = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, PolicyDocument> parsed = new ConcurrentHashMap<>();
    private DirectoryState state;
    /** Inside {@link #changeAtOnce}: the changes are saved together when it ends. */
    private boolean changingAtOnce;

    private IamDirectory(Builder builder) {
        this.accountId = builder.accountId;
        this.folder = builder.folder;
        this.syncWrites = builder.syncWrites;
        this.clock = builder.clock;
        this.rootKey = new SigningCredentials(builder.rootAccessKeyId, builder.rootSecretAccessKey, null, null, true,
                Principal.root(accountId));
        this.state = folder == null ? new DirectoryState() : savedState();
    }

    /** The state last saved in the folder: an empty directory before the first save. */
    private DirectoryState savedState() {
        Path file = folder.resolve(STATE_FILE);
        return Files.exists(file) ? files.read(file, DirectoryState.class) : new DirectoryState();
    }

    /** Options for a directory. */
    public static Builder builder() {
        return new Builder();
    }

    /** An in-memory directory of {@code accountId} holding what the seed file describes (see {@code docs/iam.md}). */
    public static IamDirectory load(Path seedFile, String accountId) {
        IamDirectory directory = builder().accountId(accountId).build();
        directory.importSeed(seedFile);
        return directory;
    }

    /** The 12-digit account the directory is for. */
    public String accountId() {
        return accountId;
    }

    /** The account root's access key (always present). */
    public SigningCredentials rootCredentials() {
        return rootKey;
    }

    // ---------------------------------------------------------------- users

    public synchronized User createUser(String name, String path, List<Tag> tags) {
        return createUser(name, path, tags, null);
    }

    /** A new user whose permissions boundary is the managed policy {@code permissionsBoundary} (null: none). */
    public synchronized User createUser(String name, String path, List<Tag> tags, String permissionsBoundary) {
        checkName(name, 64);
        String userPath = pathOr(path);
        if (state.users.containsKey(DirectoryState.key(name))) {
            throw IamException.exists("User with name " + name + " already exists.");
        }
        checkBoundary(permissionsBoundary);
        StoredUser stored = new StoredUser();
        stored.user = new User(name, userPath, ids.id("AIDA"), arn("user", userPath, name), now(),
                checkTags(tags), permissionsBoundary);
        state.users.put(DirectoryState.key(name), stored);
        save();
        return stored.user;
    }

    /** The user called {@code name}, or NoSuchEntity. */
    public synchronized User user(String name) {
        return storedUser(name).user;
    }

    public synchronized Optional<User> findUser(String name) {
        StoredUser stored = name == null ? null : state.users.get(DirectoryState.key(name));
        return Optional.ofNullable(stored).map(s -> s.user);
    }

    /** The users whose path starts with {@code pathPrefix} (all for null), by name. */
    public synchronized List<User> users(String pathPrefix) {
        return state.users.values().stream().map(s -> s.user).filter(u -> underPath(u.path(), pathPrefix)).toList();
    }

    /** Renames a user or moves it to another path (UpdateUser); null keeps the old value. */
    public synchronized User updateUser(String name, String newName, String newPath) {
        StoredUser stored = storedUser(name);
        String targetName = newName == null ? stored.user.name() : newName;
        String targetPath = newPath == null ? stored.user.path() : pathOr(newPath);
        checkName(targetName, 64);
        String oldKey = DirectoryState.key(stored.user.name());
        String newKey = DirectoryState.key(targetName);
        if (!newKey.equals(oldKey) && state.users.containsKey(newKey)) {
            throw IamException.exists("User with name " + targetName + " already exists.");
        }
        stored.user = stored.user.renamed(targetName, targetPath, arn("user", targetPath, targetName));
        stored.accessKeys.replaceAll(key -> key.ofUser(targetName));
        state.users.remove(oldKey);
        state.users.put(newKey, stored);
        save();
        return stored.user;
    }

    /** Deletes a user that has no access keys, policies or group memberships left (else DeleteConflict). */
    public synchronized void deleteUser(String name) {
        StoredUser stored = storedUser(name);
        if (!stored.accessKeys.isEmpty()) {
            throw IamException.conflict("Cannot delete entity, must delete access keys first.");
        }
        if (!stored.inlinePolicies.isEmpty()) {
            throw IamException.conflict("Cannot delete entity, must delete policies first.");
        }
        if (!stored.attachedPolicies.isEmpty()) {
            throw IamException.conflict("Cannot delete entity, must detach all policies first.");
        }
        if (!stored.groups.isEmpty()) {
            throw IamException.conflict("Cannot delete entity, must remove user from all groups first.");
        }
        state.users.remove(DirectoryState.key(name));
        save();
    }

    public synchronized User tagUser(String name, List<Tag> tags) {
        StoredUser stored = storedUser(name);
        stored.user = stored.user.withTags(mergeTags(stored.user.tags(), tags));
        save();
        return stored.user;
    }

    public synchronized User untagUser(String name, Collection<String> keys) {
        StoredUser stored = storedUser(name);
        stored.user = stored.user.withTags(removeTags(stored.user.tags(), keys));
        save();
        return stored.user;
    }

    // ---------------------------------------------------------------- access keys

    /** A new Active key of the user, with a fresh secret (at most two per user: LimitExceeded). */
    public synchronized AccessKey createAccessKey(String userName) {
        return addAccessKey(userName, ids.id("AKIA"), ids.secret(), AccessKey.ACTIVE);
    }

    /** Gives the user a key with this id and secret (a seed's keys); the id must be unused. */
    public synchronized AccessKey addAccessKey(String userName, String accessKeyId, String secretAccessKey,
            String status) {
        StoredUser stored = storedUser(userName);
        if (stored.accessKeys.size() >= MAX_ACCESS_KEYS) {
            throw IamException.limit("Cannot exceed quota for AccessKeysPerUser: " + MAX_ACCESS_KEYS);
        }
        if (accessKeyId == null || !accessKeyId.matches("\\w{16,128}") || secretAccessKey == null
                || secretAccessKey.isEmpty()) {
            throw IamException.invalid("An access key id is 16 to 128 word characters and has a secret: "
                    + accessKeyId);
        }
        if (accessKeyId.equals(rootKey.accessKeyId()) || keyOwner(accessKeyId).isPresent()) {
            throw IamException.exists("The access key " + accessKeyId + " already exists.");
        }
        AccessKey key = new AccessKey(stored.user.name(), accessKeyId, secretAccessKey, checkStatus(status), now());
        stored.accessKeys.add(key);
        save();
        return key;
    }

    public synchronized List<AccessKey> accessKeys(String userName) {
        return List.copyOf(storedUser(userName).accessKeys);
    }

    /** Sets a key Active or Inactive. */
    public synchronized AccessKey updateAccessKey(String userName, String accessKeyId, String status) {
        StoredUser stored = storedUser(userName);
        int index = keyIndex(stored, accessKeyId);
        AccessKey key = stored.accessKeys.get(index).withStatus(checkStatus(status));
        stored.accessKeys.set(index, key);
        save();
        return key;
    }

    public synchronized void deleteAccessKey(String userName, String accessKeyId) {
        StoredUser stored = storedUser(userName);
        stored.accessKeys.remove(keyIndex(stored, accessKeyId));
        save();
    }

    /** The user owning {@code accessKeyId} (UpdateAccessKey and DeleteAccessKey without a UserName). */
    public synchronized Optional<User> keyOwner(String accessKeyId) {
        return state.users.values().stream()
                .filter(s -> s.accessKeys.stream().anyMatch(k -> k.accessKeyId().equals(accessKeyId)))
                .map(s -> s.user).findFirst();
    }

    // ---------------------------------------------------------------- groups

    public synchronized Group createGroup(String name, String path) {
        checkName(name, 128);
        String groupPath = pathOr(path);
        if (state.groups.containsKey(DirectoryState.key(name))) {
            throw IamException.exists("Group with name " + name + " already exists.");
        }
        StoredGroup stored = new StoredGroup();
        stored.group = new Group(name, groupPath, ids.id("AGPA"), arn("group", groupPath, name), now());
        state.groups.put(DirectoryState.key(name), stored);
        save();
        return stored.group;
    }

    public synchronized Group group(String name) {
        return storedGroup(name).group;
    }

    public synchronized List<Group> groups(String pathPrefix) {
        return state.groups.values().stream().map(s -> s.group).filter(g -> underPath(g.path(), pathPrefix))
                .toList();
    }

    /** The group's users, by name. */
    public synchronized List<User> usersInGroup(String groupName) {
        String key = DirectoryState.key(storedGroup(groupName).group.name());
        return state.users.values().stream().filter(u -> u.groups.contains(key)).map(u -> u.user).toList();
    }

    /** The groups the user is in, by name. */
    public synchronized List<Group> groupsForUser(String userName) {
        return storedUser(userName).groups.stream().sorted().map(key -> state.groups.get(key).group).toList();
    }

    public synchronized void addUserToGroup(String groupName, String userName) {
        StoredGroup group = storedGroup(groupName);
        StoredUser user = storedUser(userName);
        String key = DirectoryState.key(group.group.name());
        if (!user.groups.contains(key)) {
            user.groups.add(key);
            save();
        }
    }

    public synchronized void removeUserFromGroup(String groupName, String userName) {
        StoredGroup group = storedGroup(groupName);
        StoredUser user = storedUser(userName);
        if (!user.groups.remove(DirectoryState.key(group.group.name()))) {
            throw IamException.noSuch("User " + user.user.name() + " is not in group " + group.group.name() + ".");
        }
        save();
    }

    /** Deletes a group without users or policies (else DeleteConflict). */
    public synchronized void deleteGroup(String name) {
        StoredGroup stored = storedGroup(name);
        String key = DirectoryState.key(stored.group.name());
        if (state.users.values().stream().anyMatch(u -> u.groups.contains(key))) {
            throw IamException.conflict("Cannot delete entity, must remove users from group first.");
        }
        requireNoPolicies(stored);
        state.groups.remove(key);
        save();
    }

    // ---------------------------------------------------------------- roles

    /**
     * A new role trusting whom {@code trustPolicy} names; {@code maxSessionDuration} null is the default hour.
     */
    public synchronized Role createRole(String name, String path, String trustPolicy, String description,
            Integer maxSessionDuration, List<Tag> tags) {
        return createRole(name, path, trustPolicy, description, maxSessionDuration, tags, null);
    }

    /** As {@link #createRole(String, String, String, String, Integer, List)}, with a permissions boundary. */
    public synchronized Role createRole(String name, String path, String trustPolicy, String description,
            Integer maxSessionDuration, List<Tag> tags, String permissionsBoundary) {
        checkName(name, 64);
        String rolePath = pathOr(path);
        if (state.roles.containsKey(DirectoryState.key(name))) {
            throw IamException.exists("Role with name " + name + " already exists.");
        }
        PolicyDocument trust = parse(trustPolicy, PolicyDocument.Kind.TRUST);
        checkBoundary(permissionsBoundary);
        StoredRole stored = new StoredRole();
        stored.role = new Role(name, rolePath, ids.id("AROA"), arn("role", rolePath, name), trust.text(),
                description, checkSessionDuration(maxSessionDuration), now(), checkTags(tags), permissionsBoundary);
        state.roles.put(DirectoryState.key(name), stored);
        save();
        return stored.role;
    }

    public synchronized Role role(String name) {
        return storedRole(name).role;
    }

    /** The role whose ARN is {@code roleArn}, if any. */
    public synchronized Optional<Role> roleByArn(String roleArn) {
        return Optional.ofNullable(storedRoleByArn(roleArn)).map(s -> s.role);
    }

    public synchronized List<Role> roles(String pathPrefix) {
        return state.roles.values().stream().map(s -> s.role).filter(r -> underPath(r.path(), pathPrefix)).toList();
    }

    public synchronized Role updateAssumeRolePolicy(String name, String trustPolicy) {
        StoredRole stored = storedRole(name);
        stored.role = stored.role.withTrustPolicy(parse(trustPolicy, PolicyDocument.Kind.TRUST).text());
        save();
        return stored.role;
    }

    /** Changes a role's description and longest session (UpdateRole); null keeps the old value. */
    public synchronized Role updateRole(String name, String description, Integer maxSessionDuration) {
        StoredRole stored = storedRole(name);
        stored.role = stored.role.withSettings(description == null ? stored.role.description() : description,
                maxSessionDuration == null ? stored.role.maxSessionDuration()
                        : checkSessionDuration(maxSessionDuration));
        save();
        return stored.role;
    }

    public synchronized void deleteRole(String name) {
        StoredRole stored = storedRole(name);
        requireNoPolicies(stored);
        state.roles.remove(DirectoryState.key(stored.role.name()));
        save();
    }

    public synchronized Role tagRole(String name, List<Tag> tags) {
        StoredRole stored = storedRole(name);
        stored.role = stored.role.withTags(mergeTags(stored.role.tags(), tags));
        save();
        return stored.role;
    }

    public synchronized Role untagRole(String name, Collection<String> keys) {
        StoredRole stored = storedRole(name);
        stored.role = stored.role.withTags(removeTags(stored.role.tags(), keys));
        save();
        return stored.role;
    }

    // ---------------------------------------------------------------- managed policies

    /** A customer managed policy whose v1 is {@code document}. */
    public synchronized ManagedPolicy createPolicy(String name, String path, String document, String description) {
        checkName(name, 128);
        String policyPath = pathOr(path);
        String key = DirectoryState.key(name);
        if (state.policies.values().stream().anyMatch(p -> DirectoryState.key(p.policy.name()).equals(key))) {
            throw IamException.exists("A policy called " + name + " already exists. Duplicate names are not allowed.");
        }
        PolicyDocument parsedDocument = parse(document, PolicyDocument.Kind.IDENTITY);
        Instant now = now();
        StoredPolicy stored = new StoredPolicy();
        stored.policy = new ManagedPolicy(name, policyPath, ids.id("ANPA"), arn("policy", policyPath, name),
                description, "v1", 0, now, now, false, 0);
        stored.versions.add(new PolicyVersion("v1", parsedDocument.text(), true, now));
        state.policies.put(stored.policy.arn(), stored);
        save();
        return stored.policy;
    }

    /** The managed policy {@code policyArn} (customer or AWS managed), with its attachment count. */
    public synchronized ManagedPolicy policy(String policyArn) {
        StoredPolicy stored = state.policies.get(policyArn);
        if (stored != null) {
            return stored.policy.withUsage(attachmentCount(policyArn), boundaryCount(policyArn));
        }
        AwsManagedPolicies.Entry aws = awsPolicies.get(policyArn);
        if (aws == null) {
            throw IamException.noSuch("Policy " + policyArn + " was not found.");
        }
        return aws.policy().withUsage(attachmentCount(policyArn), boundaryCount(policyArn));
    }

    /**
     * The managed policies of {@code scope} (AWS managed first, then the account's, each by name), only those
     * attached to something when {@code onlyAttached}, under {@code pathPrefix} (all for null).
     */
    public synchronized List<ManagedPolicy> policies(PolicyScope scope, boolean onlyAttached, String pathPrefix) {
        List<ManagedPolicy> all = new ArrayList<>();
        if (scope != PolicyScope.LOCAL) {
            awsPolicies.all().keySet().forEach(arn -> all.add(policy(arn)));
        }
        if (scope != PolicyScope.AWS) {
            state.policies.keySet().forEach(arn -> all.add(policy(arn)));
        }
        return all.stream().filter(p -> !onlyAttached || p.attachmentCount() > 0)
                .filter(p -> underPath(p.path(), pathPrefix))
                .sorted(Comparator.comparing(ManagedPolicy::awsManaged).reversed()
                        .thenComparing(ManagedPolicy::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public synchronized List<PolicyVersion> policyVersions(String policyArn) {
        StoredPolicy stored = state.policies.get(policyArn);
        if (stored != null) {
            return List.copyOf(stored.versions);
        }
        policy(policyArn);
        return List.of(awsPolicies.get(policyArn).version());
    }

    public synchronized PolicyVersion policyVersion(String policyArn, String versionId) {
        return policyVersions(policyArn).stream().filter(v -> v.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> IamException.noSuch("Policy " + policyArn + " version " + versionId
                        + " does not exist or is not attachable."));
    }

    /** The document of the policy's default version. */
    public synchronized PolicyVersion defaultVersion(String policyArn) {
        return policyVersions(policyArn).stream().filter(PolicyVersion::isDefaultVersion).findFirst().orElseThrow();
    }

    /** Adds a version (at most five: LimitExceeded), the default one when {@code setAsDefault}. */
    public synchronized PolicyVersion createPolicyVersion(String policyArn, String document, boolean setAsDefault) {
        StoredPolicy stored = customerPolicy(policyArn);
        if (stored.versions.size() >= MAX_POLICY_VERSIONS) {
            throw IamException.limit("A managed policy can have up to " + MAX_POLICY_VERSIONS + " versions. Before "
                    + "you create a new version, you must delete an existing version.");
        }
        String text = parse(document, PolicyDocument.Kind.IDENTITY).text();
        Instant now = now();
        PolicyVersion version = new PolicyVersion("v" + stored.nextVersion++, text, setAsDefault, now);
        stored.versions.add(version);
        if (setAsDefault) {
            makeDefault(stored, version.versionId(), now);
        }
        save();
        return version;
    }

    public synchronized void setDefaultPolicyVersion(String policyArn, String versionId) {
        StoredPolicy stored = customerPolicy(policyArn);
        policyVersion(policyArn, versionId);
        makeDefault(stored, versionId, now());
        save();
    }

    /** Deletes a version other than the default one (DeleteConflict). */
    public synchronized void deletePolicyVersion(String policyArn, String versionId) {
        StoredPolicy stored = customerPolicy(policyArn);
        PolicyVersion version = policyVersion(policyArn, versionId);
        if (version.isDefaultVersion()) {
            throw IamException.conflict("Cannot delete the default version of a policy.");
        }
        stored.versions.remove(version);
        save();
    }

    /** Deletes a customer managed policy attached to nothing and left with its default version only. */
    public synchronized void deletePolicy(String policyArn) {
        StoredPolicy stored = customerPolicy(policyArn);
        if (attachmentCount(policyArn) > 0) {
            throw IamException.conflict("Cannot delete a policy attached to entities.");
        }
        if (boundaryCount(policyArn) > 0) {
            throw IamException.conflict("Cannot delete a policy used as a permissions boundary of entities.");
        }
        if (stored.versions.size() > 1) {
            throw IamException.conflict("This policy has more than one version. Before you delete a policy, you "
                    + "must delete the policy's versions. The default version is deleted with the policy.");
        }
        state.policies.remove(policyArn);
        save();
    }

    /** The users, groups and roles the policy is attached to. */
    public synchronized PolicyEntities entitiesForPolicy(String policyArn) {
        policy(policyArn);
        return new PolicyEntities(
                state.users.values().stream().filter(s -> s.attachedPolicies.contains(policyArn)).map(s -> s.user)
                        .toList(),
                state.groups.values().stream().filter(s -> s.attachedPolicies.contains(policyArn))
                        .map(s -> s.group).toList(),
                state.roles.values().stream().filter(s -> s.attachedPolicies.contains(policyArn)).map(s -> s.role)
                        .toList());
    }

    // ---------------------------------------------------------------- attachments and inline policies

    /** Attaches a managed policy to a user, group or role (again: nothing changes). */
    public synchronized void attachPolicy(EntityKind kind, String entityName, String policyArn) {
        Policies entity = policiesOf(kind, entityName);
        if (!state.policies.containsKey(policyArn) && awsPolicies.get(policyArn) == null) {
            throw IamException.noSuch("Policy " + policyArn + " does not exist or is not attachable.");
        }
        if (entity.attachedPolicies.contains(policyArn)) {
            return;
        }
        if (entity.attachedPolicies.size() >= MAX_ATTACHED_POLICIES) {
            throw IamException.limit("Cannot exceed quota for PoliciesPer" + capitalized(kind) + ": "
                    + MAX_ATTACHED_POLICIES);
        }
        entity.attachedPolicies.add(policyArn);
        save();
    }

    public synchronized void detachPolicy(EntityKind kind, String entityName, String policyArn) {
        Policies entity = policiesOf(kind, entityName);
        if (!entity.attachedPolicies.remove(policyArn)) {
            throw IamException.noSuch("Policy " + policyArn + " was not found.");
        }
        save();
    }

    public synchronized List<AttachedPolicy> attachedPolicies(EntityKind kind, String entityName) {
        return policiesOf(kind, entityName).attachedPolicies.stream()
                .map(arn -> new AttachedPolicy(policy(arn).name(), arn)).toList();
    }

    /** Adds or replaces the inline policy {@code policyName} of a user, group or role. */
    public synchronized void putInlinePolicy(EntityKind kind, String entityName, String policyName, String document) {
        Policies entity = policiesOf(kind, entityName);
        checkName(policyName, 128);
        entity.inlinePolicies.put(policyName, parse(document, PolicyDocument.Kind.IDENTITY).text());
        save();
    }

    /** The document of an inline policy, or NoSuchEntity. */
    public synchronized String inlinePolicy(EntityKind kind, String entityName, String policyName) {
        String document = policiesOf(kind, entityName).inlinePolicies.get(policyName);
        if (document == null) {
            throw IamException.noSuch("The " + kind.word() + " policy with name " + policyName
                    + " cannot be found.");
        }
        return document;
    }

    public synchronized void deleteInlinePolicy(EntityKind kind, String entityName, String policyName) {
        inlinePolicy(kind, entityName, policyName);
        policiesOf(kind, entityName).inlinePolicies.remove(policyName);
        save();
    }

    /** The names of the entity's inline policies, in order. */
    public synchronized List<String> inlinePolicyNames(EntityKind kind, String entityName) {
        return List.copyOf(policiesOf(kind, entityName).inlinePolicies.keySet());
    }

    // ---------------------------------------------------------------- permissions boundaries

    /**
     * Sets (or replaces) the permissions boundary of a user or role: a managed policy, customer or AWS managed
     * (else NoSuchEntity). A group has none (InvalidInput).
     */
    public synchronized void putPermissionsBoundary(EntityKind kind, String entityName, String policyArn) {
        if (policyArn == null) {
            throw IamException.invalid("A permissions boundary is a managed policy's ARN.");
        }
        checkBoundary(policyArn);
        setBoundary(kind, entityName, policyArn);
    }

    /** Removes the permissions boundary of a user or role (NoSuchEntity when it has none). */
    public synchronized void deletePermissionsBoundary(EntityKind kind, String entityName) {
        if (permissionsBoundary(kind, entityName).isEmpty()) {
            throw IamException.noSuch("The " + kind.word() + " with name " + entityName
                    + " does not have a permissions boundary.");
        }
        setBoundary(kind, entityName, null);
    }

    /** The ARN of the permissions boundary of a user or role, if it has one. */
    public synchronized Optional<String> permissionsBoundary(EntityKind kind, String entityName) {
        return Optional.ofNullable(switch (kind) {
            case USER -> storedUser(entityName).user.permissionsBoundary();
            case ROLE -> storedRole(entityName).role.permissionsBoundary();
            case GROUP -> throw noBoundaryForGroups();
        });
    }

    private void setBoundary(EntityKind kind, String entityName, String policyArn) {
        switch (kind) {
            case USER -> {
                StoredUser stored = storedUser(entityName);
                stored.user = stored.user.withPermissionsBoundary(policyArn);
            }
            case ROLE -> {
                StoredRole stored = storedRole(entityName);
                stored.role = stored.role.withPermissionsBoundary(policyArn);
            }
            case GROUP -> throw noBoundaryForGroups();
        }
        save();
    }

    private static IamException noBoundaryForGroups() {
        return IamException.invalid("Only users and roles have permissions boundaries, not groups.");
    }

    /** Refuses a boundary that is not a managed policy Glaux knows (null is no boundary). */
    private void checkBoundary(String policyArn) {
        if (policyArn != null && !state.policies.containsKey(policyArn) && awsPolicies.get(policyArn) == null) {
            throw IamException.noSuch("Policy " + policyArn + " does not exist or is not attachable.");
        }
    }

    private int boundaryCount(String policyArn) {
        return (int) (state.users.values().stream().filter(s -> policyArn.equals(s.user.permissionsBoundary()))
                .count() + state.roles.values().stream()
                .filter(s -> policyArn.equals(s.role.permissionsBoundary())).count());
    }

    // ---------------------------------------------------------------- sessions

    /**
     * A session of the role {@code roleArn} named {@code sessionName} for {@code duration}, limited by the session
     * policy {@code policy} (null for none). Who may assume the role is for the caller to check first.
     */
    public Session assumeRole(String roleArn, String sessionName, Duration duration, String policy) {
        return assumeRole(roleArn, sessionName, duration, policy, List.of());
    }

    /**
     * As {@link #assumeRole(String, String, Duration, String)}, also limited by the managed policies
     * {@code policyArns} (customer or AWS managed; an unknown one is NoSuchEntity). The session's permissions are
     * then what its role's policies and one of its session policies both allow ({@link #policySetOf}).
     */
    public synchronized Session assumeRole(String roleArn, String sessionName, Duration duration, String policy,
            List<String> policyArns) {
        StoredRole stored = storedRoleByArn(roleArn);
        if (stored == null) {
            throw IamException.noSuch("The role with ARN " + roleArn + " cannot be found.");
        }
        String sessionPolicy = policy == null ? null : parse(policy, PolicyDocument.Kind.IDENTITY).text();
        List<String> managed = policyArns == null ? List.of() : policyArns.stream().distinct().toList();
        managed.forEach(this::checkBoundary);
        Role role = stored.role;
        Principal principal = Principal.assumedRole(accountId, role.path(), role.name(), role.id(), sessionName);
        return newSession(principal, duration, role.arn(), sessionPolicy, managed);
    }

    /** A session of {@code principal} (a user or root) for {@code duration} (GetSessionToken). */
    public Session sessionToken(Principal principal, Duration duration) {
        return newSession(principal, duration, null, null, List.of());
    }

    /** The unexpired session of {@code accessKeyId}. */
    public Optional<Session> session(String accessKeyId) {
        Session session = accessKeyId == null ? null : sessions.get(accessKeyId);
        if (session != null && !now().isBefore(session.expiration())) {
            sessions.remove(accessKeyId);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    private Session newSession(Principal principal, Duration duration, String roleArn, String policy,
            List<String> policyArns) {
        Instant expiration = clock.instant().plus(duration).truncatedTo(ChronoUnit.SECONDS);
        String accessKeyId = ids.id("ASIA");
        Principal signer = roleArn == null ? principal : principal.inSession(accessKeyId);
        Session session = new Session(accessKeyId, ids.secret(), ids.sessionToken(), expiration, signer,
                roleArn, policy, policyArns);
        sessions.values().removeIf(s -> !now().isBefore(s.expiration()));
        sessions.put(session.accessKeyId(), session);
        return session;
    }

    // ---------------------------------------------------------------- lookups for signatures and evaluation

    /** The root key, a user's key (Inactive ones with {@code active=false}), or an unexpired session's key. */
    @Override
    public Optional<SigningCredentials> find(String accessKeyId) {
        if (accessKeyId == null) {
            return Optional.empty();
        }
        if (accessKeyId.equals(rootKey.accessKeyId())) {
            return Optional.of(rootKey);
        }
        Optional<Session> session = session(accessKeyId);
        if (session.isPresent()) {
            return Optional.of(session.get().credentials());
        }
        synchronized (this) {
            for (StoredUser stored : state.users.values()) {
                for (AccessKey key : stored.accessKeys) {
                    if (key.accessKeyId().equals(accessKeyId)) {
                        return Optional.of(new SigningCredentials(accessKeyId, key.secretAccessKey(), null, null,
                                key.active(), principalOf(stored.user)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The principal a user's keys sign for. */
    public Principal principalOf(User user) {
        return Principal.user(accountId, user.path(), user.name(), user.id());
    }

    /**
     * Every identity-based policy that applies to {@code principal}: for a user its inline policies, its attached
     * managed policies and those of its groups; for a role session the role's inline and attached policies. Root,
     * services, anonymous callers and identities that no longer exist have none. A session's own session policy
     * is not among them (see {@link #session}).
     */
    public synchronized List<SourcedPolicy> identityPoliciesOf(Principal principal) {
        List<SourcedPolicy> result = new ArrayList<>();
        switch (principal.type()) {
            case USER -> {
                StoredUser user = state.users.get(DirectoryState.key(lastSegment(principal.identityArn())));
                if (user == null || !user.user.arn().equals(principal.identityArn())) {
                    return List.of();
                }
                collect(user, user.user.arn(), result);
                for (String group : user.groups) {
                    StoredGroup stored = state.groups.get(group);
                    if (stored != null) {
                        collect(stored, stored.group.arn(), result);
                    }
                }
            }
            case ASSUMED_ROLE -> {
                StoredRole role = storedRoleByArn(principal.identityArn());
                if (role != null) {
                    collect(role, role.role.arn(), result);
                }
            }
            default -> {
                return List.of();
            }
        }
        return List.copyOf(result);
    }

    /**
     * Every policy of the directory that bears on a request of {@code principal}: its identity policies
     * ({@link #identityPoliciesOf}), its permissions boundary (a user's own; a role session's role's), and for a
     * role session given session policies those policies (the inline one, then the managed ones that still exist;
     * for a session that has ended, none, so nothing is allowed). The resource's policy is for the caller to add.
     */
    public synchronized PolicySet policySetOf(Principal principal) {
        PolicySet set = PolicySet.of(identityPoliciesOf(principal));
        String boundary = switch (principal.type()) {
            case USER -> Optional.ofNullable(state.users.get(DirectoryState.key(lastSegment(principal.identityArn()))))
                    .filter(s -> s.user.arn().equals(principal.identityArn()))
                    .map(s -> s.user.permissionsBoundary()).orElse(null);
            case ASSUMED_ROLE -> Optional.ofNullable(storedRoleByArn(principal.identityArn()))
                    .map(s -> s.role.permissionsBoundary()).orElse(null);
            default -> null;
        };
        if (boundary != null) {
            set = set.withPermissionsBoundary(new SourcedPolicy(boundary,
                    parsedCached(defaultVersion(boundary).document())));
        }
        if (principal.type() == Principal.Type.ASSUMED_ROLE && principal.sessionKeyId() != null) {
            Optional<Session> session = session(principal.sessionKeyId());
            if (session.isEmpty()) {
                return set.withSessionPolicies(List.of());
            }
            if (session.get().hasSessionPolicies()) {
                set = set.withSessionPolicies(sessionPolicies(session.get()));
            }
        }
        return set;
    }

    private List<SourcedPolicy> sessionPolicies(Session session) {
        List<SourcedPolicy> result = new ArrayList<>();
        if (session.policy() != null) {
            result.add(new SourcedPolicy("inline session policy of " + session.principal().arn(),
                    parsedCached(session.policy())));
        }
        for (String policyArn : session.policyArns()) {
            if (state.policies.containsKey(policyArn) || awsPolicies.get(policyArn) != null) {
                result.add(new SourcedPolicy(policyArn, parsedCached(defaultVersion(policyArn).document())));
            }
        }
        return result;
    }

    private void collect(Policies entity, String entityArn, List<SourcedPolicy> into) {
        entity.inlinePolicies.forEach((name, document) -> into.add(new SourcedPolicy(
                "inline policy '" + name + "' of " + entityArn, parsedCached(document))));
        for (String policyArn : entity.attachedPolicies) {
            into.add(new SourcedPolicy(policyArn, parsedCached(defaultVersion(policyArn).document())));
        }
    }

    private PolicyDocument parsedCached(String document) {
        if (parsed.size() > 10_000) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(document, text -> PolicyDocument.parse(text, PolicyDocument.Kind.IDENTITY));
    }

    // ---------------------------------------------------------------- seeds

    /**
     * Adds what a seed file describes (policies, groups, roles, users with keys, attachments and inline policies;
     * the format is in {@code docs/iam.md}). All or nothing: on any error nothing of the seed is kept.
     */
    public void importSeed(Path seedFile) {
        try {
            importSeed(Files.readString(seedFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the IAM seed " + seedFile, e);
        }
    }

    /** As {@link #importSeed(Path)}, from the seed's JSON text. */
    public synchronized void importSeed(String seedJson) {
        changeAtOnce(() -> {
            new SeedImport(this).apply(seedJson);
            return null;
        });
    }

    /**
     * Makes the changes {@code changes} makes as one: the directory is saved once, after them all, and when one of
     * them fails the directory is left as it was before any. Returns what {@code changes} returns. Inside another
     * such call, the changes join it.
     */
    public synchronized <T> T changeAtOnce(Supplier<T> changes) {
        if (changingAtOnce) {
            return changes.get();
        }
        // Every change is saved as it is made, so a directory kept in a folder goes back to what the folder holds; only
        // one kept in memory copies its state first.
        DirectoryState before = folder == null ? copy(state) : null;
        T result;
        changingAtOnce = true;
        try {
            result = changes.get();
        } catch (RuntimeException e) {
            state = before != null ? before : savedState();
            throw e;
        } finally {
            changingAtOnce = false;
        }
        save();
        return result;
    }

    /** The ARN of the account's customer managed policy called {@code name}, if any (seeds name policies). */
    synchronized Optional<String> customerPolicyArn(String name) {
        String key = DirectoryState.key(name);
        return state.policies.values().stream().filter(p -> DirectoryState.key(p.policy.name()).equals(key))
                .map(p -> p.policy.arn()).findFirst();
    }

    // ---------------------------------------------------------------- helpers

    private StoredUser storedUser(String name) {
        StoredUser stored = name == null ? null : state.users.get(DirectoryState.key(name));
        if (stored == null) {
            throw IamException.noSuch("The user with name " + name + " cannot be found.");
        }
        return stored;
    }

    private StoredGroup storedGroup(String name) {
        StoredGroup stored = name == null ? null : state.groups.get(DirectoryState.key(name));
        if (stored == null) {
            throw IamException.noSuch("The group with name " + name + " cannot be found.");
        }
        return stored;
    }

    private StoredRole storedRole(String name) {
        StoredRole stored = name == null ? null : state.roles.get(DirectoryState.key(name));
        if (stored == null) {
            throw IamException.noSuch("The role with name " + name + " cannot be found.");
        }
        return stored;
    }

    private StoredRole storedRoleByArn(String roleArn) {
        if (roleArn == null) {
            return null;
        }
        StoredRole stored = state.roles.get(DirectoryState.key(lastSegment(roleArn)));
        return stored != null && stored.role.arn().equals(roleArn) ? stored : null;
    }

    private StoredPolicy customerPolicy(String policyArn) {
        StoredPolicy stored = state.policies.get(policyArn);
        if (stored == null) {
            if (awsPolicies.get(policyArn) != null) {
                throw new IamException(IamException.Code.UNMODIFIABLE_ENTITY,
                        "Cannot modify AWS managed policy " + policyArn + ".");
            }
            throw IamException.noSuch("Policy " + policyArn + " was not found.");
        }
        return stored;
    }

    private Policies policiesOf(EntityKind kind, String name) {
        return switch (kind) {
            case USER -> storedUser(name);
            case GROUP -> storedGroup(name);
            case ROLE -> storedRole(name);
        };
    }

    private static void requireNoPolicies(Policies entity) {
        if (!entity.inlinePolicies.isEmpty()) {
            throw IamException.conflict("Cannot delete entity, must delete policies first.");
        }
        if (!entity.attachedPolicies.isEmpty()) {
            throw IamException.conflict("Cannot delete entity, must detach all policies first.");
        }
    }

    private int attachmentCount(String policyArn) {
        return (int) (state.users.values().stream().filter(s -> s.attachedPolicies.contains(policyArn)).count()
                + state.groups.values().stream().filter(s -> s.attachedPolicies.contains(policyArn)).count()
                + state.roles.values().stream().filter(s -> s.attachedPolicies.contains(policyArn)).count());
    }

    private static void makeDefault(StoredPolicy stored, String versionId, Instant now) {
        stored.versions.replaceAll(v -> v.asDefault(v.versionId().equals(versionId)));
        stored.policy = stored.policy.withDefaultVersion(versionId, now);
    }

    private int keyIndex(StoredUser stored, String accessKeyId) {
        for (int i = 0; i < stored.accessKeys.size(); i++) {
            if (stored.accessKeys.get(i).accessKeyId().equals(accessKeyId)) {
                return i;
            }
        }
        throw IamException.noSuch("The Access Key with id " + accessKeyId + " cannot be found");
    }

    private static String checkStatus(String status) {
        if (!AccessKey.ACTIVE.equals(status) && !AccessKey.INACTIVE.equals(status)) {
            throw IamException.invalid("An access key's status is Active or Inactive, not " + status);
        }
        return status;
    }

    private static int checkSessionDuration(Integer seconds) {
        int value = seconds == null ? Role.DEFAULT_MAX_SESSION_DURATION : seconds;
        if (value < 3600 || value > 43200) {
            throw IamException.invalid("MaxSessionDuration is between 3600 and 43200 seconds, not " + value);
        }
        return value;
    }

    private static List<Tag> checkTags(List<Tag> tags) {
        List<Tag> list = tags == null ? List.of() : tags;
        if (list.size() > MAX_TAGS) {
            throw IamException.limit("The number of tags has reached the maximum limit.");
        }
        return mergeTags(List.of(), list);
    }

    private static List<Tag> mergeTags(List<Tag> existing, List<Tag> added) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        existing.forEach(tag -> byKey.put(tag.key(), tag));
        added.forEach(tag -> byKey.put(tag.key(), tag));
        if (byKey.size() > MAX_TAGS) {
            throw IamException.limit("The number of tags has reached the maximum limit.");
        }
        return List.copyOf(byKey.values());
    }

    private static List<Tag> removeTags(List<Tag> existing, Collection<String> keys) {
        return existing.stream().filter(tag -> !keys.contains(tag.key())).toList();
    }

    private static void checkName(String name, int maxLength) {
        if (name == null || name.isEmpty() || name.length() > maxLength || !NAME.matcher(name).matches()) {
            throw IamException.invalid("'" + name + "' is not a valid IAM name: 1 to " + maxLength
                    + " characters of [\\w+=,.@-]");
        }
    }

    private static String pathOr(String path) {
        if (path == null) {
            return "/";
        }
        if (path.length() > 512 || !PATH.matcher(path).matches()) {
            throw IamException.invalid("The specified value for path is invalid. It must begin and end with / and "
                    + "contain only alphanumeric characters and/or / characters.");
        }
        return path;
    }

    private static boolean underPath(String path, String prefix) {
        return prefix == null || path.startsWith(prefix);
    }

    private static String lastSegment(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String capitalized(EntityKind kind) {
        return Character.toUpperCase(kind.word().charAt(0)) + kind.word().substring(1);
    }

    private String arn(String type, String path, String name) {
        return "arn:aws:iam::" + accountId + ":" + type + path + name;
    }

    private PolicyDocument parse(String document, PolicyDocument.Kind kind) {
        return PolicyDocument.parse(document, kind);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private DirectoryState copy(DirectoryState original) {
        try {
            return copier.readValue(copier.writeValueAsBytes(original), DirectoryState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save() {
        if (folder != null && !changingAtOnce) {
            files.write(folder.resolve(STATE_FILE), state, syncWrites);
        }
    }

    /** How a directory is set up. */
    public static final class Builder {
        private String accountId = "000000000000";
        private Path folder;
        private boolean syncWrites = true;
        private Clock clock = Clock.systemUTC();
        private String rootAccessKeyId = DEFAULT_ROOT_ACCESS_KEY_ID;
        private String rootSecretAccessKey = DEFAULT_ROOT_SECRET_ACCESS_KEY;
        private Path seed;

        private Builder() {
        }

        /** The 12-digit account ({@code 000000000000} by default). */
        public Builder accountId(String account) {
            if (account == null || !account.matches("\\d{12}")) {
                throw new IllegalArgumentException("An AWS account id is 12 digits, not '" + account + "'");
            }
            this.accountId = account;
            return this;
        }

        /** Keep the directory in this folder; without one it lives in memory only. */
        public Builder folder(Path iamFolder) {
            this.folder = Objects.requireNonNull(iamFolder);
            return this;
        }

        /** Keep the directory in {@code <dataFolder>/.glaux/iam/}. */
        public Builder dataFolder(Path dataFolder) {
            return folder(dataFolder.resolve(".glaux").resolve("iam"));
        }

        /** Force each change to disk (default), or only replace the file atomically (tests). */
        public Builder syncWrites(boolean sync) {
            this.syncWrites = sync;
            return this;
        }

        /** The clock of create dates and session expirations. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The account root's access key ({@code test}/{@code test} by default). */
        public Builder rootAccessKey(String accessKeyId, String secretAccessKey) {
            if (accessKeyId == null || accessKeyId.isEmpty() || secretAccessKey == null
                    || secretAccessKey.isEmpty()) {
                throw new IllegalArgumentException("The root access key needs an id and a secret");
            }
            this.rootAccessKeyId = accessKeyId;
            this.rootSecretAccessKey = secretAccessKey;
            return this;
        }

        /** A seed file imported when the directory starts empty (its first start). */
        public Builder seed(Path seedFile) {
            this.seed = seedFile;
            return this;
        }

        public IamDirectory build() {
            boolean fresh = folder == null || !Files.exists(folder.resolve(STATE_FILE));
            IamDirectory directory = new IamDirectory(this);
            if (seed != null && fresh) {
                directory.importSeed(seed);
            }
            return directory;
        }
    }
}
