package io.glaux.athena.api;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;

import java.nio.file.Path;

import static io.glaux.athena.api.AccessFixture.allow;
import static io.glaux.athena.api.AccessFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query started through Athena's API reads and writes as its caller when IAM is enforced: the tables' Glue
 * entries and S3 locations and the result bucket are checked, and a refusal fails the query in Athena's words.
 */
class AthenaQueryAccessTest {

    @TempDir
    static Path data;
    static GlauxServer server;

    private static final String ATHENA = allow("athena:*", "*");
    private static final String GLUE = allow("[\"glue:GetDatabase\",\"glue:GetTable\"]", "*");
    private static final String SHOP_DATA = allow("[\"s3:ListBucket\",\"s3:GetObject\"]", "*");
    private static final String RESULTS = allow("s3:PutObject", "arn:aws:s3:::glaux-query-results/*");

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).sampleData(true).enforceIam(true).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static QueryExecution run(AwsCredentials caller, String sql) throws InterruptedException {
        try (AthenaClient athena = AccessFixture.client(AthenaClient.builder(), server, caller, Region.US_EAST_1)) {
            return AccessFixture.awaitEnd(athena, athena.startQueryExecution(b -> b.queryString(sql))
                    .queryExecutionId());
        }
    }

    @Test
    void aCallerWithAthenaGlueS3AndTheResultBucketGetsItsRows() throws Exception {
        QueryExecution ok = run(user(server, "analyst", ATHENA, GLUE, SHOP_DATA, RESULTS),
                "SELECT count(*) FROM shop.orders");
        assertThat(ok.status().state()).as(ok.status().stateChangeReason()).isEqualTo(QueryExecutionState.SUCCEEDED);
    }

    @Test
    void withoutGlueTheQueryFailsNamingGlueGetTable() throws Exception {
        QueryExecution failed = run(user(server, "no-glue", ATHENA, SHOP_DATA, RESULTS),
                "SELECT count(*) FROM shop.orders");
        assertThat(failed.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(failed.status().stateChangeReason()).startsWith("Insufficient permissions to execute the query."
                + " User: arn:aws:iam::000000000000:user/no-glue is not authorized to perform: glue:GetDatabase on"
                + " resource: arn:aws:glue:us-east-1:000000000000:database/shop because no identity-based policy"
                + " allows the glue:GetDatabase action. To allow it:");
        assertThat(failed.status().athenaError().errorCategory()).isEqualTo(2);
    }

    @Test
    void withoutTheResultBucketTheQueryFailsAsAthenaSaysAndLeavesNoResult() throws Exception {
        QueryExecution failed = run(user(server, "no-results", ATHENA, GLUE, SHOP_DATA), "SELECT 1");
        assertThat(failed.status().state()).isEqualTo(QueryExecutionState.FAILED);
        assertThat(failed.status().stateChangeReason()).startsWith("Access denied when writing output to url: "
                + failed.resultConfiguration().outputLocation() + " . Please ensure you are allowed to access the S3"
                + " bucket.").contains("s3:PutObject on resource: arn:aws:s3:::glaux-query-results/");
        String key = failed.resultConfiguration().outputLocation().substring("s3://glaux-query-results/".length());
        assertThat(server.glaux().store().head("glaux-query-results", key)).isEmpty();
    }

    @Test
    void theAccountRootReadsEverything() throws Exception {
        QueryExecution ok = run(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY), "SELECT count(*) FROM shop.customers");
        assertThat(ok.status().state()).isEqualTo(QueryExecutionState.SUCCEEDED);
    }
}
