package io.glaux.workgroup;

/**
 * Athena's WorkGroupConfiguration. {@code bytesScannedCutoffPerQuery} is null when unlimited; the engine version is
 * what the user selected ("AUTO" or "Athena engine version 3").
 */
public record WorkgroupConfiguration(ResultConfiguration resultConfiguration, boolean enforceWorkGroupConfiguration,
                                     boolean publishCloudWatchMetricsEnabled, Long bytesScannedCutoffPerQuery,
                                     boolean requesterPaysEnabled, String selectedEngineVersion) {

    public static final long MIN_BYTES_SCANNED_CUTOFF = 10_000_000L;

    public static WorkgroupConfiguration defaults() {
        return new WorkgroupConfiguration(ResultConfiguration.NONE, true, true, null, false, "AUTO");
    }

    public WorkgroupConfiguration {
        resultConfiguration = resultConfiguration == null ? ResultConfiguration.NONE : resultConfiguration;
        selectedEngineVersion = selectedEngineVersion == null ? "AUTO" : selectedEngineVersion;
    }
}
