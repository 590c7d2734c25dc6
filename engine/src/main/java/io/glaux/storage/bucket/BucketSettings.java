package io.glaux.storage.bucket;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What S3 keeps about a bucket besides its objects, as Glaux stores it for any object store: the region it was
 * created for ({@code null}: us-east-1), the versioning status ({@code null} when never set, else
 * {@code Suspended}), the bucket's tags, the lifecycle and default-encryption configurations as the XML documents
 * the client sent ({@code null} when none), and the bucket policy as the JSON text it was put with ({@code null} when
 * the bucket has none). The policy lives here so it is written atomically with the rest and removed with the bucket.
 */
public record BucketSettings(String region, String versioning, Map<String, String> tags, String lifecycle,
        String encryption, String policy) {

    public static final BucketSettings NONE = new BucketSettings(null, null, Map.of(), null, null, null);

    public BucketSettings {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    public BucketSettings withRegion(String newRegion) {
        return new BucketSettings(newRegion, versioning, tags, lifecycle, encryption, policy);
    }

    public BucketSettings withVersioning(String status) {
        return new BucketSettings(region, status, tags, lifecycle, encryption, policy);
    }

    public BucketSettings withTags(Map<String, String> newTags) {
        return new BucketSettings(region, versioning, newTags, lifecycle, encryption, policy);
    }

    public BucketSettings withLifecycle(String configuration) {
        return new BucketSettings(region, versioning, tags, configuration, encryption, policy);
    }

    public BucketSettings withEncryption(String configuration) {
        return new BucketSettings(region, versioning, tags, lifecycle, configuration, policy);
    }

    /** These settings with the bucket policy {@code text} (JSON as put), or without one for {@code null}. */
    public BucketSettings withPolicy(String text) {
        return new BucketSettings(region, versioning, tags, lifecycle, encryption, text);
    }
}
