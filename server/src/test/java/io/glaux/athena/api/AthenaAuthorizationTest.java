package io.glaux.athena.api;

import io.glaux.athena.api.AccessFixture.AccessCase;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.WorkGroupSummary;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.glaux.athena.api.AccessFixture.allow;
import static io.glaux.athena.api.AccessFixture.allowAllBut;
import static io.glaux.athena.api.AccessFixture.allowIf;
import static io.glaux.athena.api.AccessFixture.deny;
import static io.glaux.athena.api.AccessFixture.noPolicyAllows;
import static io.glaux.athena.api.AccessFixture.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Athena with enforcement on, through the SDK's AthenaClient: users and a role session whose policies allow some
 * calls and not others (wildcard actions and workgroups, NotAction, conditions on {@code aws:CurrentTime} and
 * {@code aws:RequestedRegion}, an explicit Deny over an Allow), each call allowed (and doing what it does) or refused
 * with Athena's 400 AccessDeniedException, AWS's sentence naming the caller, action and workgroup or data catalog,
 * then the fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AthenaAuthorizationTest {

    private static final String WORKGROUP = "arn:aws:athena:us-east-1:000000000000:workgroup/";
    private static final String CATALOG = "arn:aws:athena:us-east-1:000000000000:datacatalog/";
    private static final String SESSION_ARN = "arn:aws:sts::000000000000:assumed-role/analyst/s1";
    private static final String RESULTS = "s3://results/athena/";

    @TempDir
    static Path data;

    private GlauxServer server;
    private final List<AthenaClient> clients = new ArrayList<>();
    private AthenaClient root;
    private AthenaClient lister;
    private AthenaClient reader;
    private AthenaClient runner;
    private AthenaClient allButDelete;
    private AthenaClient catalogs;
    private AthenaClient timed;
    private AthenaClient regional;
    private AthenaClient regionalElsewhere;
    private AthenaClient session;
    private String teamQuery;
    private String primaryQuery;

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(data.resolve("results"));
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        root = client(AwsBasicCredentials.create("test", "test"), Region.US_EAST_1);
        root.createWorkGroup(b -> b.name("team-a"));
        root.createWorkGroup(b -> b.name("team-prod"));
        teamQuery = start(root, "team-a");
        primaryQuery = start(root, "primary");
        lister = client(AccessFixture.user(server, "lister", allow("athena:ListWorkGroups", "*")), Region.US_EAST_1);
        reader = client(AccessFixture.user(server, "reader",
                allow("[\"athena:Get*\",\"athena:List*\",\"athena:BatchGet*\"]", WORKGROUP + "team-*"),
                allow("athena:ListWorkGroups", "*")), Region.US_EAST_1);
        runner = client(AccessFixture.user(server, "runner", allow("athena:*", WORKGROUP + "team-*"),
                deny("athena:UpdateWorkGroup", WORKGROUP + "team-prod")), Region.US_EAST_1);
        allButDelete = client(AccessFixture.user(server, "all-but-delete", allowAllBut("athena:Delete*", "*")),
                Region.US_EAST_1);
        catalogs = client(AccessFixture.user(server, "catalogs",
                allow("[\"athena:ListDatabases\",\"athena:GetDatabase\"]", CATALOG + "AwsDataCatalog")),
                Region.US_EAST_1);
        timed = client(AccessFixture.user(server, "timed",
                allowIf("athena:ListWorkGroups", "*", "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2000-01-01T00:00:00Z\"}}"),
                allowIf("athena:ListEngineVersions", "*", "{\"DateLessThan\":{\"aws:CurrentTime\":\"2000-01-01T00:00:00Z\"}}")),
                Region.US_EAST_1);
        AwsCredentials regionalKey = AccessFixture.user(server, "regional", allowIf("athena:ListWorkGroups", "*",
                "{\"StringEquals\":{\"aws:RequestedRegion\":\"us-east-1\"}}"));
        regional = client(regionalKey, Region.US_EAST_1);
        regionalElsewhere = client(regionalKey, Region.EU_WEST_1);
        session = client(AccessFixture.roleSession(server, "analyst", "s1",
                allow("athena:GetWorkGroup", WORKGROUP + "primary")), Region.US_EAST_1);
    }

    @AfterAll
    void stop() {
        clients.forEach(AthenaClient::close);
        if (server != null) {
            server.close();
        }
    }

    private AthenaClient client(AwsCredentials credentials, Region region) {
        AthenaClient client = AccessFixture.client(AthenaClient.builder(), server, credentials, region);
        clients.add(client);
        return client;
    }

    private static String start(AthenaClient client, String workgroup) {
        return client.startQueryExecution(b -> b.queryString("SELECT 1").workGroup(workgroup)
                .resultConfiguration(r -> r.outputLocation(RESULTS))).queryExecutionId();
    }

    private static AccessCase<AthenaClient> allowed(String name, AthenaClient client, Consumer<AthenaClient> call) {
        return AccessCase.allowed(name, client, call);
    }

    private static AccessCase<AthenaClient> denied(String name, AthenaClient client, Consumer<AthenaClient> call,
                                                   String principal, String action, String resource) {
        return AccessCase.denied(name, client, call, principal, action, resource);
    }

    List<AccessCase<AthenaClient>> cases() {
        String lister = userArn("lister");
        String reader = userArn("reader");
        return List.of(
                allowed("lister lists the workgroups", this.lister, c -> assertThat(c.listWorkGroups(b -> { }).workGroups())
                        .extracting(WorkGroupSummary::name).contains("primary", "team-a", "team-prod")),
                denied("lister cannot start a query", this.lister, c -> start(c, "primary"), lister,
                        "athena:StartQueryExecution", WORKGROUP + "primary"),
                denied("lister cannot read a workgroup", this.lister, c -> c.getWorkGroup(b -> b.workGroup("team-a")),
                        lister, "athena:GetWorkGroup", WORKGROUP + "team-a"),
                allowed("reader's athena:Get* covers GetWorkGroup on team-*", this.reader,
                        c -> assertThat(c.getWorkGroup(b -> b.workGroup("team-a")).workGroup().name())
                                .isEqualTo("team-a")),
                denied("reader's workgroup/team-* does not cover primary", this.reader,
                        c -> c.getWorkGroup(b -> b.workGroup("primary")), reader, "athena:GetWorkGroup",
                        WORKGROUP + "primary"),
                allowed("reader reads a query of team-a (its workgroup looked up)", this.reader,
                        c -> assertThat(c.getQueryExecution(b -> b.queryExecutionId(teamQuery)).queryExecution()
                                .workGroup()).isEqualTo("team-a")),
                denied("reader cannot read a query of primary", this.reader,
                        c -> c.getQueryExecution(b -> b.queryExecutionId(primaryQuery)), reader,
                        "athena:GetQueryExecution", WORKGROUP + "primary"),
                denied("reader cannot read the results of a query of primary", this.reader,
                        c -> c.getQueryResults(b -> b.queryExecutionId(primaryQuery)), reader,
                        "athena:GetQueryResults", WORKGROUP + "primary"),
                denied("reader's Get* and List* do not cover StartQueryExecution", this.reader,
                        c -> start(c, "team-a"), reader, "athena:StartQueryExecution", WORKGROUP + "team-a"),
                allowed("reader lists the queries of team-a", this.reader,
                        c -> assertThat(c.listQueryExecutions(b -> b.workGroup("team-a")).queryExecutionIds())
                                .contains(teamQuery)),
                denied("a batch read checks every query's workgroup", this.reader,
                        c -> c.batchGetQueryExecution(b -> b.queryExecutionIds(teamQuery, primaryQuery)), reader,
                        "athena:BatchGetQueryExecution", WORKGROUP + "primary"),
                allowed("a batch read within team-a", this.reader,
                        c -> assertThat(c.batchGetQueryExecution(b -> b.queryExecutionIds(teamQuery))
                                .queryExecutions()).hasSize(1)),
                allowed("runner's athena:* runs a query in team-a", this.runner,
                        c -> assertThat(start(c, "team-a")).isNotBlank()),
                allowed("runner updates team-a", this.runner,
                        c -> c.updateWorkGroup(b -> b.workGroup("team-a").description("updated"))),
                AccessCase.deniedByDeny("an explicit Deny beats runner's athena:* on team-prod", this.runner,
                        c -> c.updateWorkGroup(b -> b.workGroup("team-prod").description("no")), userArn("runner"),
                        "athena:UpdateWorkGroup", WORKGROUP + "team-prod"),
                allowed("NotAction athena:Delete* allows reading a catalog's databases", this.allButDelete,
                        c -> c.listDatabases(b -> b.catalogName("AwsDataCatalog"))),
                denied("NotAction athena:Delete* leaves DeleteWorkGroup denied", this.allButDelete,
                        c -> c.deleteWorkGroup(b -> b.workGroup("team-prod")), userArn("all-but-delete"),
                        "athena:DeleteWorkGroup", WORKGROUP + "team-prod"),
                allowed("catalogs lists AwsDataCatalog's databases", this.catalogs,
                        c -> c.listDatabases(b -> b.catalogName("AwsDataCatalog"))),
                denied("catalogs cannot read table metadata of AwsDataCatalog", this.catalogs,
                        c -> c.getTableMetadata(b -> b.catalogName("AwsDataCatalog").databaseName("default")
                                .tableName("t")), userArn("catalogs"), "athena:GetTableMetadata",
                        CATALOG + "AwsDataCatalog"),
                denied("ListDataCatalogs has no resource", this.catalogs, c -> c.listDataCatalogs(b -> { }),
                        userArn("catalogs"), "athena:ListDataCatalogs", "*"),
                allowed("aws:CurrentTime after 2000 allows ListWorkGroups", this.timed, c -> c.listWorkGroups(b -> { })),
                denied("aws:CurrentTime before 2000 does not allow ListEngineVersions", this.timed,
                        c -> c.listEngineVersions(b -> { }), userArn("timed"), "athena:ListEngineVersions", "*"),
                allowed("aws:RequestedRegion us-east-1 allows a call signed for us-east-1", this.regional,
                        c -> c.listWorkGroups(b -> { })),
                denied("aws:RequestedRegion us-east-1 refuses a call signed for eu-west-1", this.regionalElsewhere,
                        c -> c.listWorkGroups(b -> { }), userArn("regional"), "athena:ListWorkGroups", "*"),
                allowed("a role session has its role's rights", this.session,
                        c -> assertThat(c.getWorkGroup(b -> b.workGroup("primary")).workGroup().name())
                                .isEqualTo("primary")),
                denied("a role session has nothing more", this.session,
                        c -> c.getWorkGroup(b -> b.workGroup("team-a")), SESSION_ARN, "athena:GetWorkGroup",
                        WORKGROUP + "team-a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCallIsAllowedOrRefusedAsTheCallersPoliciesSay(AccessCase<AthenaClient> c) {
        c.check(400, "AccessDeniedException");
    }

    @Test
    void aQueryThatDoesNotExistIsAnsweredAsBeforeNotRefused() {
        assertThatThrownBy(() -> lister.getQueryExecution(b -> b.queryExecutionId("no-such-query")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).isEqualTo("QueryExecution no-such-query was not found"));
    }

    @Test
    void aUserAllowedOnlyToListWorkgroupsSeesThemAndCannotStartAQuery() {
        assertThat(lister.listWorkGroups(b -> { }).workGroups()).extracting(WorkGroupSummary::name)
                .contains("primary", "team-a");
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                () -> lister.startQueryExecution(b -> b.queryString("SELECT 1")));
        AccessFixture.assertRefused(e, 400, "AccessDeniedException", noPolicyAllows(userArn("lister"),
                "athena:StartQueryExecution", WORKGROUP + "primary"));
        assertThat(e.awsErrorDetails().errorMessage()).endsWith("To allow it: Allow athena:StartQueryExecution on "
                + WORKGROUP + "primary in a policy attached to " + userArn("lister"));
    }

    @Test
    void withEnforcementOffNothingIsRefused(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("results"));
        try (GlauxServer open = GlauxServer.builder().dataFolder(other).syncWrites(false).start()) {
            AwsCredentials key = AccessFixture.user(open, "nobody");
            try (AthenaClient client = AthenaClient.builder().endpointOverride(URI.create(open.endpoint()))
                    .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(key)).build()) {
                assertThat(start(client, "primary")).isNotBlank();
                client.createWorkGroup(b -> b.name("anyone"));
                client.deleteWorkGroup(b -> b.workGroup("anyone"));
            }
        }
    }
}
