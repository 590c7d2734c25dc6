package io.glaux.cli;

import io.glaux.Glaux;
import io.glaux.sample.SampleDataInstaller;
import io.glaux.server.GlauxServer;
import io.glaux.events.AlertRules;
import io.glaux.server.faults.FaultRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code glaux serve}: Athena's API and an S3 endpoint on one port, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the Athena API, an S3 endpoint and the QuickSight API on one port (like LocalStack's"
                + " edge port).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = "4566", description = "Port to listen on. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--account-id", defaultValue = "000000000000", paramLabel = "ACCOUNT",
            description = "The 12-digit AWS account Glaux plays (QuickSight paths, ARNs). Default: ${DEFAULT-VALUE}")
    String accountId;

    @Option(names = "--faults", paramLabel = "FILE", description = "Inject faults by the rules of this JSON file"
            + " (throttling, S3 errors, latency, failed queries; see docs/faults.md). They can be changed while"
            + " serving at /_glaux/faults. Default: none.")
    Path faults;

    @Option(names = "--alerts", paramLabel = "FILE", description = "Deliver query and SPICE ingestion state changes"
            + " that match the EventBridge patterns of this JSON file's rules to their webhooks (see docs/alerts.md)."
            + " They can be changed while serving at /_glaux/alerts; recent events are at /_glaux/events.")
    Path alerts;

    @Option(names = "--enforce-iam", description = "Enforce IAM: verify every request's SigV4 signature and authorize"
            + " every call by IAM policies, bucket and key policies (see docs/security.md). Default: off, any"
            + " credentials are accepted and nothing is refused.")
    boolean enforceIam;

    @Option(names = "--iam-file", paramLabel = "FILE", description = "Seed IAM (users with access keys, groups, roles,"
            + " policies) from this JSON file on the data folder's first start (see docs/iam.md).")
    Path iamFile;

    @Option(names = "--exit-after-self-test", description = "Start, answer a query of constants through the Athena"
            + " API over HTTP (and the sample data's example queries when it is registered), then stop (a smoke test;"
            + " also the training run of the start-up archives the build records).")
    boolean selfTest;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        // Read the rules first: a mistake in them stops the command before anything is opened.
        FaultRules rules = faults == null ? FaultRules.NONE : FaultRules.load(faults);
        AlertRules alertRules = alerts == null ? AlertRules.NONE : AlertRules.load(alerts);
        // Jetty's MimeTypes lists every locale the JDK knows in its static initialiser, about 50 ms of a cold JVM on the
        // thread that starts Jetty; the JDK keeps that list, so it is made here beside the engine's opening instead.
        BackgroundWork.start("glaux-locales", Locale::getAvailableLocales);
        // What the queries share (Calcite's rules and operator table, the function table, the metadata handlers,
        // Arrow's schema reader) is made while the engine opens and the server starts, not by the first query.
        BackgroundWork.start("glaux-shared-tables", Glaux::loadSharedTables);
        StoreOptions.Opened opened = store.openUnforced();
        Glaux glaux = opened.glaux();
        // A first start's sample objects are forced to disk beside the server's start rather than before it; the install
        // is marked done once they are, so a start cut off before that installs them again.
        Thread sampleSync = opened.install().map(install -> BackgroundWork.start("glaux-sample-sync",
                () -> forceOrWarn(install))).orElse(null);
        GlauxServer.Builder serving = GlauxServer.builder().engine(glaux).host(host).port(port).faults(rules)
                .accountId(accountId).alerts(alertRules).syncWrites(true).enforceIam(enforceIam);
        if (iamFile != null) {
            serving.iamSeed(iamFile);
        }
        GlauxServer server = serving.start();
        long startedMillis = (System.nanoTime() - start) / 1_000_000;
        String endpoint = "http://" + host + ":" + server.port();
        // The banner is written at once, so whoever reads it (a person, a script waiting for the endpoint) sees it whole.
        StringBuilder banner = new StringBuilder(String.format("Glaux is serving Athena and S3 (%s) at %s (started in"
                + " %d ms, data in %s)%n", glaux.store().name(), endpoint, startedMillis, glaux.dataFolder()));
        if (!rules.rules().isEmpty()) {
            banner.append(String.format("Injecting faults: %d rule(s) from %s, seed %d (see %s/_glaux/faults)%n",
                    rules.rules().size(), faults, server.faults().rules().seed(), endpoint));
        }
        if (enforceIam) {
            banner.append(String.format("Enforcing IAM: requests must be signed with a known key (the account root's"
                    + " is %s/%s) and every call is authorized by IAM policies%n", GlauxServer.ACCESS_KEY_ID,
                    GlauxServer.SECRET_ACCESS_KEY));
        }
        if (!alertRules.rules().isEmpty()) {
            banner.append(String.format("Alerts: %d rule(s) from %s (see %s/_glaux/alerts and %s/_glaux/events)%n",
                    alertRules.rules().size(), alerts, endpoint, endpoint));
        }
        banner.append(String.format("Try:%n  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test"
                + " AWS_DEFAULT_REGION=us-east-1 \\%n  aws --endpoint-url %s athena start-query-execution \\%n"
                + "      --query-string \"SELECT count(*) FROM shop.orders\"%n", endpoint));
        System.out.print(banner);
        System.out.flush();
        if (selfTest) {
            try {
                System.out.println("Self-test: " + SelfTest.run(server.endpoint(), SelfTest.queries(glaux.catalog())));
            } finally {
                server.close();
                await(sampleSync);
                glaux.close();
            }
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C: stop taking requests, cancel what is queued or running (their operators notice within
        // about a second), record it in the history, free SPICE memory, and exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long stopping = System.nanoTime();
            try {
                server.close();
            } catch (RuntimeException e) {
                System.err.println("Error while stopping the server: " + e.getMessage());
            }
            try {
                await(sampleSync);
                glaux.close();
            } catch (Exception e) {
                System.err.println("Error while stopping: " + e.getMessage());
            }
            System.out.printf("Glaux stopped in %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
            stopped.countDown();
        }, "glaux-stop"));
        stopped.await();
        return 0;
    }

    private static void forceOrWarn(SampleDataInstaller.Unforced install) {
        try {
            install.force();
        } catch (IOException | RuntimeException e) {
            System.err.println("The sample data could not be forced to disk (" + e.getMessage()
                    + "); the next start installs it again");
        }
    }

    /** Waits for the sample data to be on disk before the engine closes; null when this start installed none. */
    private static void await(Thread sampleSync) throws InterruptedException {
        if (sampleSync != null) {
            sampleSync.join();
        }
    }
}
