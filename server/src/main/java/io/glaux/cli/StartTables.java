package io.glaux.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.GregorianCalendar;

/**
 * What the JDK and Glaux's libraries build once per process, in static initialisers, the first time a start needs
 * them, built instead on a thread of its own while picocli reads the command line, in the order the main thread comes
 * to need them:
 * <ul>
 *   <li>the default time zone and the Gregorian calendar (about 25 ms of a cold JVM, reading the time zone database),
 *   and Jackson's {@code ObjectMapper} class (its static initialiser makes a date format for {@code Locale.US} in UTC,
 *   reading the locale's data: about 15 ms more);</li>
 *   <li>logback's configuration ({@link ConsoleLogging}, found through slf4j's service look-up: about 15 ms);</li>
 *   <li>{@code BigDecimal}'s tables (JDK 25 squares its way to large powers of five in them: about 20 ms, when
 *   Jackson's first parser starts);</li>
 *   <li>the JDK's list of security providers, which the first {@code SecureRandom} reads (KMS's, about 10 ms).</li>
 * </ul>
 * The main thread finds them made, or waits for the class initialisation under way, never doing the work twice.
 */
final class StartTables {

    private StartTables() {
    }

    /** Starts building the tables on a daemon thread, which the process does not wait for; returns the thread. */
    static Thread startBuilding() {
        return BackgroundWork.start("glaux-start-tables", StartTables::build);
    }

    private static void build() {
        new GregorianCalendar();
        new ObjectMapper();
        LoggerFactory.getILoggerFactory();
        BigDecimal.valueOf(1);
        new SecureRandom();
    }
}
