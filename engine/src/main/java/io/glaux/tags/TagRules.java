package io.glaux.tags;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS tagging rules for Athena resources: keys of 1 to 128 and values of 0 to 256 characters, made of letters,
 * digits, spaces and {@code + - = . _ : / @}; keys starting with {@code aws:} are reserved; at most 50 tags on one
 * resource.
 */
public final class TagRules {

    public static final int MAX_TAGS_PER_RESOURCE = 50;
    private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagRules() {
    }

    /** Checks tags about to be added. */
    public static void checkNew(Map<String, String> tags) {
        tags.forEach((key, value) -> {
            if (key == null || key.isEmpty() || key.length() > 128 || !CHARACTERS.matcher(key).matches()) {
                throw invalid("Invalid tag key '" + key + "': 1 to 128 letters, digits, spaces and + - = . _ : / @");
            }
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw invalid("Invalid tag key '" + key + "': the aws: prefix is reserved for AWS use");
            }
            if (value == null || value.length() > 256 || !CHARACTERS.matcher(value).matches()) {
                throw invalid("Invalid tag value '" + value + "' for key '" + key
                        + "': 0 to 256 letters, digits, spaces and + - = . _ : / @");
            }
        });
    }

    /** Checks the tags a resource would carry after a change. */
    public static void checkCount(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS_PER_RESOURCE) {
            throw invalid("A resource can have at most " + MAX_TAGS_PER_RESOURCE + " tags; this change would leave "
                    + tags.size());
        }
    }

    private static GlauxException invalid(String message) {
        return new GlauxException(ErrorType.INVALID_ARGUMENT, message);
    }
}
