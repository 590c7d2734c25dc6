package io.glaux.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.RuleCompiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The alert rules in force, immutable, with their patterns compiled into EventBridge's matcher (Event Ruler's
 * {@link Machine}). Read from and written as JSON with EventBridge's member names:
 *
 * <pre>{@code
 * {"Rules": [{"Name": "failed-federated-queries", "Description": "...", "State": "ENABLED",
 *             "EventPattern": {"source": ["aws.athena"], "detail": {"currentState": ["FAILED"]}},
 *             "Targets": [{"Id": "on-call", "HttpEndpoint": "http://127.0.0.1:9000/alerts",
 *                          "HttpParameters": {"HeaderParameters": {"X-Token": "..."}},
 *                          "RetryPolicy": {"MaximumRetryAttempts": 185, "MaximumEventAgeInSeconds": 86400}}]}]}
 * }</pre>
 *
 * {@code EventPattern} may also be the pattern as a JSON string, as PutRule takes it. Every member is checked against
 * EventBridge's constraints; a violation is an {@link IllegalArgumentException} naming the rule and member.
 */
public final class AlertRules {

    public static final AlertRules NONE = new AlertRules(List.of());

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final int MAX_PATTERN_LENGTH = 4096;
    private static final int MAX_TARGETS = 5;

    private final List<AlertRule> rules;
    private final Machine machine;
    private final Map<String, AlertRule> byName = new LinkedHashMap<>();

    public AlertRules(List<AlertRule> rules) {
        this.rules = List.copyOf(rules);
        this.machine = new Machine();
        for (AlertRule rule : this.rules) {
            if (byName.put(rule.name(), rule) != null) {
                throw new IllegalArgumentException("Rule " + rule.name() + " is defined twice");
            }
            validate(rule);
            if (rule.enabled()) {
                try {
                    machine.addRule(rule.name(), rule.eventPattern());
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException("Rule " + rule.name() + ": Event pattern is not valid. "
                            + e.getMessage(), e);
                }
            }
        }
    }

    public List<AlertRule> rules() {
        return rules;
    }

    /** These rules and {@code more} after them; a name used twice is refused. */
    public AlertRules plus(List<AlertRule> more) {
        List<AlertRule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new AlertRules(all);
    }

    /** These rules without the one named {@code name}; unknown names are refused. */
    public AlertRules minus(String name) {
        if (!byName.containsKey(name)) {
            throw new IllegalArgumentException("Rule " + name + " does not exist.");
        }
        return new AlertRules(rules.stream().filter(r -> !r.name().equals(name)).toList());
    }

    /** The enabled rules whose pattern matches {@code event}, in the order they were defined. */
    public List<AlertRule> matching(ObjectNode event) {
        if (rules.isEmpty()) {
            return List.of();
        }
        Set<String> names = new HashSet<>(machine.rulesForJSONEvent(event));
        return rules.stream().filter(r -> names.contains(r.name())).toList();
    }

