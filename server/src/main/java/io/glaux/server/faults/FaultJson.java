package io.glaux.server.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.error.ErrorType;
import io.glaux.server.faults.FaultRule.FaultError;
import io.glaux.server.faults.FaultRule.Latency;
import io.glaux.server.faults.FaultRule.QueryFailure;
import io.glaux.server.faults.FaultRule.Service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of {@link FaultRules}, read strictly (an unknown member is an error, so a typo never silently matches
 * everything) with messages naming the member: {@code rules[1].probability: must be between 0 and 1, not 2.0}.
 */
final class FaultJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Set<String> DOCUMENT = Set.of("seed", "rules", "injected", "stats");
    private static final Set<String> RULE = Set.of("id", "service", "operations", "methods", "bucket", "key", "sql",
            "probability", "times", "maxCallsPerSecond", "maxActiveQueries", "latency", "error", "failQuery");
    private static final Set<String> LATENCY = Set.of("millis", "minMillis", "maxMillis");
    private static final Set<String> ERROR = Set.of("code", "message", "reason");
    private static final Set<String> FAILURE = Set.of("errorCategory", "errorType", "retryable", "message");

    private FaultJson() {
    }

    /** JSON that is not JSON at all (as opposed to JSON that is no valid rules). */
    static final class MalformedJsonException extends IllegalArgumentException {
        MalformedJsonException(String message) {
            super(message);
        }
    }

    /** The document as written: its seed and its rules, ids left null where none is given. */
    record Parsed(Long seed, List<FaultRule> rules) {
        FaultRules toRules() {
            return new FaultRules(seed, rules);
        }
    }

    static FaultRules parse(String json) {
        return read(json).toRules();
    }

    static Parsed read(String json) {
        JsonNode document;
        try {
            document = json == null || json.isBlank() ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException("Malformed JSON: " + e.getOriginalMessage());
        }
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("expected a JSON object such as {\"rules\": [...]}");
        }
        allowOnly(document, DOCUMENT, "");
        Long seed = null;
        JsonNode seedNode = document.get("seed");
        if (seedNode != null && !seedNode.isNull()) {
            if (!seedNode.canConvertToLong() || !seedNode.isIntegralNumber()) {
                throw new IllegalArgumentException("seed: must be an integer");
            }
            seed = seedNode.longValue();
        }
        JsonNode rulesNode = document.get("rules");
        List<FaultRule> rules = new ArrayList<>();
        if (rulesNode != null && !rulesNode.isNull()) {
            if (!rulesNode.isArray()) {
                throw new IllegalArgumentException("rules: must be an array");
            }
            for (int i = 0; i < rulesNode.size(); i++) {
                try {
                    rules.add(rule(rulesNode.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("rules[" + i + "]." + e.getMessage(), e);
                }
            }
        }
        return new Parsed(seed, rules);
    }

    private static FaultRule rule(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("service: a rule must be a JSON object");
        }
        allowOnly(node, RULE, "");
        String serviceName = text(node, "service");
        if (serviceName == null) {
            throw new IllegalArgumentException("service: is required (\"athena\" or \"s3\")");
        }
        Service service = switch (serviceName) {
            case "athena" -> Service.ATHENA;
            case "s3" -> Service.S3;
            default -> throw new IllegalArgumentException("service: must be \"athena\" or \"s3\", not \""
                    + serviceName + "\"");
        };
        JsonNode probability = node.get("probability");
        if (probability != null && !probability.isNull() && !probability.isNumber()) {
            throw new IllegalArgumentException("probability: must be a number between 0 and 1");
        }
        return new FaultRule(text(node, "id"), service, strings(node, "operations"), strings(node, "methods"),
                text(node, "bucket"), text(node, "key"), text(node, "sql"),
                probability == null || probability.isNull() ? 1 : probability.doubleValue(), integer(node, "times"),
                integer(node, "maxCallsPerSecond"), integer(node, "maxActiveQueries"), latency(node.get("latency")),
                error(node.get("error")), failure(node.get("failQuery")));
    }

    private static Latency latency(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return new Latency(node.longValue(), node.longValue());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("latency: must be milliseconds, {\"millis\": n} or"
                    + " {\"minMillis\": a, \"maxMillis\": b}");
        }
        allowOnly(node, LATENCY, "latency.");
        Integer millis = integer(node, "millis");
        Integer min = integer(node, "minMillis");
        Integer max = integer(node, "maxMillis");
        if (millis != null) {
            if (min != null || max != null) {
                throw new IllegalArgumentException("latency: give millis, or minMillis and maxMillis, not both");
            }
            return new Latency(millis, millis);
        }
        if (min == null || max == null) {
            throw new IllegalArgumentException("latency: needs millis, or both minMillis and maxMillis");
        }
        return new Latency(min, max);
    }

    private static FaultError error(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return new FaultError(node.textValue(), null, null);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("error: must be an error code or {\"code\": ..., \"message\": ...}");
        }
        allowOnly(node, ERROR, "error.");
        JsonNode reason = node.get("reason");
        return new FaultError(text(node, "code", "error.code"), text(node, "message", "error.message"),
                reason != null && reason.isNull() ? "" : text(node, "reason", "error.reason"));
    }

    private static QueryFailure failure(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("failQuery: must be an object with errorType and message");
        }
        allowOnly(node, FAILURE, "failQuery.");
        JsonNode typeNode = node.get("errorType");
        Integer category = integer(node, "errorCategory", "failQuery.errorCategory");
        JsonNode retryableNode = node.get("retryable");
        if (retryableNode != null && !retryableNode.isNull() && !retryableNode.isBoolean()) {
            throw new IllegalArgumentException("failQuery.retryable: must be true or false");
        }
        Boolean retryable = retryableNode == null || retryableNode.isNull() ? null : retryableNode.booleanValue();
        String message = text(node, "message", "failQuery.message");
        if (typeNode != null && typeNode.isTextual()) {
            ErrorType type;
            try {
                type = ErrorType.valueOf(typeNode.textValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("failQuery.errorType: a number, or one of "
                        + List.of(ErrorType.values()) + ", not '" + typeNode.textValue() + "'");
            }
            return new QueryFailure(category != null ? category : type.category().code(), type.code(),
                    retryable != null ? retryable : type.retryable(), message);
        }
        Integer type = integer(node, "errorType", "failQuery.errorType");
        if (type == null) {
            throw new IllegalArgumentException("failQuery.errorType: is required (a number such as 1001, or a name"
                    + " such as DATA_ERROR)");
        }
        if (category == null) {
            throw new IllegalArgumentException("failQuery.errorCategory: is required with a numeric errorType (1"
                    + " system, 2 user, 3 other)");
        }
        return new QueryFailure(category, type, retryable != null ? retryable : category == 1, message);
    }

    private static void allowOnly(JsonNode node, Set<String> members, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!members.contains(name)) {
                throw new IllegalArgumentException(prefix + name + ": unknown member (known: "
                        + members.stream().sorted().toList() + ")");
            }
        }
    }

    private static String text(JsonNode node, String member) {
        return text(node, member, member);
    }

    private static String text(JsonNode node, String member, String path) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path + ": must be a string");
        }
        return value.textValue();
    }

    private static Integer integer(JsonNode node, String member) {
        return integer(node, member, member);
    }

    private static Integer integer(JsonNode node, String member, String path) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(path + ": must be an integer");
        }
        return value.intValue();
    }

    /** A string or an array of strings. */
    private static List<String> strings(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(member + ": must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(member + ": must be an array of strings");
            }
            strings.add(item.textValue());
        }
        return strings;
    }

    /** The document: seed, rules as given (defaults left out), and, when given, the statistics. */
    static ObjectNode write(FaultRules rules, List<RuleStats> stats) {
        ObjectNode document = MAPPER.createObjectNode();
        if (rules.seed() != null) {
            document.put("seed", rules.seed());
        }
        ArrayNode array = document.putArray("rules");
        for (FaultRule rule : rules.rules()) {
            array.add(write(rule));
        }
        if (stats != null) {
            document.put("injected", stats.stream().mapToLong(RuleStats::injected).sum());
            ArrayNode statsArray = document.putArray("stats");
            for (RuleStats rule : stats) {
                ObjectNode node = statsArray.addObject();
                node.put("id", rule.id());
                node.put("matched", rule.matched());
                node.put("injected", rule.injected());
                if (rule.remaining() != null) {
                    node.put("remaining", rule.remaining());
                }
            }
        }
        return document;
    }

    private static ObjectNode write(FaultRule rule) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", rule.id());
        node.put("service", rule.service().jsonName());
        if (!rule.operations().isEmpty()) {
            rule.operations().forEach(node.putArray("operations")::add);
        }
        if (!rule.methods().isEmpty()) {
            rule.methods().forEach(node.putArray("methods")::add);
        }
        putText(node, "bucket", rule.bucket());
        putText(node, "key", rule.key());
        putText(node, "sql", rule.sql());
        if (rule.probability() != 1) {
            node.put("probability", rule.probability());
        }
        if (rule.times() != null) {
            node.put("times", rule.times());
        }
        if (rule.maxCallsPerSecond() != null) {
            node.put("maxCallsPerSecond", rule.maxCallsPerSecond());
        }
        if (rule.maxActiveQueries() != null) {
            node.put("maxActiveQueries", rule.maxActiveQueries());
        }
        if (rule.latency() != null) {
            ObjectNode latency = node.putObject("latency");
            if (rule.latency().minMillis() == rule.latency().maxMillis()) {
                latency.put("millis", rule.latency().minMillis());
            } else {
                latency.put("minMillis", rule.latency().minMillis());
                latency.put("maxMillis", rule.latency().maxMillis());
            }
        }
        if (rule.error() != null) {
            ObjectNode error = node.putObject("error");
            error.put("code", rule.error().code());
            putText(error, "message", rule.error().message());
            if (rule.error().reason() != null) {
                if (rule.error().reason().isEmpty()) {
                    error.putNull("reason");
                } else {
                    error.put("reason", rule.error().reason());
                }
            }
        }
        if (rule.failQuery() != null) {
            ObjectNode failure = node.putObject("failQuery");
            failure.put("errorCategory", rule.failQuery().errorCategory());
            failure.put("errorType", rule.failQuery().errorType());
            failure.put("retryable", rule.failQuery().retryable());
            failure.put("message", rule.failQuery().message());
        }
        return node;
    }

    private static void putText(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }
}
