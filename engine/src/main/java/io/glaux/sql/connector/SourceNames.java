package io.glaux.sql.connector;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** SQL names are lower case; a source may spell its own names in any case: match without regard to it. */
final class SourceNames {

    private SourceNames() {
    }

    static Optional<String> match(Collection<String> names, String sqlName) {
        if (names.contains(sqlName)) {
            return Optional.of(sqlName);
        }
        return names.stream().filter(n -> n.equalsIgnoreCase(sqlName)).findFirst();
    }

    static String sql(String sourceName) {
        return sourceName.toLowerCase(Locale.ROOT);
    }
}