    private static void validate(AlertRule rule) {
        if (!NAME.matcher(rule.name()).matches()) {
            throw new IllegalArgumentException("Name '" + rule.name() + "' must be 1 to 64 characters of letters,"
                    + " digits, '.', '-' and '_'");
        }
        if (rule.eventPattern().length() > MAX_PATTERN_LENGTH) {
            throw new IllegalArgumentException("Rule " + rule.name() + ": EventPattern is longer than "
                    + MAX_PATTERN_LENGTH + " characters");
        }
        String problem = RuleCompiler.check(rule.eventPattern());
        if (problem != null) {
            throw new IllegalArgumentException("Rule " + rule.name() + ": Event pattern is not valid. Reason: "
                    + problem);
        }
        if (rule.targets().size() > MAX_TARGETS) {
            throw new IllegalArgumentException("Rule " + rule.name() + " has " + rule.targets().size()
                    + " targets; a rule has at most " + MAX_TARGETS);
        }
        Set<String> ids = new HashSet<>();
        for (AlertRule.Target target : rule.targets()) {
            if (!NAME.matcher(target.id()).matches()) {
                throw new IllegalArgumentException("Rule " + rule.name() + ": target Id '" + target.id()
                        + "' must be 1 to 64 characters of letters, digits, '.', '-' and '_'");
            }
            if (!ids.add(target.id())) {
                throw new IllegalArgumentException("Rule " + rule.name() + ": target Id " + target.id()
                        + " is used twice");
            }
            String scheme = target.endpoint().getScheme();
            if (!target.endpoint().isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))
                    || target.endpoint().getHost() == null) {
                throw new IllegalArgumentException("Rule " + rule.name() + ": target " + target.id()
                        + " HttpEndpoint must be an absolute http or https URL, not " + target.endpoint());
            }
            if (target.maximumRetryAttempts() < 0 || target.maximumRetryAttempts() > 185) {
                throw new IllegalArgumentException("Rule " + rule.name() + ": target " + target.id()
                        + " RetryPolicy.MaximumRetryAttempts must be between 0 and 185");
            }
            long age = target.maximumEventAge().toSeconds();
            if (age < 60 || age > 86_400) {
                throw new IllegalArgumentException("Rule " + rule.name() + ": target " + target.id()
                        + " RetryPolicy.MaximumEventAgeInSeconds must be between 60 and 86400");
            }
        }
    }

    /** Reads rules from a JSON file in the format above. */
    public static AlertRules load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** Reads rules from JSON text in the format above. */
    public static AlertRules parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Alert rules are not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Alert rules are a JSON object with a \"Rules\" array");
        }
        JsonNode list = root.path("Rules");
        if (!list.isArray()) {
            throw new IllegalArgumentException("Alert rules are a JSON object with a \"Rules\" array");
        }
        List<AlertRule> rules = new ArrayList<>();
        for (JsonNode rule : list) {
            rules.add(rule(rule));
        }
        return new AlertRules(rules);
    }

    private static AlertRule rule(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("Each rule is a JSON object");
        }
        String name = text(node, "Name", null, true);
        String state = text(node, "State", name, false);
        if (state != null && !state.equals("ENABLED") && !state.equals("DISABLED")) {
            throw new IllegalArgumentException("Rule " + name + ": State must be ENABLED or DISABLED");
        }
        JsonNode pattern = node.get("EventPattern");
        if (pattern == null || !(pattern.isObject() || pattern.isTextual())) {
            throw new IllegalArgumentException("Rule " + name + ": EventPattern is required, as a JSON object or"
                    + " string");
        }
        List<AlertRule.Target> targets = new ArrayList<>();
        JsonNode targetList = node.path("Targets");
        if (!targetList.isMissingNode() && !targetList.isArray()) {
            throw new IllegalArgumentException("Rule " + name + ": Targets must be an array");
        }
        for (JsonNode target : targetList) {
            targets.add(target(name, target));
        }
        return new AlertRule(name, text(node, "Description", name, false),
                pattern.isTextual() ? pattern.asText() : pattern.toString(), !"DISABLED".equals(state), targets);
    }

    private static AlertRule.Target target(String rule, JsonNode node) {
        String id = text(node, "Id", rule, true);
        String endpoint = text(node, "HttpEndpoint", rule, true);
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Rule " + rule + ": target " + id + " HttpEndpoint is not a URL: "
                    + endpoint);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode headerNode = node.path("HttpParameters").path("HeaderParameters");
        if (!headerNode.isMissingNode()) {
            if (!headerNode.isObject()) {
                throw new IllegalArgumentException("Rule " + rule + ": target " + id
                        + " HttpParameters.HeaderParameters must be an object of strings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = headerNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                if (!header.getValue().isTextual()) {
                    throw new IllegalArgumentException("Rule " + rule + ": target " + id + " header "
                            + header.getKey() + " must be a string");
                }
                headers.put(header.getKey(), header.getValue().asText());
            }
        }
        JsonNode retry = node.path("RetryPolicy");
        int attempts = retry.has("MaximumRetryAttempts") ? integer(retry, "MaximumRetryAttempts", rule)
                : AlertRule.Target.DEFAULT_RETRY_ATTEMPTS;
        Duration age = retry.has("MaximumEventAgeInSeconds")
                ? Duration.ofSeconds(integer(retry, "MaximumEventAgeInSeconds", rule))
                : AlertRule.Target.DEFAULT_EVENT_AGE;
        return new AlertRule.Target(id, uri, headers, attempts, age);
    }

    private static String text(JsonNode node, String member, String rule, boolean required) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException((rule == null ? "A rule" : "Rule " + rule) + ": " + member
                        + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException((rule == null ? "A rule" : "Rule " + rule) + ": " + member
                    + " must be a string");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String member, String rule) {
        JsonNode value = node.get(member);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("Rule " + rule + ": RetryPolicy." + member + " must be an integer");
        }
        return value.asInt();
    }

    /** The rules as JSON, in the format {@link #parse} reads. */
    public ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("Rules");
        for (AlertRule rule : rules) {
            ObjectNode node = list.addObject();
            node.put("Name", rule.name());
            if (!rule.description().isEmpty()) {
                node.put("Description", rule.description());
            }
            node.put("State", rule.enabled() ? "ENABLED" : "DISABLED");
            try {
                node.set("EventPattern", MAPPER.readTree(rule.eventPattern()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            ArrayNode targets = node.putArray("Targets");
            for (AlertRule.Target target : rule.targets()) {
                ObjectNode t = targets.addObject();
                t.put("Id", target.id());
                t.put("HttpEndpoint", target.endpoint().toString());
                if (!target.headers().isEmpty()) {
                    ObjectNode headers = t.putObject("HttpParameters").putObject("HeaderParameters");
                    target.headers().forEach(headers::put);
                }
                ObjectNode retry = t.putObject("RetryPolicy");
                retry.put("MaximumRetryAttempts", target.maximumRetryAttempts());
                retry.put("MaximumEventAgeInSeconds", target.maximumEventAge().toSeconds());
            }
        }
        return root;
    }
}
