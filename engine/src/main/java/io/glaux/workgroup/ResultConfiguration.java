package io.glaux.workgroup;

/** Athena's ResultConfiguration: where results go and how they are encrypted. */
public record ResultConfiguration(String outputLocation, EncryptionConfiguration encryptionConfiguration,
                                  String expectedBucketOwner) {

    public static final ResultConfiguration NONE = new ResultConfiguration(null, null, null);

    public ResultConfiguration withOutputLocation(String location) {
        return new ResultConfiguration(location, encryptionConfiguration, expectedBucketOwner);
    }
}
