package io.glaux.kms.api;

import io.glaux.aws.protocol.ErrorStyle;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.JsonService;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.iam.Authorizer;
import io.glaux.kms.Kms;
import io.glaux.kms.KmsAccess;
import io.glaux.kms.KmsException;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * AWS KMS as a {@link JsonService}: {@code X-Amz-Target: TrentService.<Operation>}, SigV4 scope {@code kms}, over the
 * engine's {@link Kms} (the store of the account and region each request is signed for). The handlers are grouped by
 * concern (keys, aliases, cryptography, grants, key policies, tags); the engine's {@link KmsException}s are answered
 * here, once, with the error shape they name. Every call is first authorized ({@link KmsAuthorization}): a refusal is
 * KMS's 400 AccessDeniedException, AWS's sentence followed by the grant that would allow it.
 */
public final class KmsApi implements JsonService {

    static final String TARGET_PREFIX = "TrentService.";

    private final Map<String, JsonOperation> operations = new TreeMap<>();
    private final KmsAuthorization authorization;

    /** KMS over {@code kms}, every call allowed (Glaux without enforcement). */
    public KmsApi(Kms kms) {
        this(kms, Authorizer.ALLOW_ALL);
    }

    /**
     * KMS over {@code kms}, each call authorized by {@code authorizer} (IAM policies and key policies) and the keys'
     * grants, as {@link KmsAccess} decides.
     */
    public KmsApi(Kms kms, Authorizer authorizer) {
        this.authorization = new KmsAuthorization(kms, new KmsAccess(kms, authorizer));
        new KeyOperations(kms).register(operations);
        new AliasOperations(kms).register(operations);
        new CryptoOperations(kms).register(operations);
        new GrantOperations(kms).register(operations);
        new PolicyOperations(kms).register(operations);
        new TagOperations(kms).register(operations);
    }

    /** The operations this API answers, by name. */
    public Set<String> operationNames() {
        return Collections.unmodifiableSet(operations.keySet());
    }

    @Override
    public String signingName() {
        return "kms";
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public Map<String, JsonOperation> operations() {
        return Collections.unmodifiableMap(operations);
    }

    @Override
    public void authorize(String operation, JsonInput input, RequestContext context) {
        authorization.authorize(operation, input, context);
    }

    @Override
    public ErrorStyle errors() {
        return KmsErrors.STYLE;
    }

    @Override
    public ServiceError translate(Exception error) {
        return error instanceof KmsException e ? KmsErrors.of(e) : null;
    }
}
