package io.glaux.server.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of fault rules, evaluated in order, and the seed of their random draws (each rule draws from its own
 * sequence, seeded from this seed and the rule's position, so one rule's draws do not depend on other traffic). The
 * JSON form is the body of {@code PUT /_glaux/faults} and the file of {@code glaux serve --faults}:
 *
 * <pre>{@code
 * {"seed": 7, "rules": [
 *   {"service": "athena", "operations": ["StartQueryExecution"], "times": 2,
 *    "error": {"code": "TooManyRequestsException"}},
 *   {"service": "s3", "operations": ["GetObject"], "bucket": "lake", "key": "raw/*", "probability": 0.5,
 *    "error": "SlowDown"}
 * ]}
 * }</pre>
 *
 * @param seed null: a seed is chosen when the rules are set (and reported with them)
 * @param rules missing ids are filled in as {@code rule-<position>}
 */
public record FaultRules(Long seed, List<FaultRule> rules) {

    /** No rules: nothing is injected. */
    public static final FaultRules NONE = new FaultRules(null, List.of());

    public FaultRules {
        List<FaultRule> named = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < (rules == null ? 0 : rules.size()); i++) {
            FaultRule rule = rules.get(i);
            if (rule == null) {
                throw new IllegalArgumentException("rules[" + i + "]: must not be null");
            }
            if (rule.id() == null) {
                String id = "rule-" + (i + 1);
                for (int n = 2; ids.contains(id) || containsId(rules, id); n++) {
                    id = "rule-" + (i + 1) + "-" + n;
                }
                rule = rule.withId(id);
            }
            try {
                rule.validate();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rules[" + i + "]." + e.getMessage(), e);
            }
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rules[" + i + "].id: '" + rule.id() + "' is used twice");
            }
            named.add(rule);
        }
        rules = List.copyOf(named);
    }

    /** These rules, with the seed chosen when they were set. */
    public static FaultRules of(FaultRule... rules) {
        return new FaultRules(null, List.of(rules));
    }

    /** These rules and seed: the same requests draw the same faults every run. */
    public static FaultRules seeded(long seed, FaultRule... rules) {
        return new FaultRules(seed, List.of(rules));
    }

    /**
     * Reads the JSON form.
     *
     * @throws IllegalArgumentException naming the offending member, for JSON that is malformed or no valid rules
     */
    public static FaultRules parse(String json) {
        return FaultJson.parse(json);
    }

    /** Reads a JSON file, as {@code glaux serve --faults} does. */
    public static FaultRules load(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The JSON form (without statistics), which {@link #parse} reads back as these rules. */
    public String toJson() {
        return FaultJson.write(this, null).toPrettyString();
    }

    private static boolean containsId(List<FaultRule> rules, String id) {
        return rules.stream().anyMatch(rule -> rule != null && id.equals(rule.id()));
    }
}
