package io.glaux.sts.api;

import io.glaux.aws.protocol.QueryInput;
import io.glaux.aws.protocol.QueryOperation;
import io.glaux.aws.protocol.QueryService;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.aws.protocol.XmlAnswer;
import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.AccessRequest;
import io.glaux.iam.Authorizer;
import io.glaux.iam.Decision;
import io.glaux.iam.Principal;
import io.glaux.iam.api.IamErrors;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.directory.Role;
import io.glaux.iam.directory.Session;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * STS's API (query protocol, SigV4 scope {@code sts}): GetCallerIdentity, AssumeRole (a session of an existing
 * role, for 900 seconds up to the role's MaxSessionDuration, limited by the session policies it passes:
 * {@link SessionPolicies}) and GetSessionToken. Sessions are the directory's and sign like any key.
 *
 * <p>Authorization, as STS does it: GetCallerIdentity and GetSessionToken need no permission (policies cannot refuse
 * them); AssumeRole asks the server's one {@link Authorizer} for {@code sts:AssumeRole} on the role's ARN, where the
 * role's trust policy is the resource policy ({@link TrustPolicyLookup}), so both the caller's identity policies and
 * the trust policy take part. A refusal is 403 AccessDenied worded as STS words it, without a "because" clause
 * ({@code User: <caller> is not authorized to perform: sts:AssumeRole on resource: <role ARN>}), then the fix.
 */
public final class StsApi implements QueryService {

    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern ARN = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF"
            + "\\uE000-\\uFFFD]+");
    private static final int DEFAULT_ROLE_SESSION_SECONDS = 3600;
    private static final int DEFAULT_SESSION_TOKEN_SECONDS = 43200;
    private static final int ROOT_SESSION_TOKEN_SECONDS = 3600;

    private final IamDirectory directory;
    private final Authorizer authorizer;
    private final Map<String, QueryOperation> operations;

    /** STS over {@code directory}, {@code authorizer} deciding who assumes which role. */
    public StsApi(IamDirectory directory, Authorizer authorizer) {
        this.directory = directory;
        this.authorizer = authorizer;
        this.operations = Map.of("GetCallerIdentity", this::getCallerIdentity, "AssumeRole", this::assumeRole,
                "GetSessionToken", this::getSessionToken);
    }

    public StsApi(IamDirectory directory) {
        this(directory, Authorizer.ALLOW_ALL);
    }

    @Override
    public void authorize(String action, QueryInput input, RequestContext context) {
        if (!action.equals("AssumeRole")) {
            return;
        }
        String roleArn = input.requiredString("RoleArn", 20, 2048, ARN);
        if (directory.roleByArn(roleArn).isEmpty()) {
            return; // refused by the operation, whoever asks
        }
        AccessRequest request = new AccessRequest(context.principal(), "sts:AssumeRole", roleArn,
                context.globalKeys());
        Decision decision = authorizer.authorize(request);
        if (!decision.isAllowed()) {
            // STS names no reason in its sentence; the fix still says what would allow it.
            throw new AccessDeniedException(request, new Decision(decision.outcome(), "", decision.fix(),
                    decision.source()));
        }
    }

    private XmlAnswer getCallerIdentity(QueryInput in, RequestContext context) {
        Principal principal = context.principal();
        return new XmlAnswer().add("UserId", principal.userId()).add("Account", principal.accountId())
                .add("Arn", principal.arn());
    }

    private XmlAnswer assumeRole(QueryInput in, RequestContext context) {
        String roleArn = in.requiredString("RoleArn", 20, 2048, ARN);
        String sessionName = in.requiredString("RoleSessionName", 2, 64, SESSION_NAME);
        Integer seconds = in.integer("DurationSeconds", 900, 43200);
        in.string("ExternalId", 2, 1224, Pattern.compile("[\\w+=,.@:\\/-]*"));
        Principal principal = context.principal();
        AccessRequest request = new AccessRequest(principal, "sts:AssumeRole", roleArn, context.globalKeys());
        Optional<Role> role = directory.roleByArn(roleArn);
        if (role.isEmpty()) {
            throw accessDenied(request, new Decision(Decision.Outcome.IMPLICIT_DENY, "", "", ""));
        }
        int duration = seconds == null ? DEFAULT_ROLE_SESSION_SECONDS : seconds;
        if (duration > role.get().maxSessionDuration()) {
            throw QueryInput.validationError("The requested DurationSeconds exceeds the MaxSessionDuration set for "
                    + "this role.");
        }
        SessionPolicies limits = SessionPolicies.read(in, directory, ARN);
        Session session = directory.assumeRole(roleArn, sessionName, Duration.ofSeconds(duration), limits.policy(),
                limits.policyArns());
        return credentials(new XmlAnswer(), session).add("AssumedRoleUser", new XmlAnswer()
                .add("AssumedRoleId", session.principal().userId()).add("Arn", session.principal().arn()))
                .add("PackedPolicySize", limits.packedPolicySize());
    }

    private XmlAnswer getSessionToken(QueryInput in, RequestContext context) {
        Integer seconds = in.integer("DurationSeconds", 900, 129600);
        Principal principal = context.principal();
        if (principal.type() == Principal.Type.ASSUMED_ROLE) {
            throw new ServiceError(403, "AccessDenied", "Cannot call GetSessionToken with session credentials");
        }
        int longest = principal.type() == Principal.Type.ROOT ? ROOT_SESSION_TOKEN_SECONDS : 129600;
        int duration = Math.min(longest, seconds == null ? DEFAULT_SESSION_TOKEN_SECONDS : seconds);
        return credentials(new XmlAnswer(), directory.sessionToken(principal, Duration.ofSeconds(duration)));
    }

    private static XmlAnswer credentials(XmlAnswer answer, Session session) {
        return answer.add("Credentials", new XmlAnswer().add("AccessKeyId", session.accessKeyId())
                .add("SecretAccessKey", session.secretAccessKey()).add("SessionToken", session.sessionToken())
                .add("Expiration", session.expiration()));
    }

    private static ServiceError accessDenied(AccessRequest request, Decision decision) {
        return new ServiceError(403, "AccessDenied", AccessDeniedException.messageOf(request, decision));
    }

    @Override
    public String signingName() {
        return "sts";
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
    public ServiceError translate(Exception error) {
        if (error instanceof AccessDeniedException denied) {
            return new ServiceError(403, "AccessDenied", denied.getMessage());
        }
        return IamErrors.translate(error);
    }
}
