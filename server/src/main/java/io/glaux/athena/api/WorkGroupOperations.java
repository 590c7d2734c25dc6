package io.glaux.athena.api;

import io.glaux.workgroup.WorkgroupService;

import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.workgroup.EncryptionConfiguration;
import io.glaux.workgroup.ResultConfiguration;
import io.glaux.workgroup.Workgroup;
import io.glaux.workgroup.WorkgroupConfiguration;
import io.glaux.workgroup.WorkgroupState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateWorkGroup, GetWorkGroup, ListWorkGroups, UpdateWorkGroup and DeleteWorkGroup. */
final class WorkGroupOperations {

    private final WorkgroupService workgroups;

    WorkGroupOperations(WorkgroupService workgroups) {
        this.workgroups = workgroups;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("CreateWorkGroup", this::create);
        operations.put("GetWorkGroup", this::get);
        operations.put("ListWorkGroups", this::list);
        operations.put("UpdateWorkGroup", this::update);
        operations.put("DeleteWorkGroup", this::delete);
    }

    private String name(JsonInput request, String member) {
        return request.requiredString(member, 1, 128, QueryExecutionOperations.WORKGROUP_NAME);
    }

    private Workgroup workgroup(String name) {
        return workgroups.find(name).orElseThrow(() -> AthenaErrors.invalidRequest("WorkGroup " + name
                + " is not found."));
    }

    private JsonNode create(JsonInput request, RequestContext context) {
        String name = name(request, "Name");
        String description = request.string("Description", 0, 1024);
        WorkgroupConfiguration configuration = configuration(request.object("Configuration"));
        Map<String, String> tags = tags(request.objects("Tags", 50));
        workgroups.create(name, description, configuration, tags);
        return AwsJson.object();
    }

    private JsonNode get(JsonInput request, RequestContext context) {
        ObjectNode response = AwsJson.object();
        response.set("WorkGroup", describe(workgroup(name(request, "WorkGroup"))));
        return response;
    }

