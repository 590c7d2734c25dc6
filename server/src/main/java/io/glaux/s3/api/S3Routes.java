package io.glaux.s3.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dispatch from (method, service/bucket/object, subresource) to one operation. A request's subresource is the
 * first query parameter naming one ({@code ?versioning}, {@code ?uploadId=...}); requests for S3 features Glaux does
 * not have answer NotImplemented, methods a resource does not take MethodNotAllowed.
 */
final class S3Routes {

    private static final List<String> BUCKET_SUBRESOURCES = List.of("acl", "cors", "delete", "encryption",
            "lifecycle", "location", "object-lock", "policy", "policyStatus", "tagging", "uploads", "versioning",
            "versions");
    private static final Set<String> BUCKET_UNSUPPORTED = Set.of("accelerate", "analytics", "intelligent-tiering",
            "inventory", "logging", "metrics", "notification", "ownershipControls",
            "publicAccessBlock", "replication", "requestPayment", "website", "metadataTable",
            "metadataConfiguration", "session");
    private static final List<String> OBJECT_SUBRESOURCES = List.of("uploadId", "uploads", "tagging", "acl");
    private static final Set<String> OBJECT_UNSUPPORTED = Set.of("retention", "legal-hold", "attributes", "restore",
            "select", "torrent", "renameObject");

    private final Map<String, S3Operation> service = new HashMap<>();
    private final Map<String, S3Operation> bucket = new HashMap<>();
    private final Map<String, S3Operation> object = new HashMap<>();

    S3Routes(S3Backend backend) {
        ServiceOperations services = new ServiceOperations(backend);
        BucketOperations buckets = new BucketOperations(backend);
        ListOperations lists = new ListOperations(backend);
        BucketConfigOperations config = new BucketConfigOperations(backend);
        BucketPolicyOperations policies = new BucketPolicyOperations(backend);
        ObjectOperations objects = new ObjectOperations(backend);
        MultipartOperations multipart = new MultipartOperations(backend);
        CopyOperations copies = new CopyOperations(backend, multipart);

        service.put("GET", services::listBuckets);

        bucket.put("PUT", buckets::createBucket);
        bucket.put("DELETE", buckets::deleteBucket);
        bucket.put("HEAD", buckets::headBucket);
        bucket.put("GET", lists::listObjects);
        bucket.put("GET location", buckets::getBucketLocation);
        bucket.put("POST delete", buckets::deleteObjects);
        bucket.put("GET versions", lists::listObjectVersions);
        bucket.put("GET uploads", multipart::listMultipartUploads);
        bucket.put("GET versioning", config::getVersioning);
        bucket.put("PUT versioning", config::putVersioning);
        bucket.put("GET tagging", config::getTagging);
        bucket.put("PUT tagging", config::putTagging);
        bucket.put("DELETE tagging", config::deleteTagging);
        bucket.put("GET lifecycle", config::getLifecycle);
        bucket.put("PUT lifecycle", config::putLifecycle);
        bucket.put("DELETE lifecycle", config::deleteLifecycle);
        bucket.put("GET encryption", config::getEncryption);
        bucket.put("PUT encryption", config::putEncryption);
        bucket.put("DELETE encryption", config::deleteEncryption);
        bucket.put("GET acl", config::getAcl);
        bucket.put("PUT acl", config::putAcl);
        bucket.put("GET policy", policies::getPolicy);
        bucket.put("PUT policy", policies::putPolicy);
        bucket.put("DELETE policy", policies::deletePolicy);
        bucket.put("GET policyStatus", policies::getPolicyStatus);
        bucket.put("GET cors", config::getCors);
        bucket.put("PUT cors", config::putCors);
        bucket.put("DELETE cors", config::deleteAbsent);
        bucket.put("GET object-lock", config::getObjectLock);
        bucket.put("PUT object-lock", config::putObjectLock);

        object.put("PUT", (request, response) -> {
            if (request.header("x-amz-copy-source") != null) {
                copies.copyObject(request, response);
            } else {
                objects.putObject(request, response);
            }
        });
        object.put("GET", objects::getObject);
        object.put("HEAD", objects::headObject);
        object.put("DELETE", objects::deleteObject);
        object.put("GET tagging", objects::getTagging);
        object.put("PUT tagging", objects::putTagging);
        object.put("DELETE tagging", objects::deleteTagging);
        object.put("GET acl", objects::getAcl);
        object.put("PUT acl", objects::putAcl);
        object.put("POST uploads", multipart::createMultipartUpload);
        object.put("PUT uploadId", (request, response) -> {
            if (request.header("x-amz-copy-source") != null) {
                copies.uploadPartCopy(request, response);
            } else {
                multipart.uploadPart(request, response);
            }
        });
        object.put("POST uploadId", multipart::completeMultipartUpload);
        object.put("DELETE uploadId", multipart::abortMultipartUpload);
        object.put("GET uploadId", multipart::listParts);
    }

    /** The operation for the request; unknown combinations are MethodNotAllowed or NotImplemented. */
    S3Operation route(S3Request request) {
        String method = request.method();
        if (request.bucket() == null) {
            return find(service, method, null, "service");
        }
        if (request.key() == null) {
            String sub = subresource(request, BUCKET_SUBRESOURCES, BUCKET_UNSUPPORTED, "buckets");
            return find(bucket, method, sub, "bucket");
        }
        String sub = subresource(request, OBJECT_SUBRESOURCES, OBJECT_UNSUPPORTED, "objects");
        return find(object, method, sub, "object");
    }

    private static String subresource(S3Request request, List<String> supported, Set<String> unsupported,
            String what) {
        for (String name : request.queryParameters().keySet()) {
            if (unsupported.contains(name)) {
                throw S3Errors.notImplemented("Glaux does not implement the '" + name + "' subresource of " + what
                        + ".");
            }
        }
        for (String name : supported) {
            if (request.hasQuery(name)) {
                return name;
            }
        }
        return null;
    }

    private static S3Operation find(Map<String, S3Operation> table, String method, String sub, String resource) {
        S3Operation operation = table.get(sub == null ? method : method + " " + sub);
        if (operation == null) {
            throw S3Errors.methodNotAllowed(method, resource.equals("service") ? "SERVICE"
                    : resource.equals("bucket") ? "BUCKET" : "OBJECT");
        }
        return operation;
    }
}
