package io.glaux.kms;

import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.AccessRequest;
import io.glaux.iam.Authorizer;
import io.glaux.iam.Decision;
import io.glaux.iam.Principal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may use which key: KMS's authorization, for the KMS API and for every other Glaux service that uses keys for a
 * caller (S3's SSE-KMS, Athena's CSE_KMS, QuickSight). A call {@code kms:<Operation>} on a key is asked of the
 * {@link Authorizer} (the caller's IAM policies and the key policy, by {@link KeyPolicyLookup}), with KMS's condition
 * keys: {@code kms:CallerAccount}, {@code kms:EncryptionContext:<key>}, {@code kms:EncryptionContextKeys} and, when
 * another service calls for the caller, {@code kms:ViaService}. When the policies do not allow it (and no policy
 * explicitly denies it), a grant of the key whose grantee is the caller (or the role whose session the caller is),
 * whose operations include the call's and whose constraints the request's encryption context meets, allows it.
 * A refusal is an {@link AccessDeniedException} in KMS's words.
 *
 * <pre>{@code
 * KmsAccess access = new KmsAccess(kms, authorizer);
 * // S3 reading an SSE-KMS object for the caller: "via" s3, so AWS managed keys' policies let the caller in
 * Decrypted data = access.decrypt(caller, region, storedBlob, Map.of("aws:s3:arn", objectArn), "s3");
 * }</pre>
 */
public final class KmsAccess {

    private final Kms kms;
    private final Authorizer authorizer;

    public KmsAccess(Kms kms, Authorizer authorizer) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    /**
     * One call to authorize.
     *
     * @param principal the caller
     * @param operation KMS's operation or permission name ({@code Decrypt}, {@code ReEncryptFrom}, {@code CreateAlias})
     * @param resource the key's ARN, an alias ARN, or {@code *}
     * @param region the region of the key store the call is for (where {@code kms:ViaService} is named)
     * @param encryptionContext the request's encryption context, or null for an operation that has none
     * @param viaService the Glaux service calling KMS for the caller ({@code s3}, {@code athena}), or null for a call
     *     made to KMS itself
     * @param otherKeys further condition keys ({@code kms:GrantOperations}, ...)
     */
    public record Call(Principal principal, String operation, String resource, String region,
            Map<String, String> encryptionContext, String viaService, Map<String, List<String>> otherKeys) {

        public Call {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(resource, "resource");
            otherKeys = otherKeys == null ? Map.of() : Map.copyOf(otherKeys);
        }

        /** A call made to KMS directly, with no encryption context. */
        public static Call direct(Principal principal, String operation, String resource, String region) {
            return new Call(principal, operation, resource, region, null, null, Map.of());
        }

        /** This call with an encryption context. */
        public Call withContext(Map<String, String> context) {
            return new Call(principal, operation, resource, region, context, viaService, otherKeys);
        }

        /** This call with one more condition key. */
        public Call withKey(String key, List<String> values) {
            Map<String, List<String>> more = new LinkedHashMap<>(otherKeys);
            more.put(key, List.copyOf(values));
            return new Call(principal, operation, resource, region, encryptionContext, viaService, more);
        }

        /** This call with more condition keys (a request's global keys: {@code aws:SourceIp}, ...). */
        public Call withKeys(Map<String, List<String>> keys) {
            Map<String, List<String>> more = new LinkedHashMap<>(otherKeys);
            more.putAll(keys);
            return new Call(principal, operation, resource, region, encryptionContext, viaService, more);
        }

        /** The request the authorizer is asked, with KMS's condition keys. */
        AccessRequest request() {
            Map<String, List<String>> keys = new LinkedHashMap<>(otherKeys);
            if (principal.accountId() != null) {
                keys.put("kms:CallerAccount", List.of(principal.accountId()));
            }
            if (encryptionContext != null && !encryptionContext.isEmpty()) {
                encryptionContext.forEach((key, value) -> keys.put("kms:EncryptionContext:" + key, List.of(value)));
                keys.put("kms:EncryptionContextKeys", List.copyOf(encryptionContext.keySet()));
            }
            if (viaService != null) {
                keys.put("kms:ViaService", List.of(viaService + "." + region + ".amazonaws.com"));
            }
            return new AccessRequest(principal, "kms:" + operation, resource, keys);
        }
    }

    /** Returns quietly when {@code call} is allowed by the policies or by a grant; throws KMS's refusal otherwise. */
    public void check(Call call) {
        AccessRequest request = call.request();
        Decision decision = authorizer.authorize(request);
        if (decision.isAllowed()) {
            return;
        }
        if (decision.outcome() == Decision.Outcome.IMPLICIT_DENY && grantAllowing(call).isPresent()) {
            return;
        }
        throw new AccessDeniedException(request, withGrantFix(call, decision));
    }

    /** The grant that allows {@code call}, if any: its key's, for its caller, operation and encryption context. */
    public Optional<KmsGrant> grantAllowing(Call call) {
        if (!KeyStore.GRANT_OPERATIONS.contains(call.operation())) {
            return Optional.empty();
        }
        Optional<KmsKey> key = KeyPolicyLookup.keyOf(kms, call.resource());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> context = call.encryptionContext() == null ? Map.of() : call.encryptionContext();
        KeyStore store = kms.store(key.get().accountId(), regionOf(key.get().arn()));
        return store.listGrants(key.get().keyId(), null, null).stream()
                .filter(grant -> names(grant.granteePrincipal(), call.principal()))
                .filter(grant -> grant.operations().contains(call.operation()))
                .filter(grant -> constraintsHold(grant, context))
                .findFirst();
    }

    /**
     * Whether {@code principal} may retire {@code grant}: its retiring principal, or its grantee, may (a role names
     * its sessions); otherwise the policies must allow {@code kms:RetireGrant} on the grant's key.
     */
    public void checkRetire(Principal principal, KmsGrant grant) {
        if ((grant.retiringPrincipal() != null && names(grant.retiringPrincipal(), principal))
                || names(grant.granteePrincipal(), principal)) {
            return;
        }
        check(Call.direct(principal, "RetireGrant", grant.keyArn(), regionOf(grant.keyArn())));
    }

    // ---- cryptography for other services ------------------------------------------------------------------------

    /**
     * Decrypt for {@code principal} through {@code viaService} ({@code s3}, ...; null for a direct call): the key in
     * the blob must allow {@code kms:Decrypt}, by policy or grant, or this throws {@link AccessDeniedException}.
     */
    public Decrypted decrypt(Principal principal, String region, byte[] ciphertextBlob, Map<String, String> context,
            String viaService) {
        KeyStore store = storeOf(principal, region);
        KmsKey key = store.keyOfCiphertext(ciphertextBlob);
        check(new Call(principal, "Decrypt", key.arn(), region, context, viaService, Map.of()));
        return store.decrypt(ciphertextBlob, context);
    }

    /** GenerateDataKey for {@code principal} through {@code viaService}, on the key a key reference names. */
    public DataKey generateDataKey(Principal principal, String region, String keyRef, Map<String, String> context,
            DataKeySpec spec, String viaService) {
        KeyStore store = storeOf(principal, region);
        KmsKey key = store.describeKey(keyRef);
        check(new Call(principal, "GenerateDataKey", key.arn(), region, context, viaService, Map.of()));
        return store.generateDataKey(key.arn(), context, spec);
    }

    /** Encrypt for {@code principal} through {@code viaService}, under the key a key reference names. */
    public Encrypted encrypt(Principal principal, String region, String keyRef, byte[] plaintext,
            Map<String, String> context, String viaService) {
        KeyStore store = storeOf(principal, region);
        KmsKey key = store.describeKey(keyRef);
        check(new Call(principal, "Encrypt", key.arn(), region, context, viaService, Map.of()));
        return store.encrypt(key.arn(), plaintext, context);
    }

    private KeyStore storeOf(Principal principal, String region) {
        if (principal.accountId() == null) {
            throw new AccessDeniedException(new AccessRequest(principal, "kms:Decrypt", "*"),
                    new Decision(Decision.Outcome.IMPLICIT_DENY, "because an anonymous caller has no keys", "",
                            ""));
        }
        return kms.store(principal.accountId(), region);
    }

    /** Whether a grant's principal ARN is the caller, or the role whose session the caller is. */
    static boolean names(String grantPrincipal, Principal principal) {
        return grantPrincipal.equals(principal.arn()) || grantPrincipal.equals(principal.identityArn());
    }

    private static boolean constraintsHold(KmsGrant grant, Map<String, String> context) {
        if (grant.encryptionContextEquals() != null && !grant.encryptionContextEquals().equals(context)) {
            return false;
        }
        return grant.encryptionContextSubset() == null
                || context.entrySet().containsAll(grant.encryptionContextSubset().entrySet());
    }

    private static String regionOf(String keyArn) {
        return keyArn.split(":", 6)[3];
    }

    /** The decision, its fix also naming the grant that would allow the call, for an operation grants cover. */
    private static Decision withGrantFix(Call call, Decision decision) {
        if (decision.outcome() != Decision.Outcome.IMPLICIT_DENY
                || !KeyStore.GRANT_OPERATIONS.contains(call.operation()) || call.resource().equals("*")) {
            return decision;
        }
        List<String> ways = new ArrayList<>();
        if (!decision.fix().isEmpty()) {
            ways.add(decision.fix());
        }
        ways.add("create a grant on " + call.resource() + " for " + call.principal().identityArn()
                + " with the operation " + call.operation()
                + (call.encryptionContext() == null || call.encryptionContext().isEmpty() ? ""
                : " (and constraints this request's encryption context meets)"));
        return new Decision(decision.outcome(), decision.reason(), String.join("; or ", ways), decision.source());
    }
}
