package io.glaux.storage;

import java.util.Objects;

/**
 * Where an S3-compatible server is and how to sign requests to it. Access and secret key may both be null for
 * anonymous access.
 */
public record S3StoreConfig(String endpoint, String region, String accessKey, String secretKey) {

    public static final String DEFAULT_REGION = "us-east-1";

    public S3StoreConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        if (region == null || region.isBlank()) {
            region = DEFAULT_REGION;
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("Give both an access key and a secret key, or neither");
        }
    }

    public S3StoreConfig(String endpoint, String accessKey, String secretKey) {
        this(endpoint, DEFAULT_REGION, accessKey, secretKey);
    }

    /** Keeps the secret key out of logs and error messages. */
    @Override
    public String toString() {
        return "S3StoreConfig[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey
                + ", secretKey=" + (secretKey == null ? "null" : "****") + "]";
    }
}
