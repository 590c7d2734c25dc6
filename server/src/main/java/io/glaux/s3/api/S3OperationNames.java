package io.glaux.s3.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The S3 API operation a request is, by the names of the S3 API reference and the SDKs ({@code PutObject},
 * {@code ListObjectsV2}, ...): the method, whether it names the service, a bucket or an object, and its subresource,
 * as {@link S3Routes} dispatches it. Requests that are no operation Glaux serves are named {@code Unknown}.
 */
public final class S3OperationNames {

    /** The name of a request that is no operation Glaux serves. */
    public static final String UNKNOWN = "Unknown";

    private static final List<String> BUCKET_SUBRESOURCES = List.of("acl", "cors", "delete", "encryption",
            "lifecycle", "location", "object-lock", "policy", "policyStatus", "tagging", "uploads", "versioning",
            "versions");
    private static final List<String> OBJECT_SUBRESOURCES = List.of("uploadId", "uploads", "tagging", "acl");
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("service GET", "ListBuckets");
        NAMES.put("bucket PUT", "CreateBucket");
        NAMES.put("bucket DELETE", "DeleteBucket");
        NAMES.put("bucket HEAD", "HeadBucket");
        NAMES.put("bucket GET", "ListObjects");
        NAMES.put("bucket GET list-type=2", "ListObjectsV2");
        NAMES.put("bucket GET location", "GetBucketLocation");
        NAMES.put("bucket POST delete", "DeleteObjects");
        NAMES.put("bucket GET versions", "ListObjectVersions");
        NAMES.put("bucket GET uploads", "ListMultipartUploads");
        for (String[] config : new String[][] {{"versioning", "BucketVersioning"}, {"tagging", "BucketTagging"},
                {"lifecycle", "BucketLifecycleConfiguration"}, {"encryption", "BucketEncryption"},
                {"acl", "BucketAcl"}, {"policy", "BucketPolicy"}, {"cors", "BucketCors"},
                {"object-lock", "ObjectLockConfiguration"}}) {
            NAMES.put("bucket GET " + config[0], "Get" + config[1]);
            NAMES.put("bucket PUT " + config[0], "Put" + config[1]);
        }
        NAMES.put("bucket DELETE tagging", "DeleteBucketTagging");
        NAMES.put("bucket DELETE lifecycle", "DeleteBucketLifecycle");
        NAMES.put("bucket DELETE encryption", "DeleteBucketEncryption");
        NAMES.put("bucket DELETE policy", "DeleteBucketPolicy");
        NAMES.put("bucket DELETE cors", "DeleteBucketCors");
        NAMES.put("bucket GET policyStatus", "GetBucketPolicyStatus");
        NAMES.put("object PUT", "PutObject");
        NAMES.put("object PUT copy", "CopyObject");
        NAMES.put("object GET", "GetObject");
        NAMES.put("object HEAD", "HeadObject");
        NAMES.put("object DELETE", "DeleteObject");
        NAMES.put("object GET tagging", "GetObjectTagging");
        NAMES.put("object PUT tagging", "PutObjectTagging");
        NAMES.put("object DELETE tagging", "DeleteObjectTagging");
        NAMES.put("object GET acl", "GetObjectAcl");
        NAMES.put("object PUT acl", "PutObjectAcl");
        NAMES.put("object POST uploads", "CreateMultipartUpload");
        NAMES.put("object PUT uploadId", "UploadPart");
        NAMES.put("object PUT uploadId copy", "UploadPartCopy");
        NAMES.put("object POST uploadId", "CompleteMultipartUpload");
        NAMES.put("object DELETE uploadId", "AbortMultipartUpload");
        NAMES.put("object GET uploadId", "ListParts");
    }

    /** Every name {@link #of} can answer, {@link #UNKNOWN} aside. */
    public static final Set<String> ALL = Set.copyOf(NAMES.values());

    private S3OperationNames() {
    }

    static String of(S3Request request) {
        String method = request.method();
        if (request.bucket() == null) {
            return name("service " + method);
        }
        if (request.key() == null) {
            String sub = subresource(request, BUCKET_SUBRESOURCES);
            if (sub == null && "GET".equals(method) && "2".equals(request.query("list-type"))) {
                return name("bucket GET list-type=2");
            }
            return name("bucket " + method + (sub == null ? "" : " " + sub));
        }
        String sub = subresource(request, OBJECT_SUBRESOURCES);
        boolean copy = "PUT".equals(method) && request.header("x-amz-copy-source") != null
                && (sub == null || sub.equals("uploadId"));
        return name("object " + method + (sub == null ? "" : " " + sub) + (copy ? " copy" : ""));
    }

    private static String subresource(S3Request request, List<String> supported) {
        for (String name : supported) {
            if (request.hasQuery(name)) {
                return name;
            }
        }
        return null;
    }

    private static String name(String route) {
        return NAMES.getOrDefault(route, UNKNOWN);
    }
}
