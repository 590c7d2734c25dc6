package io.glaux.server;

import io.glaux.Glaux;
import io.glaux.athena.api.AthenaApi;
import io.glaux.aws.protocol.AwsJsonProtocol;
import io.glaux.aws.auth.Authenticator;
import io.glaux.aws.auth.FixedCredentialStore;
import io.glaux.aws.protocol.CallerIdentity;
import io.glaux.aws.protocol.QueryProtocol;
import io.glaux.iam.Authorizer;
import io.glaux.iam.CredentialStore;
import io.glaux.iam.directory.IamAuthorizer;
import io.glaux.iam.policy.PolicyEvaluator;
import io.glaux.iam.policy.ResourcePolicies;
import io.glaux.aws.protocol.RestJsonProtocol;
import io.glaux.connector.ConnectorFactory;
import io.glaux.connectors.federation.FederationConnectorFactory;
import io.glaux.connectors.federation.FederationSettings;
import io.glaux.connectors.federation.HostedFunctions;
import io.glaux.connectors.federation.SpilledObjects;
import io.glaux.connectors.lambda.FunctionHost;
import io.glaux.events.AlertControlApi;
import io.glaux.events.AlertRules;
import io.glaux.events.Alerts;
import io.glaux.events.AthenaQueryEvents;
import io.glaux.events.IngestionEvents;
import io.glaux.exec.IamQueryAccess;
import io.glaux.exec.QueryAccess;
import io.glaux.exec.QueryInterceptor;
import io.glaux.kms.KeyPolicyLookup;
import io.glaux.kms.KmsAccess;
import io.glaux.kms.Kms;
import io.glaux.kms.api.KmsApi;
import io.glaux.iam.api.IamApi;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.lambda.api.CodeDownload;
import io.glaux.lambda.api.LambdaApi;
import io.glaux.quicksight.QuickSight;
import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.render.VisualDataService;
import io.glaux.quicksight.api.QuickSightApi;
import io.glaux.s3.api.S3Endpoint;
import io.glaux.quicksight.api.SecuritySettings;
import io.glaux.quicksight.role.EffectivePermissions;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.quicksight.user.IamIdentities;
import io.glaux.quicksight.role.ResourceAccess;
import io.glaux.quicksight.role.RoleKeys;
import io.glaux.sample.SampleDataInstaller;
import io.glaux.sample.SampleDataset;
import io.glaux.storage.S3Location;
import io.glaux.server.faults.FaultControlApi;
import io.glaux.server.faults.FaultRules;
import io.glaux.server.faults.Faults;
import io.glaux.sts.api.StsApi;
import io.glaux.sts.api.TrustPolicyLookup;
import io.glaux.ui.WebUi;
import io.javalin.Javalin;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Glaux as one server on one port: Athena's JSON API ({@code POST /} with {@code X-Amz-Target}), the S3 endpoint
 * over the very store the engine queries (SigV4 scope {@code s3}; the embedded folder or an external S3 store),
 * QuickSight's and Lambda's REST-JSON APIs (scopes {@code quicksight}, {@code lambda}; Lambda's functions run in
 * processes of their own, see {@link #lambda()}), KMS (AWS JSON, {@code TrentService.}), IAM and STS (the query
 * protocol, scopes {@code iam} and {@code sts}), and {@code /health}. Like LocalStack, every client points its
 * endpoint URL here. Every request is authenticated by one step and, with IAM enforced
 * ({@link Builder#enforceIam}), authorized by the caller's policies (see {@code docs/security.md}). Faults can be
 * injected on demand
 * ({@link #faults()}, the control API at {@code /_glaux/faults}; none by default): see {@code docs/faults.md}.
 *
 * <p>For tests, {@link #builder()} starts a server that owns its engine (and, by default, a temporary data folder
 * that is deleted on {@link #close()}):
 *
 * <pre>{@code
 * try (GlauxServer glaux = GlauxServer.builder().sampleData(true).start()) {
 *     AthenaClient athena = AthenaClient.builder()
 *             .endpointOverride(URI.create(glaux.endpoint()))
 *             .region(Region.of(GlauxServer.REGION))
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                     AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY)))
 *             .build();
 * }
 * }</pre>
 */
public final class GlauxServer implements AutoCloseable {

    /** The region clients should sign for; Glaux answers any. */
    public static final String REGION = "us-east-1";
    /** The account root's access key by default ({@link IamDirectory#DEFAULT_ROOT_ACCESS_KEY_ID}). */
    public static final String ACCESS_KEY_ID = IamDirectory.DEFAULT_ROOT_ACCESS_KEY_ID;
    public static final String SECRET_ACCESS_KEY = IamDirectory.DEFAULT_ROOT_SECRET_ACCESS_KEY;

    private final Glaux glaux;
    private final Javalin app;
    private final Faults faults;
    private final QuickSight quickSight;
    private final FunctionHost lambda;
    private final ConnectorFactory functionConnectors;
    private final Alerting alerting;
    private final Kms kms;
    private final IamDirectory iam;
    private final boolean ownsGlaux;
    private final Path temporaryFolder;
    private final int port;

    private GlauxServer(Glaux glaux, Served served, boolean ownsGlaux, Path temporaryFolder) {
        this.glaux = glaux;
        this.app = served.app();
        this.faults = served.faults();
        this.quickSight = served.quickSight();
        this.lambda = served.lambda();
        this.functionConnectors = served.functions();
        this.alerting = served.alerting();
        this.kms = served.kms();
        this.iam = served.iam();
        this.port = app.port();
        this.ownsGlaux = ownsGlaux;
        this.temporaryFolder = temporaryFolder;
    }

    private record Served(Javalin app, Faults faults, QuickSight quickSight, FunctionHost lambda,
                          ConnectorFactory functions, Alerting alerting, Kms kms,
                          IamDirectory iam) {
    }

    /** The alerts and the listeners that feed them, removed from the engine when the server stops. */
    private record Alerting(Alerts alerts, AthenaQueryEvents queries, IngestionEvents ingestions) {

        static Alerting over(Glaux glaux, QuickSight quickSight, String accountId, AlertRules rules,
                Alerts.Settings settings) {
            Alerts alerts = new Alerts(rules, settings);
            AthenaQueryEvents queries = new AthenaQueryEvents(accountId, CallerIdentity.DEFAULT_REGION,
                    alerts::publish);
            IngestionEvents ingestions = new IngestionEvents(quickSight.dataSets(),
                    new QuickSightArns(CallerIdentity.DEFAULT_REGION, accountId), alerts::publish);
            glaux.queries().addListener(queries);
            glaux.spice().addIngestionListener(ingestions);
            return new Alerting(alerts, queries, ingestions);
        }

        void close(Glaux glaux) {
            glaux.queries().removeListener(queries);
            glaux.spice().removeIngestionListener(ingestions);
            alerts.close();
        }
    }

    /** How a server is set up around its engine. */
    private record Options(String host, int port, boolean syncWrites, FaultRules faults, Clock clock, String accountId,
            Duration directQueryTimeout, AlertRules alerts, Alerts.Settings alertSettings,
            CredentialStore credentials, boolean enforceIam, Path iamSeed) {
    }

    /**
     * Starts serving {@code glaux} on {@code host:port} (port 0 picks a free one), S3 included, over whatever store
     * the engine uses. The caller keeps owning {@code glaux} and closes it after the server.
     */
    public static GlauxServer start(Glaux glaux, String host, int port) {
        return start(glaux, host, port, FaultRules.NONE);
    }

    /**
     * As {@link #start(Glaux, String, int)}, injecting faults by {@code faults} from the first request on. The
     * engine's query interceptor is the server's until it is closed.
     */
    public static GlauxServer start(Glaux glaux, String host, int port, FaultRules faults) {
        return start(glaux, host, port, faults, CallerIdentity.DEFAULT_ACCOUNT_ID);
    }

    /**
     * As {@link #start(Glaux, String, int, FaultRules)}, playing the AWS account {@code accountId} (12 digits) in
     * QuickSight's paths and every service's ARNs.
     */
    public static GlauxServer start(Glaux glaux, String host, int port, FaultRules faults, String accountId) {
        try {
            return new GlauxServer(glaux, serve(glaux, new Options(host, port, true, faults, Clock.systemUTC(),
                    accountId, VisualDataService.DEFAULT_DIRECT_QUERY_TIMEOUT, AlertRules.NONE,
                    Alerts.Settings.DEFAULTS, null, false, null)), false, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the S3 endpoint's bucket settings or multipart uploads", e);
        }
    }

    /**
     * As {@link #start(Glaux, String, int)}.
     *
     * @deprecated the S3 endpoint is always served now, over the engine's store; {@code serveS3} is ignored
     */
    @Deprecated
    public static GlauxServer start(Glaux glaux, String host, int port, boolean serveS3) {
        return start(glaux, host, port);
    }

    /** A server that owns its engine: the way to start Glaux in-process for a test. */
    public static Builder builder() {
        return new Builder();
    }

    private static Served serve(Glaux glaux, Options options) throws IOException {
        String host = options.host();
        int port = options.port();
        boolean syncWrites = options.syncWrites();
        Clock clock = options.clock();
        Faults faults = new Faults(new AthenaApi(glaux).operationNames(), glaux.queries()::activeQueries);
        faults.set(options.faults());
        // IAM's users, roles, policies and keys live in the data folder's metadata; STS's sessions in memory. They are
        // the credentials every request is authenticated against, unless the options give others.
        IamDirectory.Builder directory = IamDirectory.builder().dataFolder(glaux.dataFolder())
                .accountId(options.accountId()).syncWrites(syncWrites);
        if (options.iamSeed() != null) {
            directory.seed(options.iamSeed());
        }
        IamDirectory iam = directory.build();
        CallerIdentity identity = new CallerIdentity(new Authenticator(options.credentials() != null
                ? options.credentials() : iam, options.enforceIam(), options.accountId(), clock));
        // With enforcement on, every call is authorized by AWS's rules over the directory's identity policies and the
        // resource policies each service keeps; with it off, everything is allowed, as before identities existed.
        // KMS's keys live in the data folder's metadata (<data>/.glaux/kms), one store per account and region.
        Kms kms = glaux.kms();
        // The resource policies that take part in decisions: buckets', keys' and roles' trust policies, and QuickSight's
        // resource permissions (known once QuickSight, which acts through this authorizer, is made below).
        AtomicReference<ResourcePolicies> quickSightGrants = new AtomicReference<>(ResourcePolicies.NONE);
        ResourcePolicies resourcePolicies = ResourcePolicies.byService(Map.of(
                "s3", S3Endpoint.bucketPolicies(glaux),
                "kms", new KeyPolicyLookup(kms),
                "sts", new TrustPolicyLookup(iam),
                "quicksight", request -> quickSightGrants.get().of(request)));
        IamAuthorizer policies = new IamAuthorizer(iam, resourcePolicies, new PolicyEvaluator(clock));
        Authorizer authorizer = options.enforceIam() ? policies : Authorizer.ALLOW_ALL;
        AwsJsonProtocol awsJson = new AwsJsonProtocol(List.of(
                new AthenaApi(glaux, faults::beforeAthenaCall, authorizer), new KmsApi(kms, authorizer)), identity);
        S3Endpoint s3 = S3Endpoint.over(glaux, syncWrites, faults.s3Interceptor(), identity, authorizer);
        // With a clock of its own, a test runs due schedules itself (quickSight().scheduler().runDue()).
        // QuickSight acts as its service role; its Security & permissions settings are that role's policies.
        QuickSightRole role = QuickSightRole.in(iam, authorizer, CallerIdentity.DEFAULT_REGION,
                new ResourceAccess.Settings(true, List.of(new ResourceAccess.Bucket(SampleDataset.BUCKET, false),
                        new ResourceAccess.Bucket(S3Location.parse(Glaux.DEFAULT_OUTPUT_LOCATION).bucket(), true)),
                        List.of()));
        QuickSight quickSight = QuickSight.over(glaux, clock, syncWrites, clock.equals(Clock.systemUTC()),
                options.directQueryTimeout(), role, IamIdentities.of(iam));
        quickSightGrants.set(quickSight.permissionGrants());
        // Lambda's functions and their code live in the data folder's metadata; their processes end with the server.
        FunctionHost lambda;
        try {
            lambda = FunctionHost.builder(glaux.dataFolder().resolve(".glaux").resolve("lambda"))
                    .store(glaux.store()).region(CallerIdentity.DEFAULT_REGION).accountId(identity.accountId())
                    .build();
        } catch (IOException | RuntimeException e) {
            quickSight.close();
            throw e;
        }
        // LAMBDA data catalogs and "lambda:<function>" in SQL reach these functions with the Federation SDK's protocol.
        ConnectorFactory functions = new FederationConnectorFactory(new HostedFunctions(lambda),
                SpilledObjects.of(glaux.store()), new FederationSettings(identity.accountId(),
                "arn:aws:iam::" + identity.accountId() + ":root", 16L << 20, 5L << 20, 50));
        RestJsonProtocol lambdaApi = new RestJsonProtocol(new LambdaApi(lambda, authorizer), identity);
        // The KMS keys QuickSight's settings name resolve in the role's account and region.
        RoleKeys roleKeys = RoleKeys.in(kms.store(iam.accountId(), CallerIdentity.DEFAULT_REGION));
        RestJsonProtocol quickSightApi = new RestJsonProtocol(new QuickSightApi(quickSight, operation -> { },
                authorizer, new SecuritySettings(iam.role(QuickSightRole.NAME).arn(),
                        new ResourceAccess(iam, CallerIdentity.DEFAULT_REGION, roleKeys), new EffectivePermissions(
                        policies, role.principal(), identity.accountId(), CallerIdentity.DEFAULT_REGION),
                        () -> bucketNames(glaux), () -> lambda.list().stream().map(f -> f.name()).toList(),
                        roleKeys),
                glaux.workgroups()), identity);
        CodeDownload lambdaCode = new CodeDownload(lambda);
        Map<String, HttpServlet> services = Map.of("s3", s3, ServiceRouter.JSON, awsJson, "quicksight",
                quickSightApi, "lambda", lambdaApi, "iam", new QueryProtocol(new IamApi(iam, authorizer), identity),
                "sts", new QueryProtocol(new StsApi(iam, authorizer), identity));
        FaultControlApi control = new FaultControlApi(faults);
        Alerting alerting = Alerting.over(glaux, quickSight, identity.accountId(), options.alerts(),
                options.alertSettings());
        AlertControlApi alertControl = new AlertControlApi(alerting.alerts());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 16L * 1024 * 1024;
            config.jetty.host = host;
            config.jetty.port = port;
            // Any S3 key must reach the endpoint as sent ("a b/c+d%2Fe#f.txt", "../x", "a//b"): it decodes the raw path.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setHttpCompliance(HttpCompliance.LEGACY);
                http.setUriCompliance(UriCompliance.LEGACY);
                // Header values reach the signature check as sent: Jetty's header cache would otherwise hand back
                // its own spelling of a common value ("text/plain; charset=utf-8" for "...charset=UTF-8").
                http.setHeaderCacheCaseSensitive(true);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new S3ErrorHandler()));
            config.jetty.modifyServletContextHandler(handler -> {
                handler.setErrorHandler(new S3ErrorHandler());
                handler.addFilter(new FilterHolder(new ServiceRouter(services)), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
            });
            // Glaux's visual-data endpoint answers unsigned requests too (the web UI's), in QuickSight's framing.
            config.routes.post("/glaux/quicksight/*", ctx -> quickSightApi.service(ctx.req(), ctx.res()));
            // An unsigned POST / without X-Amz-Target still gets the JSON protocol's UnknownOperationException.
            config.routes.post("/", ctx -> awsJson.service(ctx.req(), ctx.res()));
            config.routes.get(FaultControlApi.PATH, control::get);
            config.routes.put(FaultControlApi.PATH, control::put);
            config.routes.post(FaultControlApi.PATH, control::post);
            config.routes.delete(FaultControlApi.PATH, control::delete);
            config.routes.get(CodeDownload.PATH, lambdaCode::get);
            config.routes.get(AlertControlApi.RULES_PATH, alertControl::getRules);
            config.routes.put(AlertControlApi.RULES_PATH, alertControl::putRules);
            config.routes.post(AlertControlApi.RULES_PATH, alertControl::postRules);
            config.routes.delete(AlertControlApi.RULES_PATH, alertControl::deleteRules);
            config.routes.get(AlertControlApi.EVENTS_PATH, alertControl::getEvents);
            config.routes.get("/health", ctx -> ctx.json(java.util.Map.of("status", "ok", "services",
                    java.util.List.of("athena", "s3", "quicksight", "lambda", "kms", "iam", "sts"), "accountId",
                    identity.accountId(), "region", CallerIdentity.DEFAULT_REGION)));
            WebUi.install(config, quickSight.embeds());
        });
        glaux.queries().interceptor(faults.queryInterceptor());
        // A caller's queries are checked as Athena checks them: Glue entries, S3 locations, functions, result bucket.
        // Its KMS keys are used as the caller too: encrypted table data and results need the key's permissions.
        glaux.queryAccess(options.enforceIam() ? new IamQueryAccess(authorizer, options.accountId(),
                CallerIdentity.DEFAULT_REGION, glaux.federatedCatalogs()::functionsOf,
                new KmsAccess(kms, authorizer)) : QueryAccess.NONE);
        glaux.federatedCatalogs().addFactory(functions);
        try {
            app.start();
        } catch (RuntimeException e) {
            glaux.queries().interceptor(QueryInterceptor.NONE);
            glaux.queryAccess(QueryAccess.NONE);
            glaux.federatedCatalogs().removeFactory(functions);
            alerting.close(glaux);
            lambda.close();
            quickSight.close();
            throw e;
        }
        // Functions' AWS clients reach Glaux here (AWS_ENDPOINT_URL), whatever address the server listens on.
        lambda.endpoint("http://" + loopbackOr(host) + ":" + app.port());
        return new Served(app, faults, quickSight, lambda, functions, alerting, kms, iam);
    }

    /** The store's buckets, or none when it cannot list them. */
    private static List<String> bucketNames(Glaux glaux) {
        try {
            return glaux.store().listBuckets();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The address to reach a server listening on {@code host} from this machine. */
    private static String loopbackOr(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.equals("localhost")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The port it listens on (still known after {@link #close()}). */
    public int port() {
        return port;
    }

    /** The endpoint URL for every client (Athena and S3), e.g. {@code http://127.0.0.1:43123}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Whether the S3 endpoint is mounted: always, over the engine's store.
     *
     * @deprecated always true
     */
    @Deprecated
    public boolean servesS3() {
        return true;
    }

    public Glaux glaux() {
        return glaux;
    }

    /** QuickSight's resources and services, as the QuickSight API on this port serves them. */
    public QuickSight quickSight() {
        return quickSight;
    }

    /**
     * Lambda's functions as this server hosts them, each in JVM processes of its own: the
     * {@link io.glaux.connectors.lambda.FunctionInvoker} the rest of Glaux (Athena's federated catalogs) invokes them
     * through, and the host Lambda's API on this port works on. Its processes stop with the server.
     */
    public FunctionHost lambda() {
        return lambda;
    }

    /**
     * KMS's keys as this server keeps them (the store of an account and region: {@code kms().store(account, region)}),
     * the same the KMS API on this port works on: the rest of Glaux encrypts with data keys through it.
     */
    public Kms kms() {
        return kms;
    }

    /**
     * IAM as this server keeps it ({@code <data>/.glaux/iam/}): the users, roles, policies and keys IAM's API (scope
     * {@code iam}) works on and the sessions STS's API (scope {@code sts}) hands out.
     */
    public IamDirectory iam() {
        return iam;
    }

    /**
     * The fault rules this server injects by (none unless given): set, add or clear rules and read what they did,
     * e.g. {@code server.faults().set(FaultRule.athena("StartQueryExecution").withError("TooManyRequestsException")
     * .withTimes(2))}. The control API {@code /_glaux/faults} drives the same rules.
     */
    public Faults faults() {
        return faults;
    }

    /**
     * The alerts: every query's and SPICE ingestion's state change as an EventBridge event, kept in a log of recent
     * events and delivered to the webhooks of the rules it matches (none unless given; see {@code docs/alerts.md}).
     * The control API at {@code /_glaux/alerts} and {@code /_glaux/events} works on the same alerts.
     */
    public Alerts alerts() {
        return alerting.alerts();
    }

    /**
     * Stops serving. A server from {@link #builder()} also closes its engine and deletes its temporary data folder;
     * one from {@link #start(Glaux, String, int, boolean)} leaves the engine to its owner.
     */
    @Override
    public void close() {
        app.stop();
        glaux.federatedCatalogs().removeFactory(functionConnectors);
        alerting.close(glaux);
        lambda.close();
        quickSight.close();
        glaux.queries().interceptor(QueryInterceptor.NONE);
        glaux.queryAccess(QueryAccess.NONE);
        if (ownsGlaux) {
            try {
                glaux.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (temporaryFolder != null) {
                    deleteTree(temporaryFolder);
                }
            }
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the temporary data folder " + folder, e);
        }
    }

    /** Options for a server that owns its engine. */
    public static final class Builder {
        private Path dataFolder;
        private String host = "127.0.0.1";
        private int port;
        private boolean sampleData;
        private Integer maxConcurrentQueries;
        private boolean syncWrites;
        private FaultRules faults = FaultRules.NONE;
        private Clock clock = Clock.systemUTC();
        private String accountId = CallerIdentity.DEFAULT_ACCOUNT_ID;
        private Duration directQueryTimeout = VisualDataService.DEFAULT_DIRECT_QUERY_TIMEOUT;
        private Path faultsFile;
        private AlertRules alerts = AlertRules.NONE;
        private Path alertsFile;
        private Alerts.Settings alertSettings = Alerts.Settings.DEFAULTS;
        private CredentialStore credentials;
        private boolean enforceIam;
        private Path iamSeed;
        private Glaux engine;

        private Builder() {
        }

        /**
         * Where requests' access keys are looked up (their principal, and their secret when signatures are
         * verified) instead of the server's IAM directory ({@link #iam()}: the account root's key
         * {@code test}/{@code test}, IAM users' keys and STS sessions). Default: the IAM directory.
         */
        public Builder credentials(CredentialStore store) {
            this.credentials = Objects.requireNonNull(store);
            return this;
        }

        /**
         * Enforce IAM: verify every request's SigV4 signature against its key's secret and refuse the ones that fail,
         * and authorize every call by the caller's policies and the resource's, refusing in each service's words.
         * Default off: no signature is checked, nothing is refused, a known key is its principal and any other
         * caller the account's root. Signing times are judged by the {@linkplain #clock clock}.
         */
        public Builder enforceIam(boolean enforce) {
            this.enforceIam = enforce;
            return this;
        }

        /**
         * Seed IAM from this JSON file (users with keys, groups, roles, policies; the format is in
         * {@code docs/iam.md}) on the data folder's first start; later starts keep what IAM holds. Default: none.
         */
        public Builder iamSeed(Path seedFile) {
            this.iamSeed = Objects.requireNonNull(seedFile);
            return this;
        }

        /**
         * Serve this engine, already open, instead of opening one: the caller keeps owning it and closes it after the
         * server. The data folder, sample data and query concurrency are then the engine's own.
         */
        public Builder engine(Glaux glaux) {
            this.engine = Objects.requireNonNull(glaux);
            return this;
        }

        /** Start injecting faults by these rules. Default: none. */
        public Builder faults(FaultRules rules) {
            this.faults = Objects.requireNonNull(rules);
            this.faultsFile = null;
            return this;
        }

        /** Start injecting faults by the rules of this JSON file (read at {@link #start()}). */
        public Builder faults(Path rulesFile) {
            this.faultsFile = Objects.requireNonNull(rulesFile);
            return this;
        }

        /** Deliver alerts by these rules from the start (they can be changed while serving). Default: none. */
        public Builder alerts(AlertRules rules) {
            this.alerts = Objects.requireNonNull(rules);
            this.alertsFile = null;
            return this;
        }

        /** Deliver alerts by the rules of this JSON file (read at {@link #start()}). */
        public Builder alerts(Path rulesFile) {
            this.alertsFile = Objects.requireNonNull(rulesFile);
            return this;
        }

        /** The size of the log of recent events and of the delivery queue, and the retry backoff. */
        public Builder alertSettings(Alerts.Settings settings) {
            this.alertSettings = Objects.requireNonNull(settings);
            return this;
        }

        /** Keep data here (kept after close). Default: a new temporary folder, deleted on close. */
        public Builder dataFolder(Path folder) {
            this.dataFolder = Objects.requireNonNull(folder);
            return this;
        }

        /** Default 0: a free port chosen at start. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Install the sample shop dataset (database {@code shop}) before serving. Default: no. */
        public Builder sampleData(boolean install) {
            this.sampleData = install;
            return this;
        }

        /** Queries running at once. Default: the engine's (the number of cores, at least 2). */
        public Builder maxConcurrentQueries(int count) {
            this.maxConcurrentQueries = count;
            return this;
        }

        /**
         * Force query history and objects to disk before publishing them ({@link Glaux.Builder#syncWrites}). Default
         * off: a test's data does not need to survive a power cut, and the fsyncs are most of a small query's time.
         */
        public Builder syncWrites(boolean sync) {
            this.syncWrites = sync;
            return this;
        }

        /**
         * The clock of QuickSight's refresh schedules and of SPICE's incremental refresh windows (the system's by
         * default): a test moves it forward instead of waiting for a schedule, and runs the schedules that are due
         * with {@code quickSight().scheduler().runDue()} (no background check runs with a clock of its own).
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The 12-digit AWS account the server plays ({@code 000000000000} by default). */
        public Builder accountId(String account) {
            new CallerIdentity(account); // refuses anything but 12 digits
            this.accountId = account;
            return this;
        }

        /**
         * How long a QuickSight visual's direct query may run before it is stopped with QuickSight's timeout
         * (2 minutes by default, as on AWS); a test shortens it to see the timeout.
         */
        public Builder directQueryTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The direct-query timeout must be positive: " + timeout);
            }
            this.directQueryTimeout = timeout;
            return this;
        }

        /** Opens the engine, installs the sample data if asked, and starts serving. */
        public GlauxServer start() throws IOException {
            FaultRules rules = faultsFile != null ? FaultRules.load(faultsFile) : faults;
            AlertRules alertRules = alertsFile != null ? AlertRules.load(alertsFile) : alerts;
            if (engine != null) {
                return new GlauxServer(engine, serve(engine, new Options(host, port, syncWrites, rules, clock,
                        accountId, directQueryTimeout, alertRules, alertSettings, credentials, enforceIam, iamSeed)),
                        false, null);
            }
            Path temporary = dataFolder == null ? Files.createTempDirectory("glaux-") : null;
            Path folder = dataFolder != null ? dataFolder : temporary;
            Glaux glaux = null;
            try {
                Glaux.Builder engine = Glaux.builder().dataFolder(folder).syncWrites(syncWrites).spiceClock(clock);
                if (maxConcurrentQueries != null) {
                    engine.maxConcurrentQueries(maxConcurrentQueries);
                }
                glaux = engine.build();
                if (sampleData) {
                    new SampleDataInstaller(glaux).installOnFirstStart();
                }
                return new GlauxServer(glaux, serve(glaux, new Options(host, port, syncWrites, rules, clock,
                        accountId, directQueryTimeout, alertRules, alertSettings, credentials,
                        enforceIam, iamSeed)), true, temporary);
            } catch (IOException | RuntimeException e) {
                if (glaux != null) {
                    try {
                        glaux.close();
                    } catch (IOException closing) {
                        e.addSuppressed(closing);
                    }
                }
                if (temporary != null) {
                    deleteTree(temporary);
                }
                throw e;
            }
        }
    }
}
