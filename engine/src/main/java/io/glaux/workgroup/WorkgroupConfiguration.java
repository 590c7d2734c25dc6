package io.glaux.workgroup;

/**
 * Athena's WorkGroupConfiguration. {@code bytesScannedCutoffPerQuery} is null when unlimited; the engine version is
 * what the user selected ("AUTO" or "Athena engine version 3"). {@code enableMinimumEncryptionConfiguration} makes
 * the workgroup's result encryption a minimum that a query may raise but not lower, when the workgroup does not
 * enforce its configuration.
 */
public record WorkgroupConfiguration(ResultConfiguration resultConfiguration, boolean enforceWorkGroupConfiguration,
                                     boolean publishCloudWatchMetricsEnabled, Long bytesScannedCutoffPerQuery,
                                     boolean requesterPaysEnabled, String selectedEngineVersion,
                                     boolean enableMinimumEncryptionConfiguration) {

    public static final long MIN_BYTES_SCANNED_CUTOFF = 10_000_000L;

    /** What the service reports for a workgroup created without a configuration (and for {@code primary}). */
    public static WorkgroupConfiguration defaults() {
        return new WorkgroupConfiguration(ResultConfiguration.NONE, false, false, null, false, "AUTO", false);
    }

    public WorkgroupConfiguration {
        resultConfiguration = resultConfiguration == null ? ResultConfiguration.NONE : resultConfiguration;
        selectedEngineVersion = selectedEngineVersion == null ? "AUTO" : selectedEngineVersion;
    }

    /** Without a minimum encryption. */
    public WorkgroupConfiguration(ResultConfiguration resultConfiguration, boolean enforceWorkGroupConfiguration,
                                  boolean publishCloudWatchMetricsEnabled, Long bytesScannedCutoffPerQuery,
                                  boolean requesterPaysEnabled, String selectedEngineVersion) {
        this(resultConfiguration, enforceWorkGroupConfiguration, publishCloudWatchMetricsEnabled,
                bytesScannedCutoffPerQuery, requesterPaysEnabled, selectedEngineVersion, false);
    }
}
