package io.glaux.s3.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The permissions each S3 operation needs, as the Service Authorization Reference for Amazon S3 and the "Required
 * permissions" of each API page name them: the action, the bucket or object ARN it applies to, and the condition keys
 * that belong to that action ({@code s3:prefix}, {@code s3:delimiter} and {@code s3:max-keys} for the listings,
 * {@code s3:x-amz-copy-source} for a copy). An operation that needs several permissions (CopyObject: s3:GetObject on
 * the source and s3:PutObject on the target) lists each. DeleteObjects lists none: each of its keys is checked on its
 * own as s3:DeleteObject, and a refused key is reported in its answer rather than refusing the whole request.
 */
final class S3Permissions {

    /** Operations whose single action is named after the operation's subresource, on the bucket. */
    private static final Map<String, String> BUCKET_ACTIONS = Map.ofEntries(
            Map.entry("CreateBucket", "s3:CreateBucket"),
            Map.entry("DeleteBucket", "s3:DeleteBucket"),
            Map.entry("HeadBucket", "s3:ListBucket"),
            Map.entry("GetBucketLocation", "s3:GetBucketLocation"),
            Map.entry("ListMultipartUploads", "s3:ListBucketMultipartUploads"),
            Map.entry("GetBucketVersioning", "s3:GetBucketVersioning"),
            Map.entry("PutBucketVersioning", "s3:PutBucketVersioning"),
            Map.entry("GetBucketTagging", "s3:GetBucketTagging"),
            Map.entry("PutBucketTagging", "s3:PutBucketTagging"),
            Map.entry("DeleteBucketTagging", "s3:PutBucketTagging"),
            Map.entry("GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration"),
            Map.entry("PutBucketLifecycleConfiguration", "s3:PutLifecycleConfiguration"),
            Map.entry("DeleteBucketLifecycle", "s3:PutLifecycleConfiguration"),
            Map.entry("GetBucketEncryption", "s3:GetEncryptionConfiguration"),
            Map.entry("PutBucketEncryption", "s3:PutEncryptionConfiguration"),
            Map.entry("DeleteBucketEncryption", "s3:PutEncryptionConfiguration"),
            Map.entry("GetBucketAcl", "s3:GetBucketAcl"),
            Map.entry("PutBucketAcl", "s3:PutBucketAcl"),
            Map.entry("GetBucketPolicy", "s3:GetBucketPolicy"),
            Map.entry("PutBucketPolicy", "s3:PutBucketPolicy"),
            Map.entry("DeleteBucketPolicy", "s3:DeleteBucketPolicy"),
            Map.entry("GetBucketPolicyStatus", "s3:GetBucketPolicyStatus"),
            Map.entry("GetBucketCors", "s3:GetBucketCORS"),
            Map.entry("PutBucketCors", "s3:PutBucketCORS"),
            Map.entry("DeleteBucketCors", "s3:PutBucketCORS"),
            Map.entry("GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration"),
            Map.entry("PutObjectLockConfiguration", "s3:PutBucketObjectLockConfiguration"));

    /** Operations on one object whose action does not depend on a version id. */
    private static final Map<String, String> OBJECT_ACTIONS = Map.of(
            "PutObjectAcl", "s3:PutObjectAcl",
            "CreateMultipartUpload", "s3:PutObject",
            "UploadPart", "s3:PutObject",
            "CompleteMultipartUpload", "s3:PutObject",
            "AbortMultipartUpload", "s3:AbortMultipartUpload",
            "ListParts", "s3:ListMultipartUploadParts",
            "PutObjectTagging", "s3:PutObjectTagging");

    /** Object operations that take a version id, and their action without and with one. */
    private static final Map<String, String[]> VERSIONED_ACTIONS = Map.of(
            "GetObject", new String[] {"s3:GetObject", "s3:GetObjectVersion"},
            "HeadObject", new String[] {"s3:GetObject", "s3:GetObjectVersion"},
            "DeleteObject", new String[] {"s3:DeleteObject", "s3:DeleteObjectVersion"},
            "GetObjectTagging", new String[] {"s3:GetObjectTagging", "s3:GetObjectVersionTagging"},
            "DeleteObjectTagging", new String[] {"s3:DeleteObjectTagging", "s3:DeleteObjectVersionTagging"},
            "GetObjectAcl", new String[] {"s3:GetObjectAcl", "s3:GetObjectVersionAcl"});

