package io.glaux.quicksight.role;

import io.glaux.kms.KeyStore;
import io.glaux.kms.KmsAlias;
import io.glaux.kms.KmsException;
import io.glaux.workgroup.EncryptionConfiguration;
import io.glaux.workgroup.Workgroup;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The KMS keys QuickSight's role is given or meets, as key ARNs. The settings name a key however the user typed it
 * (key id, key ARN, {@code alias/name}, alias ARN) and a workgroup's result encryption names its key as Athena
 * accepts it, but the role's policy and every permission check need the key ARN: KMS authorizes the use of a key on
 * its key ARN, whatever alias the caller named. References are resolved through the key store of the role's account
 * and region.
 */
public final class RoleKeys {

    private static final Pattern ARN = Pattern.compile("arn:aws:kms:([a-z0-9-]+):(\\d{12}):(key|alias)/(.+)");
    private static final List<String> KMS_OPTIONS = List.of("SSE_KMS", "CSE_KMS");

    private final KeyStore store;
    private final String accountId;
    private final String region;

    private RoleKeys(KeyStore store, String accountId, String region) {
        this.store = store;
        this.accountId = accountId;
        this.region = region;
    }

    /** The keys of {@code store} (the role's account and region). */
    public static RoleKeys in(KeyStore store) {
        return new RoleKeys(store, store.accountId(), store.region());
    }

    /** Without a key service: only key ARNs of the account and region are known, taken as they are. */
    public static RoleKeys none(String accountId, String region) {
        return new RoleKeys(null, accountId, region);
    }

    /**
     * The ARN of the key {@code ref} names, for settings about to be written; {@link UnknownKeyException} when there
     * is no such key. Naming an AWS managed key's alias ({@code alias/aws/s3}) creates that key, as KMS does the first
     * time a service uses it.
     */
    public String resolve(String ref) {
        if (store == null) {
            Matcher arn = ARN.matcher(ref);
            if (arn.matches() && arn.group(3).equals("key") && arn.group(1).equals(region)
                    && arn.group(2).equals(accountId)) {
                return ref;
            }
            throw unknown(ref);
        }
        try {
            return store.describeKey(ref).arn();
        } catch (KmsException e) {
            throw unknown(ref);
        }
    }

    /**
     * The key ARN {@code ref} names, creating nothing (what a page of permissions may do); a reference naming no key
     * is given as the ARN it would have ({@code arn:aws:kms:<region>:<account>:key/<id>} or {@code ...:alias/<name>}),
     * so that a workgroup's missing key still shows, refused.
     */
    public String arnOf(String ref) {
        Matcher arn = ARN.matcher(ref);
        String prefix = "arn:aws:kms:" + region + ":" + accountId + ":";
        if (arn.matches()) {
            if (arn.group(3).equals("key")) {
                return ref;
            }
            return aliasTarget(KeyStore.ALIAS_PREFIX + arn.group(4), ref).orElse(ref);
        }
        if (ref.startsWith(KeyStore.ALIAS_PREFIX)) {
            return aliasTarget(ref, prefix + ref).orElse(prefix + ref);
        }
        if (store != null) {
            Optional<String> key = store.findKey(ref).map(k -> k.arn());
            if (key.isPresent()) {
                return key.get();
            }
        }
        return prefix + "key/" + ref;
    }

    /**
     * The keys the workgroups encrypt their query results with (SSE_KMS or CSE_KMS with a {@code KmsKey}), as key
     * ARNs, each once, in the workgroups' order.
     */
    public List<String> ofWorkgroups(Collection<Workgroup> workgroups) {
        Set<String> keys = new LinkedHashSet<>();
        for (Workgroup workgroup : workgroups) {
            EncryptionConfiguration encryption = workgroup.configuration().resultConfiguration()
                    .encryptionConfiguration();
            if (encryption != null && KMS_OPTIONS.contains(encryption.encryptionOption())
                    && encryption.kmsKey() != null && !encryption.kmsKey().isBlank()) {
                keys.add(arnOf(encryption.kmsKey()));
            }
        }
        return List.copyOf(keys);
    }

    /** The ARN of the key the alias {@code alias/name} points at, when the alias is in this store's account. */
    private Optional<String> aliasTarget(String aliasName, String aliasArn) {
        if (store == null || !aliasArn.startsWith("arn:aws:kms:" + region + ":" + accountId + ":")) {
            return Optional.empty();
        }
        return store.listAliases(null).stream().filter(a -> a.name().equals(aliasName))
                .map(KmsAlias::targetKeyId).filter(id -> id != null).findFirst()
                .flatMap(store::findKey).map(k -> k.arn());
    }

    private UnknownKeyException unknown(String ref) {
        return new UnknownKeyException(ref, "The KMS key " + ref + " does not exist in account " + accountId
                + " and region " + region + ": give its key id, key ARN, alias name or alias ARN");
    }
}
