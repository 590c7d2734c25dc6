package io.glaux.quicksight.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.iam.directory.AttachedPolicy;
import io.glaux.iam.directory.EntityKind;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.directory.ManagedPolicy;
import io.glaux.iam.directory.PolicyScope;
import io.glaux.iam.directory.PolicyVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * QuickSight's "Security & permissions → AWS resources" settings, kept as its service role's policies in IAM, exactly
 * as a user could write them with {@code aws iam}:
 * <ul>
 *   <li>Athena access: the AWS managed {@value #ATHENA_POLICY_ARN} attached (Athena, Glue read and write, the
 *   {@code aws-athena-query-results-*} buckets) or detached;</li>
 *   <li>S3 buckets: the customer managed {@code AWSQuickSightS3Policy} (path {@code /service-role/}) attached, with
 *   {@code s3:ListBucket} on the buckets and {@code s3:GetObject} on their objects, plus {@code s3:PutObject} and
 *   {@code s3:GetBucketLocation} on the buckets marked "Write permission for Athena Workgroup"; detached when no
 *   bucket is chosen;</li>
 *   <li>Lambda functions: the customer managed {@code AWSQuickSightLambdaPolicy} with {@code lambda:InvokeFunction} on
 *   the chosen functions; detached when none is;</li>
 *   <li>KMS keys: the customer managed {@code AWSQuickSightKMSPolicy} with {@code kms:Decrypt},
 *   {@code kms:GenerateDataKey} and {@code kms:DescribeKey} on the chosen keys' ARNs (what reading and writing data
 *   encrypted under them takes); detached when none is. A key named by id or alias is written as its key ARN.</li>
 * </ul>
 * Reading the settings back reads those policies (whatever attached them); a change adds a policy version and makes it
 * the default, deleting the oldest non-default version when IAM's five are in use.
 */
public final class ResourceAccess {

    public static final String ATHENA_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AWSQuicksightAthenaAccess";
    public static final String S3_POLICY = "AWSQuickSightS3Policy";
    public static final String LAMBDA_POLICY = "AWSQuickSightLambdaPolicy";
    public static final String KMS_POLICY = "AWSQuickSightKMSPolicy";
    /** What the role may do with a chosen key. */
    public static final List<String> KMS_ACTIONS = List.of("kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey");
    private static final String READ_SID = "QuickSightReadBuckets";
    private static final String WRITE_SID = "QuickSightWriteBuckets";
    private static final String LAMBDA_SID = "QuickSightInvokeFunctions";
    private static final String KMS_SID = "QuickSightUseKeys";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A bucket QuickSight may read, and whether it may write to it (Athena query results). */
    public record Bucket(String name, boolean writeForAthenaWorkgroup) {
    }

    /**
     * The settings: Athena access, the buckets, the Lambda functions (ARNs), the KMS keys (key ARNs as read; key ids,
     * aliases or ARNs when written).
     */
    public record Settings(boolean athenaAccess, List<Bucket> buckets, List<String> lambdaFunctions,
            List<String> kmsKeys) {
        public Settings {
            buckets = List.copyOf(buckets);
            lambdaFunctions = List.copyOf(lambdaFunctions);
            kmsKeys = List.copyOf(kmsKeys);
        }

        /** Settings with no KMS key. */
        public Settings(boolean athenaAccess, List<Bucket> buckets, List<String> lambdaFunctions) {
            this(athenaAccess, buckets, lambdaFunctions, List.of());
        }
    }

    private final IamDirectory iam;
    private final String region;
    private final RoleKeys keys;

    /** Settings whose keys, if any, are key ARNs of the account and region (no key service to resolve others). */
    public ResourceAccess(IamDirectory iam, String region) {
        this(iam, region, RoleKeys.none(iam.accountId(), region));
    }

