package io.glaux.iam.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns policy JSON into a {@link PolicyDocument}, checking it in the order IAM does and failing with IAM's message:
 * JSON and element syntax ({@code Syntax errors in policy.}), then legacy parsing (case of Effect, date values), unique
 * Sids, actions and resources present, principals by {@link PolicyDocument.Kind}, then the form of each action,
 * resource and principal.
 */
final class PolicyParser {

    static final String SYNTAX = "Syntax errors in policy.";
    static final String LEGACY = "The policy failed legacy parsing";
    static final String DUPLICATE_SID = "Statement IDs (SID) in a single policy must be unique.";
    static final String NO_ACTIONS = "Policy statement must contain actions.";
    static final String NO_RESOURCES = "Policy statement must contain resources.";
    static final String SHOULD_NOT_SPECIFY_PRINCIPAL = "Policy document should not specify a principal.";
    static final String MISSING_PRINCIPAL = "Missing required field Principal";
    static final String PROHIBITED_RESOURCE = "Has prohibited field Resource";
    static final String NO_VENDOR = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    static final String ONE_COLON = "Actions/Condition can contain only one colon.";
    static final String TRUST_ACTIONS = "AssumeRole policy may only specify STS AssumeRole actions.";
    static final String SID_ALPHANUMERIC = "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies"
            + " the regular expression [0-9A-Za-z]*";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> VERSIONS = Set.of(PolicyDocument.VERSION_2012_10_17,
            PolicyDocument.VERSION_2008_10_17);
    private static final Pattern VENDOR = Pattern.compile("[a-zA-Z0-9\\-.]+|\\*");
    private static final Pattern ALPHANUMERIC = Pattern.compile("[0-9A-Za-z]*");

    private final PolicyDocument.Kind kind;

    PolicyParser(PolicyDocument.Kind kind) {
        this.kind = kind;
    }

