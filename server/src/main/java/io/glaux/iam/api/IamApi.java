package io.glaux.iam.api;

import io.glaux.aws.protocol.QueryInput;
import io.glaux.aws.protocol.QueryOperation;
import io.glaux.aws.protocol.QueryService;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.iam.Authorizer;
import io.glaux.iam.directory.IamDirectory;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM's API (query protocol, SigV4 scope {@code iam}) over an {@link IamDirectory}: users and access keys, groups,
 * roles, managed policies and versions, attachments and inline policies, users' and roles' permissions boundaries,
 * tags, with Marker/MaxItems paging. Each
 * call needs {@code iam:<Action>} on its entity's ARN ({@link IamAuthorization}); a refusal is 403 AccessDenied.
 */
public final class IamApi implements QueryService {

    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final Map<String, QueryOperation> operations;
    private final IamAuthorization authorization;

    /** IAM over {@code directory}, every call allowed (Glaux without enforcement). */
    public IamApi(IamDirectory directory) {
        this(directory, Authorizer.ALLOW_ALL);
    }

    /** IAM over {@code directory}, each call authorized by {@code authorizer} ({@link IamAuthorization}). */
    public IamApi(IamDirectory directory, Authorizer authorizer) {
        this.authorization = new IamAuthorization(directory, authorizer);
        Map<String, QueryOperation> all = new TreeMap<>();
        new UserOperations(directory).register(all);
        new GroupOperations(directory).register(all);
        new RoleOperations(directory).register(all);
        new PolicyOperations(directory).register(all);
        new EntityPolicyOperations(directory).register(all);
        new BoundaryOperations(directory).register(all);
        this.operations = Collections.unmodifiableMap(all);
    }

    @Override
    public String signingName() {
        return "iam";
    }

    @Override
    public String xmlNamespace() {
        return NAMESPACE;
    }

    @Override
    public Map<String, QueryOperation> operations() {
        return operations;
    }

    @Override
    public void authorize(String action, QueryInput input, RequestContext context) {
        authorization.authorize(action, input, context);
    }

    @Override
    public ServiceError translate(Exception error) {
        return IamErrors.translate(error);
    }
}
