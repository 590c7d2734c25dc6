package io.glaux.workgroup;

import java.time.Instant;
import java.util.Map;

/** An Athena workgroup. */
public record Workgroup(String name, WorkgroupState state, String description, WorkgroupConfiguration configuration,
                        Instant creationTime, Map<String, String> tags) {

    public static final String PRIMARY = "primary";

    public Workgroup {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        configuration = configuration == null ? WorkgroupConfiguration.defaults() : configuration;
        state = state == null ? WorkgroupState.ENABLED : state;
    }

    public Workgroup withConfiguration(WorkgroupConfiguration newConfiguration) {
        return new Workgroup(name, state, description, newConfiguration, creationTime, tags);
    }

    public Workgroup withState(WorkgroupState newState) {
        return new Workgroup(name, newState, description, configuration, creationTime, tags);
    }

    public Workgroup withDescription(String newDescription) {
        return new Workgroup(name, state, newDescription, configuration, creationTime, tags);
    }

    public Workgroup withTags(Map<String, String> newTags) {
        return new Workgroup(name, state, description, configuration, creationTime, newTags);
    }
}
