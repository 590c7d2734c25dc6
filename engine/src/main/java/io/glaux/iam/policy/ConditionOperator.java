package io.glaux.iam.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A condition operator as a policy names it ({@code ForAnyValue:StringNotLikeIfExists}): its comparison, whether it
 * is negated, the set qualifier for multivalued keys and the {@code IfExists} suffix.
 *
 * @param name the operator as written
 * @param type the comparison
 * @param negated true for StringNotEquals, NumericNotEquals, DateNotEquals, NotIpAddress, ArnNotEquals/Like, ...
 * @param set how the values of a multivalued key are combined
 * @param ifExists true when a key missing from the request satisfies the condition
 */
record ConditionOperator(String name, ConditionType type, boolean negated, SetQualifier set, boolean ifExists) {

    /** The {@code ForAllValues:} / {@code ForAnyValue:} prefix, or none. */
    enum SetQualifier { SINGLE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    private record Base(ConditionType type, boolean negated) {
    }

    private static final Map<String, Base> BASES = Map.ofEntries(
            Map.entry("stringequals", new Base(ConditionType.STRING_EQUALS, false)),
            Map.entry("stringnotequals", new Base(ConditionType.STRING_EQUALS, true)),
            Map.entry("stringequalsignorecase", new Base(ConditionType.STRING_EQUALS_IGNORE_CASE, false)),
            Map.entry("stringnotequalsignorecase", new Base(ConditionType.STRING_EQUALS_IGNORE_CASE, true)),
            Map.entry("stringlike", new Base(ConditionType.STRING_LIKE, false)),
            Map.entry("stringnotlike", new Base(ConditionType.STRING_LIKE, true)),
            Map.entry("numericequals", new Base(ConditionType.NUMERIC_EQUALS, false)),
            Map.entry("numericnotequals", new Base(ConditionType.NUMERIC_EQUALS, true)),
            Map.entry("numericlessthan", new Base(ConditionType.NUMERIC_LESS_THAN, false)),
            Map.entry("numericlessthanequals", new Base(ConditionType.NUMERIC_LESS_THAN_EQUALS, false)),
            Map.entry("numericgreaterthan", new Base(ConditionType.NUMERIC_GREATER_THAN, false)),
            Map.entry("numericgreaterthanequals", new Base(ConditionType.NUMERIC_GREATER_THAN_EQUALS, false)),
            Map.entry("dateequals", new Base(ConditionType.DATE_EQUALS, false)),
            Map.entry("datenotequals", new Base(ConditionType.DATE_EQUALS, true)),
            Map.entry("datelessthan", new Base(ConditionType.DATE_LESS_THAN, false)),
            Map.entry("datelessthanequals", new Base(ConditionType.DATE_LESS_THAN_EQUALS, false)),
            Map.entry("dategreaterthan", new Base(ConditionType.DATE_GREATER_THAN, false)),
            Map.entry("dategreaterthanequals", new Base(ConditionType.DATE_GREATER_THAN_EQUALS, false)),
            Map.entry("bool", new Base(ConditionType.BOOL, false)),
            Map.entry("binaryequals", new Base(ConditionType.BINARY_EQUALS, false)),
            Map.entry("ipaddress", new Base(ConditionType.IP_ADDRESS, false)),
            Map.entry("notipaddress", new Base(ConditionType.IP_ADDRESS, true)),
            Map.entry("arnequals", new Base(ConditionType.ARN_LIKE, false)),
            Map.entry("arnlike", new Base(ConditionType.ARN_LIKE, false)),
            Map.entry("arnnotequals", new Base(ConditionType.ARN_LIKE, true)),
            Map.entry("arnnotlike", new Base(ConditionType.ARN_LIKE, true)),
            Map.entry("null", new Base(ConditionType.NULL, false)));

    private static final String FOR_ANY = "foranyvalue:";
    private static final String FOR_ALL = "forallvalues:";
    private static final String IF_EXISTS = "ifexists";

    /** The operator {@code name} names, or empty when there is no such operator. */
    static Optional<ConditionOperator> parse(String name) {
        String rest = name.toLowerCase(Locale.ROOT);
        SetQualifier set = SetQualifier.SINGLE;
        if (rest.startsWith(FOR_ANY)) {
            set = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring(FOR_ANY.length());
        } else if (rest.startsWith(FOR_ALL)) {
            set = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring(FOR_ALL.length());
        }
        boolean ifExists = false;
        if (rest.endsWith(IF_EXISTS)) {
            ifExists = true;
            rest = rest.substring(0, rest.length() - IF_EXISTS.length());
        }
        Base base = BASES.get(rest);
        if (base == null || (base.type() == ConditionType.NULL && (ifExists || set != SetQualifier.SINGLE))) {
            return Optional.empty();
        }
        return Optional.of(new ConditionOperator(name, base.type(), base.negated(), set, ifExists));
    }
}
