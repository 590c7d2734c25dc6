package io.glaux.s3.api;

import io.glaux.iam.AccessRequest;
import io.glaux.iam.policy.PolicyDocument;
import io.glaux.iam.policy.ResourcePolicies;
import io.glaux.iam.policy.ResourcePolicy;
import io.glaux.storage.bucket.BucketSettingsStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bucket policies the authorizer adds to S3 requests: for a request on {@code arn:aws:s3:::bucket} or
 * {@code arn:aws:s3:::bucket/key}, the policy stored with the bucket's settings, combined with the caller's identity
 * policies as S3 does (an allow in either suffices, an explicit deny in either decides:
 * {@link ResourcePolicy.Mode#UNION}).
 * Requests on {@code *} (ListBuckets) have none. Each policy is parsed once per text it has been put with.
 */
public final class BucketPolicies implements ResourcePolicies {

    private static final String PREFIX = "arn:aws:s3:::";
    private static final int MAX_CACHED = 1024;

    private final BucketSettingsStore settings;
    private final Map<String, PolicyDocument> parsed = new ConcurrentHashMap<>();

    /** @param settings where each bucket's policy is kept */
    public BucketPolicies(BucketSettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public Optional<ResourcePolicy> of(AccessRequest request) {
        String resource = request.resource();
        if (!resource.startsWith(PREFIX) || resource.length() == PREFIX.length()) {
            return Optional.empty();
        }
        int slash = resource.indexOf('/', PREFIX.length());
        String bucket = resource.substring(PREFIX.length(), slash < 0 ? resource.length() : slash);
        String text;
        try {
            text = settings.get(bucket).policy();
        } catch (RuntimeException notABucket) {
            return Optional.empty(); // a name no bucket can have has no policy
        }
        if (text == null) {
            return Optional.empty();
        }
        if (parsed.size() > MAX_CACHED) {
            parsed.clear();
        }
        PolicyDocument document = parsed.computeIfAbsent(text,
                stored -> PolicyDocument.parse(stored, PolicyDocument.Kind.RESOURCE));
        return Optional.of(new ResourcePolicy("bucket policy of " + bucket, document, ResourcePolicy.Mode.UNION));
    }
}
