package io.glaux.iam.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Resource entry or condition value that may hold policy variables: {@code ${aws:username}}, any request key,
 * {@code ${key, 'default'}}, and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} for the literal characters.
 * Variables are only recognised in a {@code 2012-10-17} policy; in a {@code 2008-10-17} one the text is taken as it is.
 * A variable whose key the request lacks (and that has no default) leaves the entry unresolved: it matches nothing.
 */
final class PolicyTemplate {

    private sealed interface Part permits Wild, Literal, Variable {
    }

    /** Policy text whose {@code *} and {@code ?} are wildcards. */
    private record Wild(String text) implements Part {
    }

    /** Text from an escape, always literal. */
    private record Literal(String text) implements Part {
    }

    private record Variable(String key, String defaultValue) implements Part {
    }

    /** A template with its variables replaced by the request's values. */
    record Resolved(List<Part> parts) {

        /** The text, wildcards and escapes alike spelled out ({@code ${*}} becomes {@code *}). */
        String text() {
            StringBuilder text = new StringBuilder();
            for (Part part : parts) {
                text.append(part instanceof Wild wild ? wild.text() : ((Literal) part).text());
            }
            return text.toString();
        }

        /** A pattern where only the policy's own {@code *} and {@code ?} are wildcards. */
        Glob glob(boolean caseSensitive) {
            Glob.Builder builder = new Glob.Builder();
            for (Part part : parts) {
                if (part instanceof Wild wild) {
                    builder.wild(wild.text());
                } else {
                    builder.literal(((Literal) part).text());
                }
            }
            return builder.build(caseSensitive);
        }
    }

    private final String source;
    private final List<Part> parts;

    private PolicyTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /** {@code text} as written in a policy; {@code variables} is false for a 2008-10-17 policy. */
    static PolicyTemplate parse(String text, boolean variables) {
        List<Part> parts = new ArrayList<>();
        if (!variables) {
            parts.add(new Wild(text));
            return new PolicyTemplate(text, parts);
        }
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("${", at);
            int close = open < 0 ? -1 : text.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                parts.add(new Wild(text.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Wild(text.substring(at, open)));
            }
            parts.add(variable(text.substring(open + 2, close).trim()));
            at = close + 1;
        }
        return new PolicyTemplate(text, parts);
    }

    private static Part variable(String inside) {
        if (inside.equals("*") || inside.equals("?") || inside.equals("$")) {
            return new Literal(inside);
        }
        int comma = inside.indexOf(',');
        if (comma < 0) {
            return new Variable(inside, null);
        }
        String key = inside.substring(0, comma).trim();
        String fallback = inside.substring(comma + 1).trim();
        if (fallback.length() >= 2 && fallback.startsWith("'") && fallback.endsWith("'")) {
            fallback = fallback.substring(1, fallback.length() - 1);
        }
        return new Variable(key, fallback);
    }

    /** The text as the policy wrote it. */
    String source() {
        return source;
    }

    /** This template with the request's values put in, or empty when a variable has no value. */
    Optional<Resolved> resolve(RequestKeys keys) {
        List<Part> resolved = new ArrayList<>(parts.size());
        for (Part part : parts) {
            if (part instanceof Variable variable) {
                Optional<String> value = keys.single(variable.key());
                if (value.isEmpty() && variable.defaultValue() == null) {
                    return Optional.empty();
                }
                resolved.add(new Literal(value.orElse(variable.defaultValue())));
            } else {
                resolved.add(part);
            }
        }
        return Optional.of(new Resolved(resolved));
    }
}
