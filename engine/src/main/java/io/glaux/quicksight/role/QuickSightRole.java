package io.glaux.quicksight.role;

import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.AccessRequest;
import io.glaux.iam.Authorizer;
import io.glaux.iam.Principal;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.directory.Role;
import io.glaux.storage.S3Location;

import java.util.Optional;

/**
 * QuickSight's service role and QuickSight acting as a session of it. The role
 * ({@code arn:aws:iam::<account>:role/service-role/aws-quicksight-service-role-v0}, trusted by
 * {@code quicksight.amazonaws.com}) is created in the IAM directory on first start, with the default
 * {@link ResourceAccess} settings written as its policies. Everything QuickSight does against Athena, S3 and Lambda
 * is asked of the server's authorizer as the session {@code QuickSight} of that role, so only with IAM enforced
 * is anything refused; each refusal is a {@link RoleRefusal} naming the table's fix.
 */
public final class QuickSightRole {

    public static final String NAME = "aws-quicksight-service-role-v0";
    public static final String PATH = "/service-role/";
    public static final String SESSION_NAME = "QuickSight";
    /** Who may assume the role: QuickSight itself. */
    public static final String TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"quicksight.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final Authorizer authorizer;
    private final Principal principal;
    private final String accountId;
    private final String region;

    private QuickSightRole(Authorizer authorizer, Principal principal, String accountId, String region) {
        this.authorizer = authorizer;
        this.principal = principal;
        this.accountId = accountId;
        this.region = region;
    }

    /** QuickSight without IAM (an engine used alone): nothing is checked and queries carry no caller. */
    public static QuickSightRole unchecked(String accountId, String region) {
        return new QuickSightRole(Authorizer.ALLOW_ALL, null, accountId, region);
    }

    /**
     * The role in {@code iam}, created with {@code defaults} as its settings when it is missing.
     *
     * @param authorizer the server's authorizer: {@link Authorizer#ALLOW_ALL} unless IAM is enforced
     */
    public static QuickSightRole in(IamDirectory iam, Authorizer authorizer, String region,
            ResourceAccess.Settings defaults) {
        Role role = iam.roles(PATH).stream().filter(r -> r.name().equals(NAME)).findFirst().orElse(null);
        if (role == null) {
            // The role and its policies are saved together: one write of the directory, not one per change.
            role = iam.changeAtOnce(() -> {
                Role created = iam.createRole(NAME, PATH, TRUST_POLICY, "Role QuickSight acts as against AWS "
                        + "resources (its Security & permissions settings are this role's policies)", null,
                        java.util.List.of());
                new ResourceAccess(iam, region).write(defaults);
                return created;
            });
        }
        return new QuickSightRole(authorizer, Principal.assumedRole(iam.accountId(), role.path(), role.name(),
                role.id(), SESSION_NAME), iam.accountId(), region);
    }

    /** Whether the role's permissions are enforced (IAM enforced): otherwise nothing is refused. */
    public boolean enforced() {
        return principal != null && authorizer != Authorizer.ALLOW_ALL;
    }

    /** The session QuickSight's queries run as, or null when nothing is checked. */
    public Principal principal() {
        return principal;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    /** The role's refusal of {@code action} on {@code resource}, if any, answered with {@code fix}. */
    public Optional<RoleRefusal> refusal(AccessRequest request, Fix fix) {
        if (!enforced()) {
            return Optional.empty();
        }
        try {
            authorizer.check(request);
            return Optional.empty();
        } catch (AccessDeniedException denied) {
            return Optional.of(new RoleRefusal(denied, fix));
        }
    }

    /** The role's refusal of {@code action} ({@code athena:GetWorkGroup}) on a workgroup, or {@code *} for null. */
    public Optional<RoleRefusal> athena(String action, String workGroup) {
        String resource = workGroup == null ? "*"
                : "arn:aws:athena:" + region + ":" + accountId + ":workgroup/" + workGroup;
        return refusal(request(action, resource).with("aws:RequestedRegion", region), Fix.ATHENA);
    }

    /**
     * The role's refusal of a result location: listing its bucket ({@code s3:ListBucket} with {@code s3:prefix}),
     * writing and reading objects under it ({@code s3:PutObject}, {@code s3:GetObject} on the prefix).
     */
    public Optional<RoleRefusal> resultLocation(S3Location prefix) {
        Optional<RoleRefusal> list = refusal(request("s3:ListBucket", "arn:aws:s3:::" + prefix.bucket())
                .with("s3:prefix", prefix.key()), Fix.S3);
        if (list.isPresent()) {
            return list;
        }
        String objects = "arn:aws:s3:::" + prefix.bucket() + "/" + prefix.key();
        Optional<RoleRefusal> put = refusal(request("s3:PutObject", objects), Fix.S3);
        return put.isPresent() ? put : refusal(request("s3:GetObject", objects), Fix.S3);
    }

    /** The role's refusal of reading a result object back ({@code s3:GetObject}). */
    public Optional<RoleRefusal> readResult(S3Location object) {
        return refusal(request("s3:GetObject", "arn:aws:s3:::" + object.bucket() + "/" + object.key()), Fix.S3);
    }

    /** The role's refusal of invoking a connector function (a name or ARN). */
    public Optional<RoleRefusal> invoke(String function) {
        return refusal(request("lambda:InvokeFunction", functionArn(function)), Fix.LAMBDA);
    }

    /**
     * The role's refusal of using a KMS key for data it reads or writes through S3 ({@code Decrypt} to read results
     * or table data encrypted under the key, {@code GenerateDataKey} to write results under it), answered with the
     * table's KMS fix. The key policy takes part (the server's resource policies), with the condition keys KMS sets
     * when S3 calls it for the role: {@code kms:ViaService} and {@code kms:CallerAccount}.
     *
     * @param keyArn the key's ARN
     * @param action the KMS operation ({@code Decrypt}; {@code kms:Decrypt} is taken too)
     */
    public Optional<RoleRefusal> useKey(String keyArn, String action) {
        if (!enforced()) {
            return Optional.empty();
        }
        return refusal(keyUse(principal, accountId, region, keyArn, action), Fix.KMS);
    }

    /**
     * The request for the role's session using a key through S3, as KMS asks it: {@code kms:<operation>} on the key
     * ARN with {@code kms:ViaService} = {@code s3.<region>.amazonaws.com} and {@code kms:CallerAccount}.
     */
    static AccessRequest keyUse(Principal session, String accountId, String region, String keyArn, String action) {
        String operation = action.startsWith("kms:") ? action : "kms:" + action;
        return new AccessRequest(session, operation, keyArn)
                .with("kms:ViaService", "s3." + region + ".amazonaws.com")
                .with("kms:CallerAccount", accountId);
    }

    /** A function's ARN in the role's account and region (an ARN is kept as is). */
    public String functionArn(String function) {
        return function.startsWith("arn:") ? function
                : "arn:aws:lambda:" + region + ":" + accountId + ":function:" + function;
    }

    private AccessRequest request(String action, String resource) {
        return new AccessRequest(principal, action, resource);
    }
}
