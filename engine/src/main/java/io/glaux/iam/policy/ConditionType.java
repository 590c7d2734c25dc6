package io.glaux.iam.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The comparison behind each family of condition operators, in its positive form: how one request value is compared
 * with one policy value. The negated operators ({@code StringNotEquals}, {@code NotIpAddress}, ...) are this
 * comparison turned around by {@link ConditionOperator}. A request value of the wrong kind (not a number for
 * NumericEquals, not an address for IpAddress) never matches.
 */
enum ConditionType {
    STRING_EQUALS {
        @Override
        boolean matches(String requestValue, PolicyTemplate.Resolved policyValue) {
            return requestValue.equals(policyValue.text());
        }
    },
    STRING_EQUALS_IGNORE_CASE {
        @Override
        boolean matches(String requestValue, PolicyTemplate.Resolved policyValue) {
            return requestValue.equalsIgnoreCase(policyValue.text());
        }
    },
    STRING_LIKE {
        @Override
        boolean matches(String requestValue, PolicyTemplate.Resolved policyValue) {
            return policyValue.glob(true).matches(requestValue);
        }
    },
    NUMERIC_EQUALS(c -> c == 0),
    NUMERIC_LESS_THAN(c -> c < 0),
    NUMERIC_LESS_THAN_EQUALS(c -> c <= 0),
    NUMERIC_GREATER_THAN(c -> c > 0),
    NUMERIC_GREATER_THAN_EQUALS(c -> c >= 0),
    DATE_EQUALS(c -> c == 0),
    DATE_LESS_THAN(c -> c < 0),
    DATE_LESS_THAN_EQUALS(c -> c <= 0),
    DATE_GREATER_THAN(c -> c > 0),
    DATE_GREATER_THAN_EQUALS(c -> c >= 0),
    BOOL {
        @Override
        boolean matches(String requestValue, PolicyTemplate.Resolved policyValue) {
            return requestValue.equalsIgnoreCase(policyValue.text());
        }
    },
    BINARY_EQUALS {
        @Override
        boolean matches(String requestValue, PolicyTemplate.Resolved policyValue) {
            try {
                Base64.Decoder decoder = Base64.getDecoder();
                return Arrays.equals(decoder.decode(requestValue.trim()), decoder.decode(policyValue.text().trim()));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    },
    IP_ADDRESS {
        @Override
        boolean matches(String requestValue, PolicyTemplate.Resolved policyValue) {
            return IpRange.parse(policyValue.text().trim()).map(range -> range.contains(requestValue)).orElse(false);
        }
    },
    /** ArnEquals and ArnLike alike: each of the six colon-separated parts is matched on its own, wildcards allowed. */
    ARN_LIKE {
        @Override
        boolean matches(String requestValue, PolicyTemplate.Resolved policyValue) {
            String[] request = requestValue.split(":", 6);
            String[] policy = policyValue.text().split(":", 6);
            if (request.length != 6 || policy.length != 6) {
                return false;
            }
            for (int i = 0; i < 6; i++) {
                if (!Glob.of(policy[i], true).matches(request[i])) {
                    return false;
                }
            }
            return true;
        }
    },
    /** Null is decided on the key's presence alone: see {@link Condition}. */
    NULL {
        @Override
        boolean matches(String requestValue, PolicyTemplate.Resolved policyValue) {
            throw new UnsupportedOperationException("Null tests a key's presence, not its values");
        }
    };

    private final IntPredicate ordering;

    ConditionType() {
        this.ordering = null;
    }

    ConditionType(IntPredicate ordering) {
        this.ordering = ordering;
    }

    /** Whether one request value matches one policy value. */
    boolean matches(String requestValue, PolicyTemplate.Resolved policyValue) {
        String policyText = policyValue.text();
        if (name().startsWith("DATE")) {
            Optional<Instant> left = PolicyDates.parse(requestValue);
            Optional<Instant> right = PolicyDates.parse(policyText);
            return left.isPresent() && right.isPresent() && ordering.test(left.get().compareTo(right.get()));
        }
        Optional<BigDecimal> left = number(requestValue);
        Optional<BigDecimal> right = number(policyText);
        return left.isPresent() && right.isPresent() && ordering.test(left.get().compareTo(right.get()));
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
