package io.glaux.s3.api;

import io.glaux.storage.InvalidKeyException;
import io.glaux.storage.KeyTooLongException;
import io.glaux.storage.ObjectKeys;
import io.glaux.storage.StoreUnavailableException;
import org.w3c.dom.Element;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;

/** Operations on buckets as such: CreateBucket, DeleteBucket, HeadBucket, GetBucketLocation, DeleteObjects. */
final class BucketOperations {

    static final String DEFAULT_REGION = "us-east-1";
    private static final Set<String> OWNER_ONLY_ACLS = Set.of("private", "bucket-owner-full-control");

    private final S3Backend backend;

    BucketOperations(S3Backend backend) {
        this.backend = backend;
    }

    /**
     * CreateBucket. Creating a bucket that exists is 200 for a request in us-east-1 (as S3 does there, for legacy
     * compatibility) and BucketAlreadyOwnedByYou elsewhere; Glaux has one owner, so a bucket is never someone else's.
     */
    void createBucket(S3Request request, S3Response response) throws IOException {
        String bucket = request.bucket();
        ObjectKeys.validateBucket(bucket);
        String acl = request.header("x-amz-acl");
        if (acl != null && !OWNER_ONLY_ACLS.contains(acl.trim().toLowerCase(Locale.ROOT))) {
            throw new S3Exception(400, "InvalidBucketAclWithObjectOwnership", "Bucket cannot have ACLs set with"
                    + " ObjectOwnership's BucketOwnerEnforced setting");
        }
        if ("true".equalsIgnoreCase(request.header("x-amz-bucket-object-lock-enabled"))) {
            throw S3Errors.notImplemented("Glaux keeps one version per key, so Object Lock (which needs versioning)"
                    + " cannot be enabled.");
        }
        byte[] body = RequestBodies.read(request);
        String region = null;
        if (body.length > 0) {
            Element configuration = XmlInput.parse(body, "CreateBucketConfiguration");
            region = XmlInput.text(configuration, "LocationConstraint");
            if (region != null && !region.matches("[a-z0-9-]{1,64}")) {
                throw new S3Exception(400, "InvalidLocationConstraint", "The specified location constraint is not"
                        + " valid.").with("LocationConstraint", region);
            }
        }
        String requested = region == null || region.isEmpty() ? DEFAULT_REGION : region;
        if (backend.store().createBucket(bucket)) {
            backend.settings().remove(bucket);
            backend.multipart().removeBucket(bucket);
            if (!requested.equals(DEFAULT_REGION)) {
                backend.settings().update(bucket, settings -> settings.withRegion(requested));
            }
        } else if (!requested.equals(DEFAULT_REGION)) {
            throw S3Errors.bucketAlreadyOwnedByYou(bucket);
        }
        response.header("Location", "/" + bucket);
        response.empty(200);
    }

    /** DeleteBucket: only an empty one; its settings and unfinished multipart uploads go with it. */
    void deleteBucket(S3Request request, S3Response response) throws IOException {
        String bucket = request.bucket();
        ObjectKeys.validateBucket(bucket);
        backend.store().deleteBucket(bucket);
        backend.settings().remove(bucket);
        backend.multipart().removeBucket(bucket);
        response.empty(204);
    }

    /** HeadBucket: 200 with the bucket's region, else 404 without a body. */
    void headBucket(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        response.header("x-amz-bucket-region", region(request.bucket()));
        response.empty(200);
    }

    /** GetBucketLocation: the region, empty for us-east-1 (as S3 answers). */
    void getBucketLocation(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        String region = region(request.bucket());
        response.xml(XmlWriter.document("LocationConstraint").text(region.equals(DEFAULT_REGION) ? "" : region));
    }

    /**
     * DeleteObjects: up to 1000 keys; each key's failure is reported on its own, Quiet leaves out the successes. Each
     * key is authorized on its own as s3:DeleteObject (s3:DeleteObjectVersion with a version id): a refused key is
     * an AccessDenied error of the answer and the others are deleted, as S3 does.
     */
    void deleteObjects(S3Request request, S3Response response) throws IOException {
        String bucket = request.bucket();
        backend.requireBucket(bucket);
        Element delete = XmlInput.parse(RequestBodies.read(request), "Delete");
        List<Element> objects = XmlInput.children(delete, "Object");
        if (objects.isEmpty() || objects.size() > 1000) {
            throw S3Errors.malformedXml();
        }
        boolean quiet = "true".equalsIgnoreCase(String.valueOf(XmlInput.text(delete, "Quiet")).trim());
        XmlWriter xml = XmlWriter.document("DeleteResult");
        for (Element object : objects) {
            String key = XmlInput.text(object, "Key");
            String versionId = XmlInput.text(object, "VersionId");
            if (key == null) {
                throw S3Errors.malformedXml();
            }
            String code = null;
            String message = null;
            Optional<S3Exception> denied = request.access().denial(new S3Permission(
                    versionId == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion",
                    S3Permission.objectArn(bucket, key)));
            try {
                if (denied.isPresent()) {
                    code = denied.get().code();
                    message = denied.get().getMessage();
                } else if (versionId != null && !versionId.equals("null")) {
                    code = "NoSuchVersion";
                    message = "The specified version does not exist.";
                } else {
                    ObjectKeys.validate(key);
                    backend.store().delete(bucket, key);
                }
            } catch (KeyTooLongException e) {
                code = "KeyTooLongError";
                message = "Your key is too long.";
            } catch (InvalidKeyException e) {
                code = "InvalidArgument";
                message = e.getMessage();
            } catch (StoreUnavailableException e) {
                code = "ServiceUnavailable";
                message = e.getMessage();
            } catch (IOException e) {
                code = "InternalError";
                message = "We encountered an internal error in " + backend.store().name() + ". Please try again.";
            }
            if (code != null) {
                xml.start("Error").element("Key", key).element("VersionId", versionId).element("Code", code)
                        .element("Message", message).end();
            } else if (!quiet) {
                xml.start("Deleted").element("Key", key).element("VersionId", versionId).end();
            }
        }
        response.xml(xml);
    }

    private String region(String bucket) {
        String region = backend.settings().get(bucket).region();
        return region == null ? DEFAULT_REGION : region;
    }
}
