package io.glaux.cli;

import java.math.BigDecimal;
import java.util.GregorianCalendar;

/**
 * Tables the JDK builds once, in static initialisers, the first time Glaux's start needs them, built instead on a
 * thread of its own while picocli reads the command line: the default time zone and the Gregorian calendar (Jackson's
 * {@code ObjectMapper} makes a date format in its static initialiser: about 25 ms of a cold JVM, reading the time zone
 * database) and {@code BigDecimal}'s (JDK 25 squares its way to large powers of five in it: about 20 ms, when
 * Jackson's first parser starts). The main thread finds them made, or waits for the class initialisation under way,
 * never doing the work twice.
 */
final class JdkTables {

    private JdkTables() {
    }

    /** Starts building the tables on a daemon thread, which the process does not wait for; returns the thread. */
    static Thread startBuilding() {
        return BackgroundWork.start("glaux-jdk-tables", JdkTables::build);
    }

    private static void build() {
        new GregorianCalendar();
        BigDecimal.valueOf(1);
    }
}