    /** @param keys the role's account and region's keys, which resolve the key ids and aliases settings name */
    public ResourceAccess(IamDirectory iam, String region, RoleKeys keys) {
        this.iam = iam;
        this.region = region;
        this.keys = keys;
    }

    /** The settings the role's policies express now. */
    public synchronized Settings read() {
        List<AttachedPolicy> attached = iam.attachedPolicies(EntityKind.ROLE, QuickSightRole.NAME);
        boolean athena = attached.stream().anyMatch(p -> p.policyArn().equals(ATHENA_POLICY_ARN));
        Map<String, Boolean> buckets = new LinkedHashMap<>();
        List<String> functions = new ArrayList<>();
        List<String> kmsKeys = new ArrayList<>();
        if (isAttached(attached, S3_POLICY)) {
            JsonNode document = document(policyArn(S3_POLICY));
            statement(document, READ_SID).forEach(arn -> bucketOf(arn).ifPresent(b -> buckets.putIfAbsent(b, false)));
            statement(document, WRITE_SID).forEach(arn -> bucketOf(arn).ifPresent(b -> buckets.put(b, true)));
        }
        if (isAttached(attached, LAMBDA_POLICY)) {
            functions.addAll(new LinkedHashSet<>(statement(document(policyArn(LAMBDA_POLICY)), LAMBDA_SID)));
        }
        if (isAttached(attached, KMS_POLICY)) {
            kmsKeys.addAll(new LinkedHashSet<>(statement(document(policyArn(KMS_POLICY)), KMS_SID)));
        }
        List<Bucket> list = new ArrayList<>();
        buckets.forEach((name, write) -> list.add(new Bucket(name, write)));
        return new Settings(athena, list, functions, kmsKeys);
    }

    /**
     * Writes {@code settings} as the role's policies; {@link UnknownKeyException} (and nothing written) when a KMS key
     * it names does not exist.
     */
    public synchronized Settings write(Settings settings) {
        List<String> keyArns = settings.kmsKeys().stream().map(keys::resolve).distinct().toList();
        boolean athenaAttached = iam.attachedPolicies(EntityKind.ROLE, QuickSightRole.NAME).stream()
                .anyMatch(p -> p.policyArn().equals(ATHENA_POLICY_ARN));
        if (settings.athenaAccess() && !athenaAttached) {
            iam.attachPolicy(EntityKind.ROLE, QuickSightRole.NAME, ATHENA_POLICY_ARN);
        } else if (!settings.athenaAccess() && athenaAttached) {
            iam.detachPolicy(EntityKind.ROLE, QuickSightRole.NAME, ATHENA_POLICY_ARN);
        }
        setPolicy(S3_POLICY, "The S3 buckets QuickSight may read (and write Athena results to)",
                settings.buckets().isEmpty() ? null : s3Document(settings.buckets()));
        List<String> functions = settings.lambdaFunctions().stream().map(this::functionArn).distinct().toList();
        setPolicy(LAMBDA_POLICY, "The Lambda functions QuickSight's federated queries may invoke",
                functions.isEmpty() ? null : oneStatement(LAMBDA_SID, List.of("lambda:InvokeFunction"), functions));
        setPolicy(KMS_POLICY, "The KMS keys QuickSight may decrypt and encrypt data with",
                keyArns.isEmpty() ? null : oneStatement(KMS_SID, KMS_ACTIONS, keyArns));
        return read();
    }

    private String functionArn(String function) {
        return function.startsWith("arn:") ? function
                : "arn:aws:lambda:" + region + ":" + iam.accountId() + ":function:" + function;
    }

