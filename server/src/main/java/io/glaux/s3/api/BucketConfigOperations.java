package io.glaux.s3.api;

import io.glaux.storage.bucket.BucketSettings;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A bucket's configuration subresources, kept by Glaux per bucket ({@link io.glaux.storage.bucket}): versioning
 * (Suspended only: Glaux keeps one version per key), tags, lifecycle rules (kept and answered, not applied), default
 * encryption (SSE-S3 unless configured, as S3 does for every bucket now), the owner-only ACL, and the subresources
 * that do not exist yet (CORS, Object Lock). The bucket policy has its own class, {@link BucketPolicyOperations}.
 */
final class BucketConfigOperations {

    private static final Set<String> SSE_ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");
    private static final String DEFAULT_ENCRYPTION = "<ServerSideEncryptionConfiguration xmlns=\""
            + XmlWriter.NAMESPACE + "\"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule>"
            + "</ServerSideEncryptionConfiguration>";

    private final S3Backend backend;

    BucketConfigOperations(S3Backend backend) {
        this.backend = backend;
    }

    void getVersioning(S3Request request, S3Response response) throws IOException {
        BucketSettings settings = settings(request);
        response.xml(XmlWriter.document("VersioningConfiguration").element("Status", settings.versioning()));
    }

    /** PutBucketVersioning: Suspended is kept; Enabled is refused, Glaux keeps one version per key. */
    void putVersioning(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        Element configuration = XmlInput.parse(RequestBodies.read(request), "VersioningConfiguration");
        String status = XmlInput.text(configuration, "Status");
        String mfaDelete = XmlInput.text(configuration, "MfaDelete");
        if ("Enabled".equals(mfaDelete)) {
            throw S3Errors.notImplemented("Glaux does not implement MFA delete.");
        }
        if ("Enabled".equals(status)) {
            throw S3Errors.notImplemented("Glaux keeps one version per key: versioning cannot be enabled (Suspended"
                    + " is accepted).");
        }
        if (!"Suspended".equals(status)) {
            throw new S3Exception(400, "IllegalVersioningConfigurationException", "The versioning configuration"
                    + " specified in the request is invalid.");
        }
        backend.settings().update(request.bucket(), settings -> settings.withVersioning(status));
        response.empty(200);
    }

    void getTagging(S3Request request, S3Response response) throws IOException {
        Map<String, String> tags = settings(request).tags();
        if (tags.isEmpty()) {
            throw new S3Exception(404, "NoSuchTagSet", "The TagSet does not exist")
                    .with("BucketName", request.bucket());
        }
        response.xml(TagSets.toXml(tags));
    }

    void putTagging(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        Map<String, String> tags = TagSets.fromXml(RequestBodies.read(request), TagSets.BUCKET_LIMIT,
                "Bucket tag count cannot be greater than " + TagSets.BUCKET_LIMIT);
        backend.settings().update(request.bucket(), settings -> settings.withTags(tags));
        response.empty(204);
    }

    void deleteTagging(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        backend.settings().update(request.bucket(), settings -> settings.withTags(Map.of()));
        response.empty(204);
    }

