package io.glaux.junit;

import io.glaux.Glaux;
import io.glaux.server.GlauxServer;
import io.glaux.server.faults.FaultRules;
import io.glaux.server.faults.Faults;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Starts Glaux in-process once per test class, on a free port with a temporary data folder, and stops it (deleting
 * the folder) after the class. Register it either way:
 *
 * <pre>{@code
 * @ExtendWith(GlauxExtension.class)            // with the sample shop dataset
 * class MyTest {
 *     @Test
 *     void query(AthenaClient athena, GlauxServer glaux) { ... }
 * }
 *
 * class MyOtherTest {
 *     @RegisterExtension
 *     static final GlauxExtension glaux = GlauxExtension.empty();
 *
 *     @Test
 *     void query() { glaux.athena().startQueryExecution(...); }
 * }
 * }</pre>
 *
 * <p>Faults: {@link #withFaults(FaultRules)} (or a JSON document or file) starts the server injecting by those rules;
 * a test changes them through {@link #faults()} (or a {@link Faults} parameter, or {@code GlauxServer.faults()}), and
 * after each test the extension puts back the rules it was built with (none by default), so one test's faults never
 * reach the next:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GlauxExtension glaux = GlauxExtension.empty();
 *
 * @Test
 * void retriesThrottledStarts() {
 *     glaux.faults().set(FaultRule.athena("StartQueryExecution").withError("TooManyRequestsException").withTimes(2));
 *     myClient.runQuery("SELECT 1");                       // must retry twice
 *     assertThat(glaux.faults().injected()).isEqualTo(2);
 * }
 * }</pre>
 *
 * <p>Test constructors and methods may declare parameters of type {@link GlauxServer}, {@link Glaux} (the engine,
 * for direct calls), {@link Faults}, {@link URI} (the endpoint), and, when the AWS SDK for Java v2 is on the test
 * class path,
 * {@code AthenaClient}, {@code S3Client} and {@code QuickSightClient}: clients configured for the endpoint (region
 * {@value GlauxServer#REGION}, dummy credentials, path-style S3, QuickSight account {@code 000000000000}), shared by
 * the class and closed with the server. {@code @Nested} classes share
 * their outer class's server.
 */
public final class GlauxExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GlauxExtension.class);
    private static final String ATHENA_CLIENT = "software.amazon.awssdk.services.athena.AthenaClient";
    private static final String S3_CLIENT = "software.amazon.awssdk.services.s3.S3Client";
    private static final String QUICKSIGHT_CLIENT = "software.amazon.awssdk.services.quicksight.QuickSightClient";

    private final boolean sampleData;
    private final FaultRules faults;
    private final Path faultsFile;
    private volatile Running running;

    /** With the sample shop dataset (database {@code shop}), as {@code @ExtendWith(GlauxExtension.class)} gives. */
    public GlauxExtension() {
        this(true);
    }

    private GlauxExtension(boolean sampleData) {
        this(sampleData, FaultRules.NONE, null);
    }

    private GlauxExtension(boolean sampleData, FaultRules faults, Path faultsFile) {
        this.sampleData = sampleData;
        this.faults = faults;
        this.faultsFile = faultsFile;
    }

    /** A server with the sample shop dataset installed (database {@code shop}: orders, customers, products, ...). */
    public static GlauxExtension withSampleData() {
        return new GlauxExtension(true);
    }

    /** A server with only the {@code default} database; start a little faster. */
    public static GlauxExtension empty() {
        return new GlauxExtension(false);
    }

    /**
     * This extension, with the server injecting faults by {@code rules} from its start; after each test they are put
     * back (with fresh statistics and the same seed), whatever the test set.
     */
    public GlauxExtension withFaults(FaultRules rules) {
        return new GlauxExtension(sampleData, Objects.requireNonNull(rules), null);
    }

    /** As {@link #withFaults(FaultRules)}, with the rules of a JSON document (the control API's format). */
    public GlauxExtension withFaults(String json) {
        return withFaults(FaultRules.parse(json));
    }

    /** As {@link #withFaults(FaultRules)}, with the rules of a JSON file (read when the server starts). */
    public GlauxExtension withFaults(Path rulesFile) {
        return new GlauxExtension(sampleData, FaultRules.NONE, Objects.requireNonNull(rulesFile));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        running(context);
    }

    /** Puts back the rules the server started with (and fresh statistics), whatever the test set. */
    @Override
    public void afterEach(ExtensionContext context) {
        Running current = running;
        if (current != null) {
            current.server.faults().set(current.faults);
        }
    }

    /** The running server (between the class's start and end). */
    public GlauxServer server() {
        return current().server;
    }

    /** The endpoint URL for Athena and S3 clients, e.g. {@code http://127.0.0.1:43123}. */
    public String endpoint() {
        return server().endpoint();
    }

    /** The server's fault rules: set, add or clear them, and read what they did ({@link Faults#stats()}). */
    public Faults faults() {
        return server().faults();
    }

    /** The engine behind the server, for setting up data or reading results directly. */
    public Glaux glaux() {
        return server().glaux();
    }

    /** An Athena client for this server, shared by the class (needs the AWS SDK for Java v2 on the class path). */
    public software.amazon.awssdk.services.athena.AthenaClient athena() {
        return current().clients().athena();
    }

    /** A path-style S3 client for this server, shared by the class. */
    public software.amazon.awssdk.services.s3.S3Client s3() {
        return current().clients().s3();
    }

    /**
     * A QuickSight client for this server (account {@code 000000000000}), shared by the class (needs
     * {@code software.amazon.awssdk:quicksight} on the class path).
     */
    public software.amazon.awssdk.services.quicksight.QuickSightClient quickSight() {
        return current().quickSight().client();
    }

    private Running current() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("Glaux is not running: register GlauxExtension on the test class"
                    + " (@ExtendWith or a @RegisterExtension field) and use it inside the tests");
        }
        return current;
    }

    private Running running(ExtensionContext context) {
        // Kept in the class's store (visible to its methods and @Nested classes) and closed when the class ends.
        ExtensionContext owner = context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
        String key = (sampleData ? "sample" : "empty") + (faultsFile != null ? " faults " + faultsFile
                : faults.rules().isEmpty() ? "" : " faults " + faults.toJson());
        Running started = owner.getStore(NAMESPACE).getOrComputeIfAbsent(key,
                name -> Running.start(sampleData, faults, faultsFile), Running.class);
        running = started;
        return started;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == GlauxServer.class || type == Glaux.class || type == URI.class || type == Faults.class
                || type.getName().equals(ATHENA_CLIENT) || type.getName().equals(S3_CLIENT)
                || type.getName().equals(QUICKSIGHT_CLIENT);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Running current = running(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == GlauxServer.class) {
            return current.server;
        }
        if (type == Glaux.class) {
            return current.server.glaux();
        }
        if (type == Faults.class) {
            return current.server.faults();
        }
        if (type == URI.class) {
            return URI.create(current.server.endpoint());
        }
        if (type.getName().equals(ATHENA_CLIENT)) {
            return current.clients().athena();
        }
        if (type.getName().equals(S3_CLIENT)) {
            return current.clients().s3();
        }
        if (type.getName().equals(QUICKSIGHT_CLIENT)) {
            return current.quickSight().client();
        }
        throw new ParameterResolutionException("GlauxExtension cannot supply a " + type.getName());
    }

    /** One started server and the clients made for it; closed by JUnit when the owning class's context closes. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final GlauxServer server;
        /** The rules it started with, put back after each test. */
        final FaultRules faults;
        private SdkClients clients;
        private QuickSightSdkClient quickSight;

        private Running(GlauxServer server) {
            this.server = server;
            this.faults = server.faults().rules();
        }

        static Running start(boolean sampleData, FaultRules faults, Path faultsFile) {
            try {
                GlauxServer.Builder builder = GlauxServer.builder().sampleData(sampleData);
                return new Running((faultsFile != null ? builder.faults(faultsFile) : builder.faults(faults))
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start Glaux", e);
            }
        }

        synchronized SdkClients clients() {
            if (clients == null) {
                clients = new SdkClients(server);
            }
            return clients;
        }

        synchronized QuickSightSdkClient quickSight() {
            if (quickSight == null) {
                quickSight = new QuickSightSdkClient(server);
            }
            return quickSight;
        }

        @Override
        public void close() {
            SdkClients made;
            QuickSightSdkClient madeQuickSight;
            synchronized (this) {
                made = clients;
                madeQuickSight = quickSight;
            }
            try {
                if (made != null) {
                    made.close();
                }
                if (madeQuickSight != null) {
                    madeQuickSight.close();
                }
            } finally {
                server.close();
            }
        }
    }
}
