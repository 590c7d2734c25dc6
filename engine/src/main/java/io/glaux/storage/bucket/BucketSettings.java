package io.glaux.storage.bucket;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What S3 keeps about a bucket besides its objects, as Glaux stores it for any object store: the region it was
 * created for ({@code null}: us-east-1), the versioning status ({@code null} when never set, else
 * {@code Suspended}), the bucket's tags, and the lifecycle and default-encryption configurations as the XML documents
 * the client sent ({@code null} when none).
 */
public record BucketSettings(String region, String versioning, Map<String, String> tags, String lifecycle,
        String encryption) {

    public static final BucketSettings NONE = new BucketSettings(null, null, Map.of(), null, null);

    public BucketSettings {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    public BucketSettings withRegion(String newRegion) {
        return new BucketSettings(newRegion, versioning, tags, lifecycle, encryption);
    }

    public BucketSettings withVersioning(String status) {
        return new BucketSettings(region, status, tags, lifecycle, encryption);
    }

    public BucketSettings withTags(Map<String, String> newTags) {
        return new BucketSettings(region, versioning, newTags, lifecycle, encryption);
    }

    public BucketSettings withLifecycle(String configuration) {
        return new BucketSettings(region, versioning, tags, configuration, encryption);
    }

    public BucketSettings withEncryption(String configuration) {
        return new BucketSettings(region, versioning, tags, lifecycle, configuration);
    }
}