    void getLifecycle(S3Request request, S3Response response) throws IOException {
        String lifecycle = settings(request).lifecycle();
        if (lifecycle == null) {
            throw new S3Exception(404, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist")
                    .with("BucketName", request.bucket());
        }
        document(response, lifecycle);
    }

    /** PutBucketLifecycleConfiguration: 1 to 1000 rules, each Enabled or Disabled; kept as sent, not applied. */
    void putLifecycle(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        Element configuration = XmlInput.parse(RequestBodies.read(request), "LifecycleConfiguration");
        List<Element> rules = XmlInput.children(configuration, "Rule");
        if (rules.isEmpty() || rules.size() > 1000) {
            throw S3Errors.malformedXml();
        }
        for (Element rule : rules) {
            String status = XmlInput.text(rule, "Status");
            String id = XmlInput.text(rule, "ID");
            if (!"Enabled".equals(status) && !"Disabled".equals(status)) {
                throw S3Errors.malformedXml();
            }
            if (id != null && id.length() > 255) {
                throw S3Errors.invalidArgument("ID length should not exceed allowed limit of 255", "ID", id);
            }
        }
        String stored = XmlInput.serialize(configuration);
        backend.settings().update(request.bucket(), settings -> settings.withLifecycle(stored));
        response.empty(200);
    }

    void deleteLifecycle(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        backend.settings().update(request.bucket(), settings -> settings.withLifecycle(null));
        response.empty(204);
    }

    /** GetBucketEncryption: what was configured, else SSE-S3 (AES256), which S3 applies to every bucket. */
    void getEncryption(S3Request request, S3Response response) throws IOException {
        String encryption = settings(request).encryption();
        document(response, encryption == null ? DEFAULT_ENCRYPTION : encryption);
    }

    void putEncryption(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        Element configuration = XmlInput.parse(RequestBodies.read(request), "ServerSideEncryptionConfiguration");
        List<Element> rules = XmlInput.children(configuration, "Rule");
        if (rules.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        for (Element rule : rules) {
            Element byDefault = XmlInput.child(rule, "ApplyServerSideEncryptionByDefault");
            String algorithm = byDefault == null ? null : XmlInput.text(byDefault, "SSEAlgorithm");
            if (algorithm == null || !SSE_ALGORITHMS.contains(algorithm)) {
                throw S3Errors.malformedXml();
            }
        }
        String stored = XmlInput.serialize(configuration);
        backend.settings().update(request.bucket(), settings -> settings.withEncryption(stored));
        response.empty(200);
    }

    /** DeleteBucketEncryption: back to the default, SSE-S3. */
    void deleteEncryption(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        backend.settings().update(request.bucket(), settings -> settings.withEncryption(null));
        response.empty(204);
    }

    void getAcl(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        response.xml(ownerOnlyAcl());
    }

    /**
     * PutBucketAcl: buckets are owner-only (S3's default Object Ownership, BucketOwnerEnforced), so only an ACL that
     * says so is accepted.
     */
    void putAcl(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        checkOwnerOnlyAcl(request);
        response.empty(200);
    }

    void getCors(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        throw new S3Exception(404, "NoSuchCORSConfiguration", "The CORS configuration does not exist")
                .with("BucketName", request.bucket());
    }

    void putCors(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        throw S3Errors.notImplemented("Glaux does not implement CORS configurations.");
    }

    /** Deleting a CORS configuration that cannot exist: 204, as S3 answers when there is none. */
    void deleteAbsent(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        response.empty(204);
    }

    void getObjectLock(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        throw new S3Exception(404, "ObjectLockConfigurationNotFoundError", "Object Lock configuration does not"
                + " exist for this bucket").with("BucketName", request.bucket());
    }

    void putObjectLock(S3Request request, S3Response response) throws IOException {
        backend.requireBucket(request.bucket());
        throw S3Errors.notImplemented("Glaux keeps one version per key, so Object Lock (which needs versioning)"
                + " cannot be enabled.");
    }

    /** The ACL of every bucket and object: the owner has FULL_CONTROL. */
    static XmlWriter ownerOnlyAcl() {
        XmlWriter xml = XmlWriter.document("AccessControlPolicy");
        S3Backend.owner(xml, "Owner").start("AccessControlList").start("Grant")
                .start("Grantee", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", "xsi:type",
                        "CanonicalUser")
                .element("ID", S3Backend.OWNER_ID).element("DisplayName", S3Backend.OWNER_NAME).end()
                .element("Permission", "FULL_CONTROL").end().end();
        return xml;
    }

    /** Accepts a canned {@code private}/{@code bucket-owner-full-control} ACL or a body granting only the owner. */
    static void checkOwnerOnlyAcl(S3Request request) throws IOException {
        for (String name : Collections.list(request.http().getHeaderNames())) {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-amz-grant-")) {
                throw S3Errors.aclNotSupported();
            }
        }
        String canned = request.header("x-amz-acl");
        byte[] body = RequestBodies.read(request);
        if (canned != null) {
            if (!Set.of("private", "bucket-owner-full-control").contains(canned.trim().toLowerCase(Locale.ROOT))) {
                throw S3Errors.aclNotSupported();
            }
            return;
        }
        Element policy = XmlInput.parse(body, "AccessControlPolicy");
        Element list = XmlInput.child(policy, "AccessControlList");
        for (Element grant : list == null ? List.<Element>of() : XmlInput.children(list, "Grant")) {
            Element grantee = XmlInput.child(grant, "Grantee");
            if (grantee == null || !S3Backend.OWNER_ID.equals(XmlInput.text(grantee, "ID"))
                    || !"FULL_CONTROL".equals(XmlInput.text(grant, "Permission"))) {
                throw S3Errors.aclNotSupported();
            }
        }
    }

    private BucketSettings settings(S3Request request) throws IOException {
        backend.requireBucket(request.bucket());
        return backend.settings().get(request.bucket());
    }

    private static void document(S3Response response, String stored) throws IOException {
        response.xml(200, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + stored).getBytes(StandardCharsets.UTF_8));
    }
}