    /** Makes {@code document} the policy's default version and attaches it, or detaches it for null. */
    private void setPolicy(String name, String description, String document) {
        String arn = policyArn(name);
        boolean exists = iam.policies(PolicyScope.LOCAL, false, QuickSightRole.PATH).stream()
                .map(ManagedPolicy::arn).anyMatch(arn::equals);
        boolean attached = isAttached(iam.attachedPolicies(EntityKind.ROLE, QuickSightRole.NAME), name);
        if (document == null) {
            if (attached) {
                iam.detachPolicy(EntityKind.ROLE, QuickSightRole.NAME, arn);
            }
            return;
        }
        if (!exists) {
            iam.createPolicy(name, QuickSightRole.PATH, document, description);
        } else if (!parse(iam.defaultVersion(arn).document()).equals(parse(document))) {
            List<PolicyVersion> versions = iam.policyVersions(arn);
            if (versions.size() >= 5) {
                versions.stream().filter(v -> !v.isDefaultVersion()).findFirst()
                        .ifPresent(v -> iam.deletePolicyVersion(arn, v.versionId()));
            }
            iam.createPolicyVersion(arn, document, true);
        }
        if (!attached) {
            iam.attachPolicy(EntityKind.ROLE, QuickSightRole.NAME, arn);
        }
    }

    private String policyArn(String name) {
        return "arn:aws:iam::" + iam.accountId() + ":policy" + QuickSightRole.PATH + name;
    }

    private static boolean isAttached(List<AttachedPolicy> attached, String name) {
        return attached.stream().anyMatch(p -> p.policyArn().endsWith(":policy" + QuickSightRole.PATH + name));
    }

    private JsonNode document(String arn) {
        return parse(iam.defaultVersion(arn).document());
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resources of the statement {@code sid} (none when it is missing). */
    private static List<String> statement(JsonNode document, String sid) {
        List<String> resources = new ArrayList<>();
        for (JsonNode statement : document.path("Statement")) {
            if (sid.equals(statement.path("Sid").asText())) {
                JsonNode resource = statement.path("Resource");
                if (resource.isArray()) {
                    resource.forEach(r -> resources.add(r.asText()));
                } else if (resource.isTextual()) {
                    resources.add(resource.asText());
                }
            }
        }
        return resources;
    }

    /** {@code arn:aws:s3:::bucket} → {@code bucket}; object ARNs ({@code bucket/*}) are not buckets. */
    private static Optional<String> bucketOf(String arn) {
        String prefix = "arn:aws:s3:::";
        return arn.startsWith(prefix) && !arn.contains("/") ? Optional.of(arn.substring(prefix.length()))
                : Optional.empty();
    }

    private static String s3Document(List<Bucket> buckets) {
        Set<String> read = new LinkedHashSet<>();
        Set<String> write = new LinkedHashSet<>();
        for (Bucket bucket : buckets) {
            read.add("arn:aws:s3:::" + bucket.name());
            read.add("arn:aws:s3:::" + bucket.name() + "/*");
            if (bucket.writeForAthenaWorkgroup()) {
                write.add("arn:aws:s3:::" + bucket.name());
                write.add("arn:aws:s3:::" + bucket.name() + "/*");
            }
        }
        ObjectNode document = policy();
        ArrayNode statements = document.putArray("Statement");
        statements.add(statement(READ_SID, List.of("s3:ListBucket", "s3:GetObject"), read));
        if (!write.isEmpty()) {
            statements.add(statement(WRITE_SID, List.of("s3:PutObject", "s3:GetBucketLocation",
                    "s3:ListBucketMultipartUploads", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"), write));
        }
        return document.toString();
    }

    /** A policy of one statement allowing {@code actions} on {@code resources}. */
    private static String oneStatement(String sid, List<String> actions, List<String> resources) {
        ObjectNode document = policy();
        document.putArray("Statement").add(statement(sid, actions, resources));
        return document.toString();
    }

    private static ObjectNode policy() {
        ObjectNode document = JSON.createObjectNode();
        document.put("Version", "2012-10-17");
        return document;
    }

    private static ObjectNode statement(String sid, List<String> actions, java.util.Collection<String> resources) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        actions.forEach(statement.withArray("Action")::add);
        resources.forEach(statement.withArray("Resource")::add);
        return statement;
    }
}
