package io.glaux.iam.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS managed policies Glaux knows, with AWS's own documents and ids (as {@code aws iam get-policy-version}
 * answers them), read from {@code aws-managed-policies.json} beside this class: AdministratorAccess,
 * ReadOnlyAccess, AmazonS3ReadOnlyAccess, AmazonS3FullAccess, AmazonAthenaFullAccess and
 * service-role/AWSQuicksightAthenaAccess. They cannot be changed; only their default version is kept.
 */
final class AwsManagedPolicies {

    private static final String RESOURCE = "aws-managed-policies.json";

    /** A managed policy and its one version. */
    record Entry(ManagedPolicy policy, PolicyVersion version) {
    }

    private final Map<String, Entry> byArn;

    AwsManagedPolicies() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            ObjectMapper mapper = new ObjectMapper();
            for (JsonNode node : mapper.readTree(in).get("policies")) {
                var created = OffsetDateTime.parse(node.get("createDate").asText()).toInstant();
                var updated = OffsetDateTime.parse(node.get("updateDate").asText()).toInstant();
                String versionId = node.get("defaultVersionId").asText();
                ManagedPolicy policy = new ManagedPolicy(node.get("name").asText(), node.get("path").asText(),
                        node.get("id").asText(), node.get("arn").asText(), node.path("description").asText(""),
                        versionId, 0, created, updated, true, 0);
                String document = mapper.writeValueAsString(node.get("document"));
                entries.put(policy.arn(), new Entry(policy, new PolicyVersion(versionId, document, true, updated)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
        this.byArn = Collections.unmodifiableMap(entries);
    }

    Entry get(String arn) {
        return byArn.get(arn);
    }

    Map<String, Entry> all() {
        return byArn;
    }
}
