package io.glaux.kms.api;

import io.glaux.aws.protocol.ErrorStyle;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.JsonService;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.kms.Kms;
import io.glaux.kms.KmsException;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * AWS KMS as a {@link JsonService}: {@code X-Amz-Target: TrentService.<Operation>}, SigV4 scope {@code kms}, over the
 * engine's {@link Kms} (the store of the account and region each request is signed for). The handlers are grouped by
 * concern (keys, aliases, cryptography, grants, key policies, tags); the engine's {@link KmsException}s are answered
 * here, once, with the error shape they name.
 */
public final class KmsApi implements JsonService {

    static final String TARGET_PREFIX = "TrentService.";

    private final Map<String, JsonOperation> operations = new TreeMap<>();

    public KmsApi(Kms kms) {
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
    public ErrorStyle errors() {
        return KmsErrors.STYLE;
    }

    @Override
    public ServiceError translate(Exception error) {
        return error instanceof KmsException e ? KmsErrors.of(e) : null;
    }
}
