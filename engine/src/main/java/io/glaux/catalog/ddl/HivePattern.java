package io.glaux.catalog.ddl;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The name patterns of SHOW DATABASES LIKE / SHOW TABLES (and of the Athena API's ListTableMetadata Expression):
 * alternatives separated by '|', '*' for any characters, otherwise a regular expression, matched against the whole
 * name without regard to case.
 */
public final class HivePattern {

    private HivePattern() {
    }

    public static boolean matches(String pattern, String name) {
        if (pattern == null) {
            return true;
        }
        for (String alternative : pattern.trim().split("\\|")) {
            String regex = alternative.trim().replace("*", ".*");
            try {
                if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(name).matches()) {
                    return true;
                }
            } catch (PatternSyntaxException e) {
                if (alternative.trim().equalsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