    private S3Permissions() {
    }

    /** The permissions {@code request}, the S3 operation {@code operation} ({@link S3OperationNames}), needs. */
    static List<S3Permission> of(String operation, S3Request request) {
        String bucket = request.bucket();
        String key = request.key();
        switch (operation) {
            case "ListBuckets":
                return List.of(new S3Permission("s3:ListAllMyBuckets", "*"));
            case "ListObjects", "ListObjectsV2":
                return List.of(new S3Permission("s3:ListBucket", S3Permission.bucketArn(bucket),
                        listingKeys(request)));
            case "ListObjectVersions":
                return List.of(new S3Permission("s3:ListBucketVersions", S3Permission.bucketArn(bucket),
                        listingKeys(request)));
            case "DeleteObjects", S3OperationNames.UNKNOWN:
                return List.of();
            case "PutObject":
                return writes(request, new S3Permission("s3:PutObject", S3Permission.objectArn(bucket, key)));
            case "CopyObject":
                return copy(request, true);
            case "UploadPartCopy":
                return copy(request, false);
            default:
                break;
        }
        if (BUCKET_ACTIONS.containsKey(operation)) {
            return List.of(new S3Permission(BUCKET_ACTIONS.get(operation), S3Permission.bucketArn(bucket)));
        }
        if (OBJECT_ACTIONS.containsKey(operation)) {
            S3Permission permission = new S3Permission(OBJECT_ACTIONS.get(operation),
                    S3Permission.objectArn(bucket, key));
            return operation.equals("CreateMultipartUpload") ? writes(request, permission) : List.of(permission);
        }
        String[] versioned = VERSIONED_ACTIONS.get(operation);
        if (versioned != null) {
            String versionId = request.query("versionId");
            Map<String, List<String>> keys = versionId == null ? Map.of() : Map.of("s3:versionid", List.of(versionId));
            return List.of(new S3Permission(versionId == null ? versioned[0] : versioned[1],
                    S3Permission.objectArn(bucket, key), keys));
        }
        throw new IllegalStateException("No permissions are known for the S3 operation " + operation);
    }

    /**
     * s3:PutObject (or CreateMultipartUpload's), plus s3:PutObjectAcl when the request sets an ACL and
     * s3:PutObjectTagging when it sets tags, as S3 requires.
     */
    private static List<S3Permission> writes(S3Request request, S3Permission put) {
        List<S3Permission> permissions = new ArrayList<>(List.of(put));
        if (request.header("x-amz-acl") != null || hasGrantHeader(request)) {
            permissions.add(new S3Permission("s3:PutObjectAcl", put.resource()));
        }
        if (request.header("x-amz-tagging") != null) {
            permissions.add(new S3Permission("s3:PutObjectTagging", put.resource()));
        }
        return permissions;
    }

    /** s3:GetObject (GetObjectVersion for a version) on the source, then the write on the target. */
    private static List<S3Permission> copy(S3Request request, boolean wholeObject) {
        String header = request.header("x-amz-copy-source");
        CopySource source = CopySource.parse(header);
        boolean version = header.contains("versionId=");
        String target = S3Permission.objectArn(request.bucket(), request.key());
        S3Permission put = new S3Permission("s3:PutObject", target,
                Map.of("s3:x-amz-copy-source", List.of(header.trim())));
        List<S3Permission> permissions = new ArrayList<>();
        permissions.add(new S3Permission(version ? "s3:GetObjectVersion" : "s3:GetObject",
                S3Permission.objectArn(source.bucket(), source.key())));
        permissions.addAll(wholeObject ? writes(request, put) : List.of(put));
        return permissions;
    }

    /** s3:prefix, s3:delimiter and s3:max-keys, each when the listing gives it. */
    private static Map<String, List<String>> listingKeys(S3Request request) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String name : List.of("prefix", "delimiter", "max-keys")) {
            String value = request.query(name);
            if (value != null) {
                keys.put("s3:" + name, List.of(value));
            }
        }
        return keys;
    }

    private static boolean hasGrantHeader(S3Request request) {
        for (String name : java.util.Collections.list(request.http().getHeaderNames())) {
            if (name.toLowerCase(java.util.Locale.ROOT).startsWith("x-amz-grant-")) {
                return true;
            }
        }
        return false;
    }
}
