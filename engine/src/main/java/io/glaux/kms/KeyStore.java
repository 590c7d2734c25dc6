package io.glaux.kms;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys, aliases and grants of one account in one region, and the cryptography done with them; see the package
 * documentation for the envelope-encryption API the rest of Glaux uses. Thread-safe (one lock per store); every change
 * is saved before it is answered. Keys scheduled for deletion are deleted for good, with their aliases and grants,
 * the first time the store is used after their deletion date.
 *
 * <p>Wherever KMS takes a key, a key id or key ARN names it; the methods documented as taking "a key reference" also
 * take an alias name ({@code alias/x}) or alias ARN. Refusals are {@link KmsException}s with AWS's error shape.
 */
public final class KeyStore {

    /** Services whose AWS managed key ({@code alias/aws/<service>}) is created the first time it is named. */
    public static final Set<String> AWS_MANAGED_SERVICES = Set.of("s3", "athena", "glue", "lambda", "dynamodb",
            "ebs", "rds", "redshift", "secretsmanager", "ssm", "sns", "sqs", "kinesis", "logs", "backup",
            "elasticfilesystem", "quicksight");
    public static final String ALIAS_PREFIX = "alias/";
    public static final String AWS_ALIAS_PREFIX = "alias/aws/";
    /** The grant operations of the service model's {@code GrantOperation}. */
    public static final Set<String> GRANT_OPERATIONS = Set.of("Decrypt", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "GetPublicKey",
            "CreateGrant", "RetireGrant", "DescribeKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "GenerateMac", "VerifyMac", "DeriveSharedSecret");
    public static final int MIN_PENDING_WINDOW_DAYS = 7;
    public static final int MAX_PENDING_WINDOW_DAYS = 30;
    public static final int DEFAULT_PENDING_WINDOW_DAYS = 30;

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ARN = Pattern.compile("arn:aws:kms:([a-z0-9-]+):(\\d{12}):(key|alias)/(.+)");
    private static final Pattern GRANT_ID = Pattern.compile("[0-9a-f]{64}");
    private static final int MATERIAL_BYTES = 32;

    private final String accountId;
    private final String region;
    private final Clock clock;
    private final SecureRandom random;
    private final KeyFiles files;
    private final AliasTable aliases;
    private final GrantTable grants;
    private final Map<String, KmsKey> keys = new LinkedHashMap<>();

    /**
     * Opens (or starts) the store kept in {@code folder}.
     *
     * @param sync force each change to disk before answering (survives a power cut, not only a crash)
     */
    public KeyStore(Path folder, String accountId, String region, Clock clock, SecureRandom random, boolean sync) {
        this.accountId = Objects.requireNonNull(accountId);
        this.region = Objects.requireNonNull(region);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.files = new KeyFiles(folder, sync);
        this.aliases = new AliasTable(folder, sync);
        this.grants = new GrantTable(folder, sync);
        files.readAll().forEach(key -> keys.put(key.keyId(), key));
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    // ---- keys ---------------------------------------------------------------------------------------------------

    /** CreateKey: a new enabled symmetric key with fresh material; the default key policy when {@code policy} is null. */
    public synchronized KmsKey createKey(String description, String policy, Map<String, String> tags) {
        purgeDue();
        String text = policy == null ? KeyPolicies.defaultPolicy(accountId) : KeyPolicies.validated(policy);
        checkTags(tags);
        return newKey(description == null ? "" : description, KeyManager.CUSTOMER, text, tags);
    }

    /** DescribeKey: the key a key reference names (an {@code alias/aws/*} key is created the first time). */
    public synchronized KmsKey describeKey(String keyRef) {
        purgeDue();
        return resolve(keyRef, true);
    }

    /**
     * The key with id {@code keyId}, if this store has it; never creates one (unlike {@link #describeKey}, which makes
     * an AWS managed key the first time its alias is named). How key policies and grants are found for a key ARN.
     */
    public synchronized Optional<KmsKey> findKey(String keyId) {
        purgeDue();
        return Optional.ofNullable(keys.get(keyId));
    }

    /**
     * The key a ciphertext blob names, whatever its state (what Decrypt and ReEncrypt are authorized against);
     * InvalidCiphertextException when the blob is not one of KMS's or names no key of this store.
     */
    public synchronized KmsKey keyOfCiphertext(byte[] ciphertextBlob) {
        purgeDue();
        KmsKey key = keys.get(CiphertextBlob.keyIdOf(ciphertextBlob).toString());
        if (key == null) {
            throw new KmsException(KmsException.Code.INVALID_CIPHERTEXT,
                    "The ciphertext refers to a key that does not exist in this account and region");
        }
        return key;
    }

    /** The AWS managed key of {@code service} ({@code alias/aws/<service>}), created the first time it is asked for. */
    public synchronized KmsKey awsManagedKey(String service) {
        purgeDue();
        return resolve(AWS_ALIAS_PREFIX + service, true);
    }

    /** ListKeys: every key, oldest first. */
    public synchronized List<KmsKey> listKeys() {
        purgeDue();
        return List.copyOf(keys.values());
    }

    /** EnableKey (a no-op for an enabled key). */
    public synchronized KmsKey enableKey(String keyId) {
        purgeDue();
        KmsKey key = customerKey(resolve(keyId, false));
        refusePendingDeletion(key);
        return update(key.withState(KeyState.Enabled, null, null));
    }

    /** DisableKey (a no-op for a disabled key). */
    public synchronized KmsKey disableKey(String keyId) {
        purgeDue();
        KmsKey key = customerKey(resolve(keyId, false));
        refusePendingDeletion(key);
        return update(key.withState(KeyState.Disabled, null, null));
    }

    /**
     * ScheduleKeyDeletion: the key becomes PendingDeletion, unusable, and is deleted {@code days} (7 to 30, 30 when
     * null) days from now.
     */
    public synchronized KmsKey scheduleKeyDeletion(String keyId, Integer days) {
        purgeDue();
        int window = days == null ? DEFAULT_PENDING_WINDOW_DAYS : days;
        if (window < MIN_PENDING_WINDOW_DAYS || window > MAX_PENDING_WINDOW_DAYS) {
            throw new KmsException(KmsException.Code.VALIDATION, "1 validation error detected: Value '" + window
                    + "' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value "
                    + (window < MIN_PENDING_WINDOW_DAYS ? "greater than or equal to " + MIN_PENDING_WINDOW_DAYS
                    : "less than or equal to " + MAX_PENDING_WINDOW_DAYS));
        }
        KmsKey key = customerKey(resolve(keyId, false));
        refusePendingDeletion(key);
        return update(key.withState(KeyState.PendingDeletion, clock.instant().plus(Duration.ofDays(window)),
                window));
    }

    /** CancelKeyDeletion: a PendingDeletion key comes back Disabled. */
    public synchronized KmsKey cancelKeyDeletion(String keyId) {
        purgeDue();
        KmsKey key = resolve(keyId, false);
        if (key.state() != KeyState.PendingDeletion) {
            throw new KmsException(KmsException.Code.INVALID_STATE, key.arn() + " is not pending deletion.");
        }
        return update(key.withState(KeyState.Disabled, null, null));
    }

    // ---- key policies and tags ------------------------------------------------------------------------------------

    /** GetKeyPolicy: the key's policy; {@code default} is the only policy name. */
    public synchronized String keyPolicy(String keyId, String policyName) {
        purgeDue();
        KmsKey key = resolve(keyId, false);
        checkPolicyName(policyName);
        return key.policy();
    }

    /** PutKeyPolicy: replaces the key's policy (a JSON object); AWS managed keys keep theirs. */
    public synchronized KmsKey putKeyPolicy(String keyId, String policyName, String policy) {
        purgeDue();
        KmsKey key = resolve(keyId, false);
        checkPolicyName(policyName);
        customerKey(key);
        return update(key.withPolicy(KeyPolicies.validated(policy)));
    }

    /** ListKeyPolicies: always {@code default}. */
    public synchronized List<String> keyPolicyNames(String keyId) {
        purgeDue();
        resolve(keyId, false);
        return List.of(KeyPolicies.DEFAULT_NAME);
    }

    /** TagResource: adds or replaces tags. */
    public synchronized KmsKey tagKey(String keyId, Map<String, String> tags) {
        purgeDue();
        KmsKey key = resolve(keyId, false);
        refusePendingDeletion(key);
        checkTags(tags);
        Map<String, String> all = new LinkedHashMap<>(key.tags());
        all.putAll(tags);
        return update(key.withTags(all));
    }

    /** UntagResource: removes tags by key (missing ones are ignored). */
    public synchronized KmsKey untagKey(String keyId, List<String> tagKeys) {
        purgeDue();
        KmsKey key = resolve(keyId, false);
        refusePendingDeletion(key);
        Map<String, String> all = new LinkedHashMap<>(key.tags());
        tagKeys.forEach(all::remove);
        return update(key.withTags(all));
    }

    /** ListResourceTags. */
    public synchronized Map<String, String> tags(String keyId) {
        purgeDue();
        return resolve(keyId, false).tags();
    }

    // ---- aliases --------------------------------------------------------------------------------------------------

    /** CreateAlias: {@code alias/<name>} for a customer key; {@code alias/aws/} is AWS's. */
    public synchronized KmsAlias createAlias(String aliasName, String targetKeyId) {
        purgeDue();
        checkAliasName(aliasName);
        if (aliases.find(aliasName).isPresent()) {
            throw new KmsException(KmsException.Code.ALREADY_EXISTS,
                    "An alias with the name " + aliasArn(aliasName) + " already exists");
        }
        KmsKey key = customerKey(resolve(targetKeyId, false));
        Instant now = clock.instant();
        KmsAlias alias = new KmsAlias(aliasName, aliasArn(aliasName), key.keyId(), now, now);
        aliases.put(alias);
        return alias;
    }

    /** UpdateAlias: points an existing alias at another customer key. */
    public synchronized KmsAlias updateAlias(String aliasName, String targetKeyId) {
        purgeDue();
        checkAliasName(aliasName);
        KmsAlias alias = existingAlias(aliasName);
        KmsKey key = customerKey(resolve(targetKeyId, false));
        KmsAlias updated = new KmsAlias(alias.name(), alias.arn(), key.keyId(), alias.creationDate(), clock.instant());
        aliases.put(updated);
        return updated;
    }

    /** DeleteAlias (the key stays). */
    public synchronized void deleteAlias(String aliasName) {
        purgeDue();
        checkAliasName(aliasName);
        aliases.remove(existingAlias(aliasName).name());
    }

    /** ListAliases: all of them by name, or those of one key (id or ARN). */
    public synchronized List<KmsAlias> listAliases(String keyId) {
        purgeDue();
        return aliases.list(keyId == null ? null : resolve(keyId, false).keyId());
    }

    // ---- cryptography -------------------------------------------------------------------------------------------

    /** Encrypt: up to 4096 bytes under an enabled key, bound to {@code context} (null or empty for none). */
    public synchronized Encrypted encrypt(String keyRef, byte[] plaintext, Map<String, String> context) {
        purgeDue();
        KmsKey key = usable(resolve(keyRef, true));
        return new Encrypted(seal(key, plaintext, context), key.arn());
    }

    /**
     * Envelope encryption: a new data key of {@code spec}'s size, returned in plaintext and encrypted under the key
     * a key reference names, with {@code context} bound to the encrypted copy.
     */
    public DataKey generateDataKey(String keyRef, Map<String, String> context, DataKeySpec spec) {
        return generateDataKey(keyRef, context, spec.bytes());
    }

    /** As {@link #generateDataKey(String, Map, DataKeySpec)}, of {@code numberOfBytes} (1 to 1024) bytes. */
    public synchronized DataKey generateDataKey(String keyRef, Map<String, String> context, int numberOfBytes) {
        purgeDue();
        KmsKey key = usable(resolve(keyRef, true));
        byte[] dataKey = generateRandom(numberOfBytes);
        return new DataKey(dataKey, seal(key, dataKey, context), key.arn());
    }

    /** Decrypt: finds the key in the blob, checks it is usable, and opens the blob with {@code context}. */
    public Decrypted decrypt(byte[] ciphertextBlob, Map<String, String> context) {
        return decrypt(ciphertextBlob, context, null);
    }

    /**
     * As {@link #decrypt(byte[], Map)}; with {@code expectedKeyRef} (a key reference, or null) a blob of another key
     * is IncorrectKeyException.
     */
    public synchronized Decrypted decrypt(byte[] ciphertextBlob, Map<String, String> context, String expectedKeyRef) {
        purgeDue();
        KmsKey key = keyOfBlob(ciphertextBlob, expectedKeyRef);
        return new Decrypted(CiphertextBlob.open(files.material(key.keyId()), ciphertextBlob, context), key.arn());
    }

    /** ReEncrypt: decrypts with the source key and context, encrypts under the destination key and context. */
    public synchronized ReEncrypted reEncrypt(byte[] ciphertextBlob, Map<String, String> sourceContext,
            String sourceKeyRef, String destinationKeyRef, Map<String, String> destinationContext) {
        purgeDue();
        KmsKey destination = usable(resolve(destinationKeyRef, true));
        KmsKey source = keyOfBlob(ciphertextBlob, sourceKeyRef);
        byte[] plaintext = CiphertextBlob.open(files.material(source.keyId()), ciphertextBlob, sourceContext);
        return new ReEncrypted(seal(destination, plaintext, destinationContext), source.arn(), destination.arn());
    }

    /** GenerateRandom: {@code numberOfBytes} bytes from a SecureRandom. */
    public byte[] generateRandom(int numberOfBytes) {
        byte[] bytes = new byte[numberOfBytes];
        random.nextBytes(bytes);
        return bytes;
    }

    // ---- grants ---------------------------------------------------------------------------------------------------

    /** CreateGrant on a key id or ARN (a retried request with the same name and content returns the same grant). */
    public synchronized KmsGrant createGrant(GrantRequest request) {
        purgeDue();
        for (String operation : request.operations()) {
            if (!GRANT_OPERATIONS.contains(operation)) {
                throw new KmsException(KmsException.Code.VALIDATION, "1 validation error detected: Value '"
                        + request.operations() + "' at 'operations' failed to satisfy constraint: Member must"
                        + " satisfy constraint: [Member must satisfy enum value set: " + GRANT_OPERATIONS + "]");
            }
        }
        KmsKey key = resolve(request.keyId(), false);
        refusePendingDeletion(key);
        if (request.name() != null) {
            Optional<KmsGrant> same = grants.list(grant -> grant.keyArn().equals(key.arn())
                    && request.name().equals(grant.name()) && sameContent(grant, request)).stream().findFirst();
            if (same.isPresent()) {
                return same.get();
            }
        }
        KmsGrant grant = new KmsGrant(HexFormat.of().formatHex(generateRandom(32)),
                Base64.getUrlEncoder().withoutPadding().encodeToString(generateRandom(96)), key.arn(), request.name(),
                request.granteePrincipal(), request.retiringPrincipal(), "arn:aws:iam::" + accountId + ":root",
                List.copyOf(new java.util.LinkedHashSet<>(request.operations())), request.encryptionContextSubset(),
                request.encryptionContextEquals(), clock.instant());
        grants.add(grant);
        return grant;
    }

    /** ListGrants: a key's grants, optionally only one grant id and/or one grantee. */
    public synchronized List<KmsGrant> listGrants(String keyId, String grantId, String granteePrincipal) {
        purgeDue();
        KmsKey key = resolve(keyId, false);
        if (grantId != null) {
            checkGrantId(grantId);
        }
        return grants.list(grant -> grant.keyArn().equals(key.arn())
                && (grantId == null || grant.grantId().equals(grantId))
                && (granteePrincipal == null || grant.granteePrincipal().equals(granteePrincipal)));
    }

    /** ListRetirableGrants: the grants {@code retiringPrincipal} may retire, across this store's keys. */
    public synchronized List<KmsGrant> listRetirableGrants(String retiringPrincipal) {
        purgeDue();
        return grants.list(grant -> retiringPrincipal.equals(grant.retiringPrincipal()));
    }

    /** The grant whose token {@code grantToken} is, if it is still live (how RetireGrant by token is authorized). */
    public synchronized Optional<KmsGrant> findGrantByToken(String grantToken) {
        purgeDue();
        return grants.findByToken(grantToken);
    }

    /** RetireGrant by its token. */
    public synchronized KmsGrant retireGrantByToken(String grantToken) {
        purgeDue();
        KmsGrant grant = grants.findByToken(grantToken).orElseThrow(() -> new KmsException(
                KmsException.Code.INVALID_GRANT_TOKEN, "Invalid grant token"));
        grants.remove(grant.grantId());
        return grant;
    }

    /** RetireGrant by key and grant id. */
    public synchronized KmsGrant retireGrant(String keyId, String grantId) {
        return revokeGrant(keyId, grantId);
    }

    /** RevokeGrant: removes a grant of a key. */
    public synchronized KmsGrant revokeGrant(String keyId, String grantId) {
        purgeDue();
        KmsKey key = resolve(keyId, false);
        checkGrantId(grantId);
        KmsGrant grant = grants.find(grantId).filter(found -> found.keyArn().equals(key.arn()))
                .orElseThrow(() -> new KmsException(KmsException.Code.NOT_FOUND,
                        "Grant ID " + grantId + " not found"));
        grants.remove(grant.grantId());
        return grant;
    }

    /**
     * Checks the GrantTokens of a request: each must be the token of a grant this store has (or had and retired
     * since: tokens stay valid for the grant's lifetime only, so an unknown token is InvalidGrantTokenException).
     */
    public synchronized void checkGrantTokens(List<String> tokens) {
        if (tokens == null) {
            return;
        }
        for (String token : tokens) {
            if (grants.findByToken(token).isEmpty()) {
                throw new KmsException(KmsException.Code.INVALID_GRANT_TOKEN, "Invalid grant token");
            }
        }
    }

    // ---- internals ------------------------------------------------------------------------------------------------

    private KmsKey newKey(String description, KeyManager manager, String policy, Map<String, String> tags) {
        String keyId = UUID.randomUUID().toString();
        KmsKey key = new KmsKey(keyId, keyArn(keyId), accountId, description, manager, KeyState.Enabled,
                clock.instant(), null, null, policy, tags);
        files.saveNew(key, generateRandom(MATERIAL_BYTES));
        keys.put(keyId, key);
        return key;
    }

    private KmsKey update(KmsKey key) {
        files.save(key);
        keys.put(key.keyId(), key);
        return key;
    }

    private byte[] seal(KmsKey key, byte[] plaintext, Map<String, String> context) {
        return CiphertextBlob.seal(files.material(key.keyId()), UUID.fromString(key.keyId()), plaintext, context,
                random);
    }

    /** The usable key a blob names; the blob must name {@code expectedKeyRef}'s key when one is given. */
    private KmsKey keyOfBlob(byte[] blob, String expectedKeyRef) {
        KmsKey expected = expectedKeyRef == null ? null : resolve(expectedKeyRef, true);
        if (expected != null && !expected.keyId().equals(CiphertextBlob.keyIdOf(blob).toString())) {
            throw new KmsException(KmsException.Code.INCORRECT_KEY,
                    "The key ID in the request does not identify a CMK that can perform this operation.");
        }
        return usable(keyOfCiphertext(blob));
    }

    /** The key a reference names; aliases only where {@code aliasAllowed}. */
    private KmsKey resolve(String ref, boolean aliasAllowed) {
        if (ref == null) {
            throw new KmsException(KmsException.Code.NOT_FOUND, "Invalid keyId 'null'");
        }
        Matcher arn = ARN.matcher(ref);
        if (arn.matches()) {
            boolean isAlias = arn.group(3).equals("alias");
            if (isAlias && !aliasAllowed) {
                throw invalidKeyId(ref);
            }
            boolean ours = arn.group(1).equals(region) && arn.group(2).equals(accountId);
            if (isAlias) {
                return ours ? keyOfAlias(ALIAS_PREFIX + arn.group(4))
                        : throwing(aliasNotFound(ref));
            }
            KmsKey key = ours ? keys.get(arn.group(4)) : null;
            return key != null ? key : throwing(keyNotFound(ref));
        }
        if (ref.startsWith(ALIAS_PREFIX)) {
            if (!aliasAllowed) {
                throw invalidKeyId(ref);
            }
            return keyOfAlias(ref);
        }
        if (!KEY_ID.matcher(ref).matches()) {
            throw invalidKeyId(ref);
        }
        KmsKey key = keys.get(ref);
        return key != null ? key : throwing(keyNotFound(keyArn(ref)));
    }

    private KmsKey keyOfAlias(String aliasName) {
        Optional<KmsAlias> alias = aliases.find(aliasName);
        if (alias.isPresent()) {
            return keys.get(alias.get().targetKeyId());
        }
        String service = aliasName.startsWith(AWS_ALIAS_PREFIX) ? aliasName.substring(AWS_ALIAS_PREFIX.length()) : "";
        if (!AWS_MANAGED_SERVICES.contains(service)) {
            throw aliasNotFound(aliasArn(aliasName));
        }
        KmsKey key = newKey("Default key that protects my " + service + " data when no other key is defined",
                KeyManager.AWS, KeyPolicies.awsManagedPolicy(accountId, service, region), Map.of());
        Instant now = clock.instant();
        aliases.put(new KmsAlias(aliasName, aliasArn(aliasName), key.keyId(), now, now));
        return key;
    }

    private KmsAlias existingAlias(String aliasName) {
        return aliases.find(aliasName).orElseThrow(() -> aliasNotFound(aliasArn(aliasName)));
    }

    /** Disabled and PendingDeletion keys refuse cryptographic use. */
    private static KmsKey usable(KmsKey key) {
        refusePendingDeletion(key);
        if (key.state() == KeyState.Disabled) {
            throw new KmsException(KmsException.Code.DISABLED, key.arn() + " is disabled.");
        }
        return key;
    }

    private static void refusePendingDeletion(KmsKey key) {
        if (key.state() == KeyState.PendingDeletion) {
            throw new KmsException(KmsException.Code.INVALID_STATE, key.arn() + " is pending deletion.");
        }
    }

    private static KmsKey customerKey(KmsKey key) {
        if (key.keyManager() == KeyManager.AWS) {
            throw new KmsException(KmsException.Code.UNSUPPORTED_OPERATION,
                    key.arn() + " is an AWS managed key: its state, policy and aliases are managed by AWS.");
        }
        return key;
    }

    private static void checkAliasName(String aliasName) {
        if (!aliasName.startsWith(ALIAS_PREFIX) || aliasName.length() == ALIAS_PREFIX.length()) {
            throw new KmsException(KmsException.Code.INVALID_ALIAS_NAME,
                    "Alias must start with the prefix \"alias/\" followed by a name.");
        }
        if (aliasName.startsWith(AWS_ALIAS_PREFIX)) {
            throw new KmsException(KmsException.Code.INVALID_ALIAS_NAME, "Alias " + aliasName
                    + " begins with the reserved prefix alias/aws/, which only AWS managed keys use.");
        }
    }

    private static void checkPolicyName(String policyName) {
        if (policyName != null && !policyName.equals(KeyPolicies.DEFAULT_NAME)) {
            throw new KmsException(KmsException.Code.NOT_FOUND,
                    "No such policy exists: '" + policyName + "'. A key's only policy is named 'default'.");
        }
    }

    private static void checkGrantId(String grantId) {
        if (!GRANT_ID.matcher(grantId).matches()) {
            throw new KmsException(KmsException.Code.INVALID_GRANT_ID, "Invalid grant ID " + grantId);
        }
    }

    private static void checkTags(Map<String, String> tags) {
        if (tags == null) {
            return;
        }
        for (String key : tags.keySet()) {
            if (key.startsWith("aws:")) {
                throw new KmsException(KmsException.Code.TAG,
                        "Tag keys beginning with 'aws:' are reserved for AWS: " + key);
            }
        }
    }

    private static boolean sameContent(KmsGrant grant, GrantRequest request) {
        return grant.granteePrincipal().equals(request.granteePrincipal())
                && Objects.equals(grant.retiringPrincipal(), request.retiringPrincipal())
                && Set.copyOf(grant.operations()).equals(Set.copyOf(request.operations()))
                && Objects.equals(grant.encryptionContextSubset(), request.encryptionContextSubset())
                && Objects.equals(grant.encryptionContextEquals(), request.encryptionContextEquals());
    }

    /** Deletes, for good, the keys whose deletion date has come, with their aliases and grants. */
    private void purgeDue() {
        Instant now = clock.instant();
        for (KmsKey key : new ArrayList<>(keys.values())) {
            if (key.state() == KeyState.PendingDeletion && !key.deletionDate().isAfter(now)) {
                aliases.removeKey(key.keyId());
                grants.removeKey(key.keyId());
                files.delete(key.keyId());
                keys.remove(key.keyId());
            }
        }
    }

    private String keyArn(String keyId) {
        return "arn:aws:kms:" + region + ":" + accountId + ":key/" + keyId;
    }

    private String aliasArn(String aliasName) {
        return "arn:aws:kms:" + region + ":" + accountId + ":" + aliasName;
    }

    private static KmsException invalidKeyId(String ref) {
        return new KmsException(KmsException.Code.NOT_FOUND, "Invalid keyId '" + ref + "'");
    }

    private static KmsException keyNotFound(String arn) {
        return new KmsException(KmsException.Code.NOT_FOUND, "Key '" + arn + "' does not exist");
    }

    private static KmsException aliasNotFound(String aliasArn) {
        return new KmsException(KmsException.Code.NOT_FOUND, "Alias " + aliasArn + " is not found.");
    }

    private static KmsKey throwing(KmsException error) {
        throw error;
    }
}