    private JsonNode list(JsonInput request, RequestContext context) {
        Integer max = request.integer("MaxResults", 1, 50);
        String token = request.string("NextToken", 1, 1024);
        ListPage<Workgroup> page = ListPage.of(workgroups.list(), token, max == null ? 50 : max, AthenaErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("WorkGroups");
        for (Workgroup workgroup : page.items()) {
            ObjectNode summary = list.addObject();
            summary.put("Name", workgroup.name());
            summary.put("State", workgroup.state().name());
            summary.put("Description", workgroup.description() == null ? "" : workgroup.description());
            AwsJson.putTime(summary, "CreationTime", workgroup.creationTime());
            summary.set("EngineVersion", engineVersion(workgroup.configuration()));
        }
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    private JsonNode update(JsonInput request, RequestContext context) {
        Workgroup current = workgroup(name(request, "WorkGroup"));
        Workgroup updated = current;
        String description = request.string("Description", 0, 1024);
        if (description != null) {
            updated = updated.withDescription(description);
        }
        String state = request.string("State", 1, 16);
        if (state != null) {
            updated = updated.withState(parseState(state));
        }
        if (request.has("ConfigurationUpdates")) {
            updated = updated.withConfiguration(applyUpdates(updated.configuration(),
                    request.object("ConfigurationUpdates")));
        }
        workgroups.update(updated);
        return AwsJson.object();
    }

    private JsonNode delete(JsonInput request, RequestContext context) {
        workgroups.delete(name(request, "WorkGroup"));
        return AwsJson.object();
    }

    private static WorkgroupState parseState(String state) {
        try {
            return WorkgroupState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw AthenaErrors.invalidRequest("1 validation error detected: Value '" + state + "' at 'state' failed to"
                    + " satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]");
        }
    }

    static Map<String, String> tags(List<JsonInput> tags) {
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonInput tag : tags) {
            result.put(tag.requiredString("Key", 1, 128), tag.string("Value", 0, 256) == null ? ""
                    : tag.string("Value", 0, 256));
        }
        return result;
    }

    private static WorkgroupConfiguration configuration(JsonInput input) {
        WorkgroupConfiguration defaults = WorkgroupConfiguration.defaults();
        JsonInput result = input.object("ResultConfiguration");
        ResultConfiguration resultConfiguration = new ResultConfiguration(result.string("OutputLocation", 0, 1024),
                encryption(result.object("EncryptionConfiguration"), result.has("EncryptionConfiguration")),
                result.string("ExpectedBucketOwner", 0, 128));
        Boolean enforce = input.bool("EnforceWorkGroupConfiguration");
        Boolean metrics = input.bool("PublishCloudWatchMetricsEnabled");
        Long cutoff = input.longValue("BytesScannedCutoffPerQuery", WorkgroupConfiguration.MIN_BYTES_SCANNED_CUTOFF,
                Long.MAX_VALUE);
        Boolean requesterPays = input.bool("RequesterPaysEnabled");
        String engine = input.object("EngineVersion").string("SelectedEngineVersion", 1, 128);
        Boolean minimumEncryption = input.bool("EnableMinimumEncryptionConfiguration");
        return new WorkgroupConfiguration(resultConfiguration,
                enforce == null ? defaults.enforceWorkGroupConfiguration() : enforce,
                metrics == null ? defaults.publishCloudWatchMetricsEnabled() : metrics, cutoff,
                requesterPays != null && requesterPays, engine,
                minimumEncryption == null ? defaults.enableMinimumEncryptionConfiguration() : minimumEncryption);
    }

    /** Adds {@code EncryptionConfiguration} to a ResultConfiguration node, unless {@code encryption} is null. */
    static void putEncryption(ObjectNode resultConfiguration, EncryptionConfiguration encryption) {
        if (encryption != null) {
            ObjectNode node = resultConfiguration.putObject("EncryptionConfiguration");
            node.put("EncryptionOption", encryption.encryptionOption());
            AwsJson.putString(node, "KmsKey", encryption.kmsKey());
        }
    }

    /** An EncryptionConfiguration member (null when absent), its option checked against the model's enum. */
    static EncryptionConfiguration encryption(JsonInput input, boolean present) {
        if (!present) {
            return null;
        }
        String option = input.requiredString("EncryptionOption", 1, 16);
        if (!List.of("SSE_S3", "SSE_KMS", "CSE_KMS").contains(option)) {
            throw AthenaErrors.invalidRequest("1 validation error detected: Value '" + option + "' at"
                    + " 'encryptionOption' failed to satisfy constraint: Member must satisfy enum value set:"
                    + " [SSE_S3, SSE_KMS, CSE_KMS]");
        }
        return new EncryptionConfiguration(option, input.string("KmsKey", 0, 2048));
    }

    private static WorkgroupConfiguration applyUpdates(WorkgroupConfiguration current, JsonInput updates) {
        ResultConfiguration result = current.resultConfiguration();
        JsonInput resultUpdates = updates.object("ResultConfigurationUpdates");
        String location = resultUpdates.string("OutputLocation", 0, 1024);
        if (location != null) {
            result = result.withOutputLocation(location);
        }
        if (Boolean.TRUE.equals(resultUpdates.bool("RemoveOutputLocation"))) {
            result = result.withOutputLocation(null);
        }
        if (resultUpdates.has("EncryptionConfiguration")) {
            result = new ResultConfiguration(result.outputLocation(),
                    encryption(resultUpdates.object("EncryptionConfiguration"), true), result.expectedBucketOwner());
        }
        if (Boolean.TRUE.equals(resultUpdates.bool("RemoveEncryptionConfiguration"))) {
            result = new ResultConfiguration(result.outputLocation(), null, result.expectedBucketOwner());
        }
        Boolean enforce = updates.bool("EnforceWorkGroupConfiguration");
        Boolean metrics = updates.bool("PublishCloudWatchMetricsEnabled");
        Long cutoff = updates.longValue("BytesScannedCutoffPerQuery", WorkgroupConfiguration.MIN_BYTES_SCANNED_CUTOFF,
                Long.MAX_VALUE);
        if (Boolean.TRUE.equals(updates.bool("RemoveBytesScannedCutoffPerQuery"))) {
            cutoff = null;
        } else if (cutoff == null) {
            cutoff = current.bytesScannedCutoffPerQuery();
        }
        Boolean requesterPays = updates.bool("RequesterPaysEnabled");
        String engine = updates.object("EngineVersion").string("SelectedEngineVersion", 1, 128);
        Boolean minimumEncryption = updates.bool("EnableMinimumEncryptionConfiguration");
        return new WorkgroupConfiguration(result,
                enforce == null ? current.enforceWorkGroupConfiguration() : enforce,
                metrics == null ? current.publishCloudWatchMetricsEnabled() : metrics, cutoff,
                requesterPays == null ? current.requesterPaysEnabled() : requesterPays,
                engine == null ? current.selectedEngineVersion() : engine,
                minimumEncryption == null ? current.enableMinimumEncryptionConfiguration() : minimumEncryption);
    }

    private static ObjectNode engineVersion(WorkgroupConfiguration configuration) {
        ObjectNode engine = AwsJson.object();
        engine.put("SelectedEngineVersion", configuration.selectedEngineVersion());
        engine.put("EffectiveEngineVersion", "Athena engine version 3");
        return engine;
    }

    static ObjectNode describe(Workgroup workgroup) {
        ObjectNode node = AwsJson.object();
        node.put("Name", workgroup.name());
        node.put("State", workgroup.state().name());
        ObjectNode configuration = node.putObject("Configuration");
        WorkgroupConfiguration config = workgroup.configuration();
        ObjectNode result = configuration.putObject("ResultConfiguration");
        AwsJson.putString(result, "OutputLocation", config.resultConfiguration().outputLocation());
        putEncryption(result, config.resultConfiguration().encryptionConfiguration());
        AwsJson.putString(result, "ExpectedBucketOwner", config.resultConfiguration().expectedBucketOwner());
        configuration.put("EnforceWorkGroupConfiguration", config.enforceWorkGroupConfiguration());
        configuration.put("PublishCloudWatchMetricsEnabled", config.publishCloudWatchMetricsEnabled());
        if (config.bytesScannedCutoffPerQuery() != null) {
            configuration.put("BytesScannedCutoffPerQuery", config.bytesScannedCutoffPerQuery());
        }
        configuration.put("RequesterPaysEnabled", config.requesterPaysEnabled());
        configuration.set("EngineVersion", engineVersion(config));
        configuration.put("EnableMinimumEncryptionConfiguration", config.enableMinimumEncryptionConfiguration());
        node.put("Description", workgroup.description() == null ? "" : workgroup.description());
        AwsJson.putTime(node, "CreationTime", workgroup.creationTime());
        return node;
    }

}
