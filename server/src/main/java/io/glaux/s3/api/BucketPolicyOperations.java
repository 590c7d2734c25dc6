package io.glaux.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.iam.Principal;
import io.glaux.iam.policy.Effect;
import io.glaux.iam.policy.MalformedPolicyDocumentException;
import io.glaux.iam.policy.PolicyDocument;
import io.glaux.iam.policy.PrincipalMatch;
import io.glaux.iam.policy.Statement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.util.Locale;

/**
 * A bucket's policy: PutBucketPolicy validates it as S3 does (the policy language's grammar for a resource policy,
 * then S3's own rules: only S3 actions, every resource this bucket or its objects) and keeps the text with the bucket's
 * settings; GetBucketPolicy answers it as put; DeleteBucketPolicy removes it (204 whether or not there was one);
 * GetBucketPolicyStatus says whether it makes the bucket public. The policy takes effect through
 * {@link BucketPolicies}.
 */
final class BucketPolicyOperations {

    /** S3's limit on a bucket policy's size. */
    static final int MAX_POLICY_BYTES = 20 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Backend backend;

    BucketPolicyOperations(S3Backend backend) {
        this.backend = backend;
    }

    void getPolicy(S3Request request, S3Response response) throws IOException {
        String policy = policyOf(request);
        response.header("Content-Type", "application/json");
        byte[] bytes = policy.getBytes(StandardCharsets.UTF_8);
        OutputStream out = response.body(200, bytes.length);
        if (out != null) {
            out.write(bytes);
        }
    }

    /**
     * PutBucketPolicy. {@code x-amz-confirm-remove-self-bucket-access} is accepted and has nothing to do: the
     * account's root user can always put, read and delete the policy, so no policy locks the owner out.
     */
    void putPolicy(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        String confirm = request.header("x-amz-confirm-remove-self-bucket-access");
        if (confirm != null && !confirm.trim().equalsIgnoreCase("true") && !confirm.trim().equalsIgnoreCase("false")) {
            throw S3Errors.invalidArgument("Invalid value for x-amz-confirm-remove-self-bucket-access header",
                    "x-amz-confirm-remove-self-bucket-access", confirm);
        }
        byte[] body = RequestBodies.read(request);
        if (body.length > MAX_POLICY_BYTES) {
            throw malformed("Policy exceeds the maximum allowed document size.");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        validate(text, request.bucket());
        backend.settings().update(request.bucket(), settings -> settings.withPolicy(text));
        response.empty(204);
    }

    void deletePolicy(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        backend.settings().update(request.bucket(), settings -> settings.withPolicy(null));
        response.empty(204);
    }

    /**
     * GetBucketPolicyStatus: public when a statement allows everyone ({@code "Principal": "*"}) without a condition
     * that narrows who, as S3's public-access check judges it for the common cases.
     */
    void getPolicyStatus(S3Request request, S3Response response) throws IOException {
        String text = policyOf(request);
        PolicyDocument document = PolicyDocument.parse(text, PolicyDocument.Kind.RESOURCE);
        JsonNode statements = statementsOf(JSON.readTree(text));
        boolean isPublic = false;
        for (Statement statement : document.statements()) {
            JsonNode node = statements.get(statement.index());
            boolean unconditioned = node == null || !node.has("Condition") || node.get("Condition").isEmpty();
            if (statement.effect() == Effect.ALLOW && unconditioned
                    && statement.principalMatch(Principal.anonymous(), false) != PrincipalMatch.NONE) {
                isPublic = true;
            }
        }
        response.xml(XmlWriter.document("PolicyStatus").element("IsPublic", String.valueOf(isPublic)));
    }

    private String policyOf(S3Request request) throws IOException {
        backend.requireBucket(request.bucket());
        String policy = backend.settings().get(request.bucket()).policy();
        if (policy == null) {
            throw new S3Exception(404, "NoSuchBucketPolicy", "The bucket policy does not exist")
                    .with("BucketName", request.bucket());
        }
        return policy;
    }

    /** The policy language's checks for a resource policy, in S3's words, then S3's own rules for this bucket. */
    static void validate(String text, String bucket) {
        JsonNode tree;
        try {
            tree = text.stripLeading().startsWith("{") ? JSON.readTree(text) : null;
        } catch (IOException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        PolicyDocument document;
        try {
            document = PolicyDocument.parse(text, PolicyDocument.Kind.RESOURCE);
        } catch (MalformedPolicyDocumentException e) {
            throw malformed(inS3Words(e.getMessage()));
        }
        for (Statement statement : document.statements()) {
            for (String action : statement.actions()) {
                if (!action.equals("*") && !action.toLowerCase(Locale.ROOT).startsWith("s3:")) {
                    throw malformed("Policy has invalid action");
                }
            }
            for (String resource : statement.resources()) {
                if (!coversOnlyBucket(resource, bucket)) {
                    throw malformed("Policy has invalid resource");
                }
            }
        }
    }

    /** Whether {@code resource} names {@code bucket} itself or objects in it (wildcards allowed after the '/'). */
    private static boolean coversOnlyBucket(String resource, String bucket) {
        String arn = S3Permission.bucketArn(bucket);
        return resource.equals(arn) || resource.startsWith(arn + "/");
    }

    /** The policy language's messages as S3 words them where it words them differently. */
    private static String inS3Words(String message) {
        if (message.startsWith("Invalid principal in policy")) {
            return "Invalid principal in policy";
        }
        if (message.startsWith("Resource ")) {
            return "Policy has invalid resource";
        }
        if (message.startsWith("Vendor ") || message.startsWith("Actions/Condition")) {
            return "Policy has invalid action";
        }
        return message;
    }

    private static JsonNode statementsOf(JsonNode tree) {
        JsonNode statements = tree.get("Statement");
        if (statements != null && statements.isObject()) {
            return JSON.createArrayNode().add(statements);
        }
        return statements == null ? JSON.createArrayNode() : statements;
    }

    private static S3Exception malformed(String message) {
        return new S3Exception(400, "MalformedPolicy", message);
    }
}
