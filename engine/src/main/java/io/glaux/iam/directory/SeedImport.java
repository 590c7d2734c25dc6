package io.glaux.iam.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Glaux IAM seed (see {@code docs/iam.md}) into a directory through its ordinary operations, so a seed
 * meets the same checks as API calls: customer managed {@code policies} first, then {@code groups}, {@code roles}
 * and {@code users} (with their access keys and groups), each with its {@code attachedPolicies} (ARNs, or the names
 * of the seed's customer managed policies) and {@code inlinePolicies} (name to document); a role or user may name
 * its {@code permissionsBoundary} (an ARN or a policy name, as attachments do). Documents may be JSON
 * objects or strings. An unknown member is an error, so a misspelt one does not silently grant nothing.
 */
final class SeedImport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("policies", "groups", "roles", "users");
    private static final Set<String> POLICY = Set.of("name", "path", "description", "document");
    private static final Set<String> GROUP = Set.of("name", "path", "attachedPolicies", "inlinePolicies");
    private static final Set<String> ROLE = Set.of("name", "path", "description", "maxSessionDuration",
            "assumeRolePolicy", "attachedPolicies", "inlinePolicies", "tags", "permissionsBoundary");
    private static final Set<String> USER = Set.of("name", "path", "tags", "groups", "accessKeys",
            "attachedPolicies", "inlinePolicies", "permissionsBoundary");
    private static final Set<String> KEY = Set.of("accessKeyId", "secretAccessKey", "status");

    private final IamDirectory directory;

    SeedImport(IamDirectory directory) {
        this.directory = directory;
    }

    void apply(String seedJson) {
        JsonNode seed;
        try {
            seed = MAPPER.readTree(seedJson);
        } catch (JsonProcessingException e) {
            throw invalid("The IAM seed is not JSON: " + e.getOriginalMessage());
        }
        if (seed == null || !seed.isObject()) {
            throw invalid("The IAM seed is a JSON object with policies, groups, roles and users");
        }
        checkMembers(seed, TOP, "the seed");
        for (JsonNode policy : array(seed, "policies")) {
            checkMembers(policy, POLICY, "a policy");
            directory.createPolicy(text(policy, "name"), optional(policy, "path"), document(policy, "document"),
                    optional(policy, "description"));
        }
        for (JsonNode group : array(seed, "groups")) {
            checkMembers(group, GROUP, "a group");
            String name = text(group, "name");
            directory.createGroup(name, optional(group, "path"));
            policiesOf(group, EntityKind.GROUP, name);
        }
        for (JsonNode role : array(seed, "roles")) {
            checkMembers(role, ROLE, "a role");
            String name = text(role, "name");
            JsonNode duration = role.get("maxSessionDuration");
            directory.createRole(name, optional(role, "path"), document(role, "assumeRolePolicy"),
                    optional(role, "description"), duration == null ? null : duration.asInt(), tags(role),
                    boundary(role, EntityKind.ROLE, name));
            policiesOf(role, EntityKind.ROLE, name);
        }
        for (JsonNode user : array(seed, "users")) {
            checkMembers(user, USER, "a user");
            String name = text(user, "name");
            directory.createUser(name, optional(user, "path"), tags(user), boundary(user, EntityKind.USER, name));
            for (JsonNode group : array(user, "groups")) {
                directory.addUserToGroup(group.asText(), name);
            }
            for (JsonNode key : array(user, "accessKeys")) {
                checkMembers(key, KEY, "an access key");
                String status = optional(key, "status");
                directory.addAccessKey(name, text(key, "accessKeyId"), text(key, "secretAccessKey"),
                        status == null ? AccessKey.ACTIVE : status);
            }
            policiesOf(user, EntityKind.USER, name);
        }
    }

    private void policiesOf(JsonNode entity, EntityKind kind, String name) {
        for (JsonNode policy : array(entity, "attachedPolicies")) {
            directory.attachPolicy(kind, name, policyArn(policy.asText(), "attaches", kind, name));
        }
        JsonNode inline = entity.get("inlinePolicies");
        if (inline != null) {
            if (!inline.isObject()) {
                throw invalid("inlinePolicies of " + kind.word() + " " + name + " maps policy names to documents");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = inline.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                directory.putInlinePolicy(kind, name, entry.getKey(), documentText(entry.getValue()));
            }
        }
    }

    /** The ARN of the entity's {@code permissionsBoundary}, or null when it names none. */
    private String boundary(JsonNode entity, EntityKind kind, String name) {
        String reference = optional(entity, "permissionsBoundary");
        return reference == null ? null : policyArn(reference, "sets the permissions boundary", kind, name);
    }

    /** A policy reference of the seed: an ARN as it is, or the name of one of the account's policies. */
    private String policyArn(String reference, String what, EntityKind kind, String name) {
        return reference.startsWith("arn:") ? reference : directory.customerPolicyArn(reference)
                .orElseThrow(() -> IamException.noSuch("The seed " + what + " policy " + reference + " to "
                        + kind.word() + " " + name + ", but no policy has that name."));
    }

    private static List<Tag> tags(JsonNode entity) {
        JsonNode tags = entity.get("tags");
        List<Tag> list = new ArrayList<>();
        if (tags == null) {
            return list;
        }
        if (!tags.isObject()) {
            throw invalid("tags map tag keys to values");
        }
        tags.fields().forEachRemaining(entry -> list.add(new Tag(entry.getKey(), entry.getValue().asText())));
        return list;
    }

    private static Iterable<JsonNode> array(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid("'" + member + "' must be a list");
        }
        return value;
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual()) {
            throw invalid("'" + member + "' must be a string in " + node);
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String document(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null) {
            throw invalid("'" + member + "' is missing in " + node);
        }
        return documentText(value);
    }

    private static String documentText(JsonNode value) {
        try {
            return value.isTextual() ? value.asText() : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw invalid(e.getOriginalMessage());
        }
    }

    private static void checkMembers(JsonNode node, Set<String> known, String what) {
        if (!node.isObject()) {
            throw invalid("Expected an object for " + what + ", got " + node);
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw invalid("Unknown member '" + name + "' in " + what + "; known: " + known);
            }
        });
    }

    private static IamException invalid(String message) {
        return IamException.invalid(message);
    }
}
