package io.glaux.kms.api;

import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.iam.Principal;
import io.glaux.kms.KeyStore;
import io.glaux.kms.Kms;
import io.glaux.kms.KmsAccess;
import io.glaux.kms.KmsAccess.Call;
import io.glaux.kms.KmsAlias;
import io.glaux.kms.KmsGrant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which permissions each KMS operation needs, as AWS's Service Authorization Reference lists them, asked of
 * {@link KmsAccess} before the operation runs: {@code kms:<Operation>} on the key's ARN (an alias is resolved to its
 * key; Decrypt and ReEncrypt use the key the ciphertext names), on {@code *} for CreateKey, ListKeys, ListAliases,
 * ListRetirableGrants and GenerateRandom; the alias operations need theirs on the alias's ARN and on each key
 * involved; ReEncrypt needs kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination key;
 * RetireGrant is the grant's retiring principal's or grantee's. A member that is missing or malformed is left to the
 * operation, which refuses it with its validation error before anything happens.
 */
final class KmsAuthorization {

    private static final Set<String> ON_ANY_RESOURCE = Set.of("CreateKey", "ListKeys", "ListAliases",
            "ListRetirableGrants", "GenerateRandom");
    /** The operations whose key member may be an alias; the others refuse one themselves (Invalid keyId). */
    private static final Set<String> ALIAS_ALLOWED = Set.of("DescribeKey", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext", "ReEncrypt");
    private static final Pattern ALIAS_REF = Pattern.compile("alias/.*|arn:aws:kms:[^:]*:[^:]*:alias/.*");
    private static final Set<String> WITH_CONTEXT = Set.of("Encrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext");

    private final Kms kms;
    private final KmsAccess access;

    KmsAuthorization(Kms kms, KmsAccess access) {
        this.kms = kms;
        this.access = access;
    }

    void authorize(String operation, JsonInput request, RequestContext context) {
        Principal caller = context.principal();
        String region = context.region();
        if (ON_ANY_RESOURCE.contains(operation)) {
            check(context, Call.direct(caller, operation, "*", region));
            if (operation.equals("CreateKey") && request.has("Tags")) {
                check(context, Call.direct(caller, "TagResource", "*", region));
            }
            return;
        }
        KeyStore store = KmsInput.store(kms, context);
        switch (operation) {
            case "Decrypt" -> blobKey(request, "CiphertextBlob", store).ifPresent(arn -> check(context,
                    Call.direct(caller, "Decrypt", arn, region).withContext(context(request, "EncryptionContext"))));
            case "ReEncrypt" -> {
                blobKey(request, "CiphertextBlob", store).ifPresent(arn -> check(context, Call.direct(caller,
                        "ReEncryptFrom", arn, region).withContext(context(request, "SourceEncryptionContext"))));
                keyArn(operation, request, "DestinationKeyId", store).ifPresent(arn -> check(context,
                        Call.direct(caller, "ReEncryptTo", arn, region)
                                .withContext(context(request, "DestinationEncryptionContext"))));
            }
            case "CreateAlias" -> {
                aliasArn(request, store).ifPresent(arn -> check(context, Call.direct(caller, operation, arn, region)));
                keyArn(operation, request, "TargetKeyId", store).ifPresent(arn -> check(context,
                        Call.direct(caller, operation, arn, region)));
            }
            case "UpdateAlias", "DeleteAlias" -> {
                Optional<String> alias = aliasArn(request, store);
                alias.ifPresent(arn -> check(context, Call.direct(caller, operation, arn, region)));
                alias.flatMap(arn -> currentTarget(request, store)).ifPresent(arn -> check(context,
                        Call.direct(caller, operation, arn, region)));
                if (operation.equals("UpdateAlias")) {
                    keyArn(operation, request, "TargetKeyId", store).ifPresent(arn -> check(context,
                            Call.direct(caller, operation, arn, region)));
                }
            }
            case "RetireGrant" -> grantToRetire(request, store).ifPresent(grant -> access.checkRetire(caller, grant));
            case "CreateGrant" -> keyArn(operation, request, "KeyId", store).ifPresent(arn -> check(context,
                    grantCall(caller, arn, region, request)));
            default -> keyArn(operation, request, "KeyId", store).ifPresent(arn -> check(context,
                    Call.direct(caller, operation, arn, region).withContext(WITH_CONTEXT.contains(operation)
                            ? context(request, "EncryptionContext") : null)));
        }
    }

    /** Asks KMS's rules about {@code call}, with the HTTP request's global keys ({@code aws:SourceIp}, ...). */
    private void check(RequestContext context, Call call) {
        access.check(call.withKeys(context.globalKeys()));
    }

    /** CreateGrant with its condition keys: the operations, grantee and retiring principal it asks for. */
    private static Call grantCall(Principal caller, String keyArn, String region, JsonInput request) {
        Call call = Call.direct(caller, "CreateGrant", keyArn, region);
        List<String> operations = request.strings("Operations", 0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
        if (operations != null) {
            call = call.withKey("kms:GrantOperations", operations);
        }
        String grantee = request.string("GranteePrincipal", 1, 256, KmsInput.PRINCIPAL);
        if (grantee != null) {
            call = call.withKey("kms:GranteePrincipal", List.of(grantee));
        }
        String retiring = request.string("RetiringPrincipal", 1, 256, KmsInput.PRINCIPAL);
        if (retiring != null) {
            call = call.withKey("kms:RetiringPrincipal", List.of(retiring));
        }
        return call;
    }

    /**
     * The ARN of the key a key reference member names (aliases resolved where the operation takes them), or empty
     * when the member is absent, or an alias where the operation refuses one.
     */
    private static Optional<String> keyArn(String operation, JsonInput request, String member, KeyStore store) {
        String ref = KmsInput.keyId(request, member);
        if (ref == null || (!ALIAS_ALLOWED.contains(operation) && ALIAS_REF.matcher(ref).matches())) {
            return Optional.empty();
        }
        return Optional.of(store.describeKey(ref).arn());
    }

    /** The ARN of the key a ciphertext blob names, or empty when there is no blob. */
    private static Optional<String> blobKey(JsonInput request, String member, KeyStore store) {
        byte[] blob = KmsInput.blob(request, member, 1, Integer.MAX_VALUE);
        return blob == null ? Optional.empty() : Optional.of(store.keyOfCiphertext(blob).arn());
    }

    private static Optional<String> aliasArn(JsonInput request, KeyStore store) {
        String name = request.string("AliasName", 1, 256, KmsInput.ALIAS_NAME);
        if (name == null || !name.startsWith(KeyStore.ALIAS_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of("arn:aws:kms:" + store.region() + ":" + store.accountId() + ":" + name);
    }

    /** The key an existing alias points at now. */
    private static Optional<String> currentTarget(JsonInput request, KeyStore store) {
        String name = request.string("AliasName", 1, 256, KmsInput.ALIAS_NAME);
        return store.listAliases(null).stream().filter(alias -> alias.name().equals(name)).findFirst()
                .map(KmsAlias::targetKeyId).map(id -> store.describeKey(id).arn());
    }

    private static Optional<KmsGrant> grantToRetire(JsonInput request, KeyStore store) {
        String token = request.string("GrantToken", 1, 8192);
        if (token != null) {
            return store.findGrantByToken(token);
        }
        String keyId = KmsInput.keyId(request, "KeyId");
        String grantId = request.string("GrantId", 1, 128);
        if (keyId == null || grantId == null) {
            return Optional.empty();
        }
        return store.listGrants(keyId, grantId, null).stream().findFirst();
    }

    private static Map<String, String> context(JsonInput request, String member) {
        return KmsInput.context(request, member);
    }
}