    PolicyDocument parse(String json) {
        JsonNode root = readJson(json);
        String version = root.has("Version") ? root.get("Version").asText() : PolicyDocument.VERSION_2008_10_17;
        boolean variables = PolicyDocument.VERSION_2012_10_17.equals(version);
        List<JsonNode> nodes = statementNodes(root);
        nodes.forEach(PolicyParser::checkStatementSyntax);
        nodes.forEach(PolicyParser::checkLegacy);
        checkUniqueSids(nodes);
        nodes.forEach(this::checkRequiredElements);
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            statements.add(statement(i, nodes.get(i), variables));
        }
        String id = root.has("Id") ? root.get("Id").asText() : null;
        return new PolicyDocument(kind, json, version, id, statements);
    }

    // ---- syntax ----

    private static JsonNode readJson(String json) {
        JsonNode root;
        try {
            root = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(SYNTAX);
        }
        if (root == null || !root.isObject()) {
            throw malformed(SYNTAX);
        }
        root.fieldNames().forEachRemaining(name -> require(TOP_ELEMENTS.contains(name)));
        if (root.has("Version")) {
            require(root.get("Version").isTextual() && VERSIONS.contains(root.get("Version").asText()));
        }
        if (root.has("Id")) {
            require(root.get("Id").isTextual());
        }
        return root;
    }

    private static List<JsonNode> statementNodes(JsonNode root) {
        JsonNode statement = root.get("Statement");
        require(statement != null && (statement.isObject() || statement.isArray()));
        List<JsonNode> nodes = new ArrayList<>();
        if (statement.isObject()) {
            nodes.add(statement);
        } else {
            statement.forEach(nodes::add);
        }
        require(!nodes.isEmpty());
        return nodes;
    }

    private static void checkStatementSyntax(JsonNode statement) {
        require(statement.isObject());
        statement.fieldNames().forEachRemaining(name -> require(STATEMENT_ELEMENTS.contains(name)));
        require(!(statement.has("Action") && statement.has("NotAction")));
        require(!(statement.has("Resource") && statement.has("NotResource")));
        require(!(statement.has("Principal") && statement.has("NotPrincipal")));
        JsonNode effect = statement.get("Effect");
        require(effect != null && effect.isTextual());
        String effectName = effect.asText().toLowerCase(Locale.ROOT);
        require(effectName.equals("allow") || effectName.equals("deny"));
        if (statement.has("Sid")) {
            require(statement.get("Sid").isTextual());
        }
        for (String element : List.of("Action", "NotAction", "Resource", "NotResource")) {
            if (statement.has(element)) {
                stringOrList(statement.get(element));
            }
        }
        for (String element : List.of("Principal", "NotPrincipal")) {
            if (statement.has(element)) {
                JsonNode principal = statement.get(element);
                require(principal.isTextual() || principal.isObject());
                principal.fields().forEachRemaining(entry -> stringOrList(entry.getValue()));
            }
        }
        if (statement.has("Condition")) {
            JsonNode condition = statement.get("Condition");
            require(condition.isObject());
            condition.fields().forEachRemaining(block -> {
                require(block.getValue().isObject());
                require(ConditionOperator.parse(block.getKey()).isPresent() || block.getValue().isEmpty());
                block.getValue().fields().forEachRemaining(entry -> conditionValues(entry.getValue()));
            });
        }
    }

    /** Effect must be spelled {@code Allow} or {@code Deny} exactly, and Date values must be dates. */
    private static void checkLegacy(JsonNode statement) {
        String effect = statement.get("Effect").asText();
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw malformed(LEGACY);
        }
        if (statement.has("Condition")) {
            statement.get("Condition").fields().forEachRemaining(block -> {
                ConditionOperator operator = ConditionOperator.parse(block.getKey()).orElse(null);
                if (operator != null && operator.type().name().startsWith("DATE")) {
                    block.getValue().fields().forEachRemaining(entry -> conditionValues(entry.getValue())
                            .forEach(value -> {
                                if (PolicyDates.parse(value).isEmpty()) {
                                    throw malformed(LEGACY);
                                }
                            }));
                }
            });
        }
    }

    private void checkUniqueSids(List<JsonNode> statements) {
        Set<String> seen = new HashSet<>();
        for (JsonNode statement : statements) {
            String sid = statement.has("Sid") ? statement.get("Sid").asText() : "";
            if (!sid.isEmpty() && !seen.add(sid)) {
                throw malformed(DUPLICATE_SID);
            }
        }
        if (kind != PolicyDocument.Kind.RESOURCE) {
            for (String sid : seen) {
                if (!ALPHANUMERIC.matcher(sid).matches()) {
                    throw malformed(SID_ALPHANUMERIC);
                }
            }
        }
    }

    private void checkRequiredElements(JsonNode statement) {
        boolean names = statement.has("Principal") || statement.has("NotPrincipal");
        if (kind == PolicyDocument.Kind.IDENTITY && names) {
            throw malformed(SHOULD_NOT_SPECIFY_PRINCIPAL);
        }
        if (kind != PolicyDocument.Kind.IDENTITY && !names) {
            throw malformed(MISSING_PRINCIPAL);
        }
        JsonNode actions = statement.has("Action") ? statement.get("Action") : statement.get("NotAction");
        if (actions == null || (actions.isArray() && actions.isEmpty())) {
            throw malformed(NO_ACTIONS);
        }
        JsonNode resources = statement.has("Resource") ? statement.get("Resource") : statement.get("NotResource");
        if (kind == PolicyDocument.Kind.TRUST) {
            if (resources != null) {
                throw malformed(PROHIBITED_RESOURCE);
            }
        } else if (resources == null || (resources.isArray() && resources.isEmpty())) {
            throw malformed(NO_RESOURCES);
        }
    }

    // ---- building ----

    private Statement statement(int index, JsonNode node, boolean variables) {
        String sid = node.has("Sid") ? node.get("Sid").asText() : null;
        Effect effect = node.get("Effect").asText().equals("Allow") ? Effect.ALLOW : Effect.DENY;
        boolean notAction = node.has("NotAction");
        List<String> actions = stringOrList(node.get(notAction ? "NotAction" : "Action"));
        actions.forEach(this::checkAction);
        boolean notResource = node.has("NotResource");
        JsonNode resourceNode = node.get(notResource ? "NotResource" : "Resource");
        List<PolicyTemplate> resources = null;
        if (resourceNode != null) {
            resources = new ArrayList<>();
            for (String resource : stringOrList(resourceNode)) {
                checkResource(resource);
                resources.add(PolicyTemplate.parse(resource, variables));
            }
        }
        PrincipalElement principal = node.has("Principal") ? principal(node.get("Principal")) : null;
        PrincipalElement notPrincipal = node.has("NotPrincipal") ? principal(node.get("NotPrincipal")) : null;
        return new Statement(index, sid, effect, principal, notPrincipal, actions, notAction, resources, notResource,
                conditions(node.get("Condition"), variables));
    }

    private void checkAction(String action) {
        if (action.equals("*")) {
            return;
        }
        String[] parts = action.split(":", -1);
        if (parts.length == 1) {
            throw malformed(NO_VENDOR);
        }
        if (parts.length > 2) {
            throw malformed(ONE_COLON);
        }
        if (!VENDOR.matcher(parts[0]).matches()) {
            throw malformed("Vendor " + parts[0] + " is not valid");
        }
        if (kind == PolicyDocument.Kind.TRUST && !parts[0].equalsIgnoreCase("sts")) {
            throw malformed(TRUST_ACTIONS);
        }
    }

    private static void checkResource(String resource) {
        if (!resource.equals("*") && !resource.contains(":")) {
            throw malformed("Resource " + resource + " must be in ARN format or \"*\".");
        }
    }

    private static PrincipalElement principal(JsonNode node) {
        if (node.isTextual()) {
            if (!node.asText().equals("*")) {
                throw malformed("Invalid principal in policy: \"" + node.asText() + "\"");
            }
            return PrincipalElement.everyone();
        }
        Map<String, List<String>> entries = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> entries.put(entry.getKey(), stringOrList(entry.getValue())));
        return PrincipalElement.of(entries);
    }

    private static List<Condition> conditions(JsonNode node, boolean variables) {
        List<Condition> conditions = new ArrayList<>();
        if (node == null) {
            return conditions;
        }
        Iterator<Map.Entry<String, JsonNode>> blocks = node.fields();
        while (blocks.hasNext()) {
            Map.Entry<String, JsonNode> block = blocks.next();
            if (block.getValue().isEmpty()) {
                continue;
            }
            ConditionOperator operator = ConditionOperator.parse(block.getKey()).orElseThrow();
            block.getValue().fields().forEachRemaining(entry -> {
                if (!entry.getKey().contains(":")) {
                    throw malformed(NO_VENDOR);
                }
                List<PolicyTemplate> values = conditionValues(entry.getValue()).stream()
                        .map(value -> PolicyTemplate.parse(value, variables)).toList();
                conditions.add(new Condition(operator, entry.getKey(), values));
            });
        }
        return conditions;
    }

    // ---- shapes ----

    private static List<String> stringOrList(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else {
            require(node.isArray());
            node.forEach(item -> {
                require(item.isTextual());
                values.add(item.asText());
            });
        }
        return values;
    }

    /** A condition value: a string, number or boolean, or a list of them. */
    private static List<String> conditionValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> {
                require(item.isValueNode() && !item.isNull());
                values.add(item.asText());
            });
        } else {
            require(node.isValueNode() && !node.isNull());
            values.add(node.asText());
        }
        return values;
    }

    private static void require(boolean valid) {
        if (!valid) {
            throw malformed(SYNTAX);
        }
    }

    private static MalformedPolicyDocumentException malformed(String message) {
        return new MalformedPolicyDocumentException(message);
    }
}
