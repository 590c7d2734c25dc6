package io.glaux.exec;

import io.glaux.iam.Principal;
import io.glaux.iam.directory.EntityKind;
import io.glaux.iam.directory.IamAuthorizer;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.policy.PolicyEvaluator;
import io.glaux.iam.policy.ResourcePolicies;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller's query checked as Athena checks it: Glue entries, the table's S3 location, the result object. */
class IamQueryAccessTest {

    private static final String ALL = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["glue:GetDatabase", "glue:GetTable"],
               "Resource": ["arn:aws:glue:us-east-1:000000000000:database/sales",
                            "arn:aws:glue:us-east-1:000000000000:table/sales/*"]},
              {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::lake",
               "Condition": {"StringLike": {"s3:prefix": "t/*"}}},
              {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/t/*"},
              {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::results/*"}]}""";

    @TempDir
    Path data;

    private final IamDirectory directory = IamDirectory.builder().build();

    private QueryExecution runAs(GlauxFixture g, Principal caller, String sql) throws InterruptedException {
        QueryRequest request = QueryRequest.of(sql).withOutputLocation("s3://results/").withPrincipal(caller);
        QueryService queries = g.glaux().queries();
        return queries.await(queries.submit(request).queryExecutionId(), java.time.Duration.ofMinutes(1));
    }

    private Principal userWith(String name, String policy) {
        directory.createUser(name, "/", List.of());
        directory.putInlinePolicy(EntityKind.USER, name, "access", policy);
        return directory.principalOf(directory.user(name));
    }


    @Test
    void aCallerNeedsTheTablesGlueEntriesItsS3LocationAndTheResultBucket() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            g.put("lake", "t/a.csv", "1,one\n2,two\n");
            g.glaux().store().createBucket("results");
            g.query("CREATE DATABASE sales");
            g.query("CREATE EXTERNAL TABLE sales.t (id int, name string) ROW FORMAT DELIMITED"
                    + " FIELDS TERMINATED BY ',' LOCATION 's3://lake/t/'");
            IamAuthorizer authorizer = new IamAuthorizer(directory, ResourcePolicies.NONE,
                    new PolicyEvaluator(Clock.systemUTC()));
            g.glaux().queryAccess(new IamQueryAccess(authorizer, "000000000000", "us-east-1", catalog -> List.of(),
                    new io.glaux.kms.KmsAccess(g.glaux().kms(), authorizer)));

            Principal analyst = userWith("analyst", ALL);
            QueryExecution allowed = runAs(g, analyst, "SELECT name FROM sales.t WHERE id = 2");
            assertThat(allowed.state()).as(String.valueOf(allowed.status().stateChangeReason()))
                    .isEqualTo(QueryState.SUCCEEDED);
            assertThat(g.glaux().results(allowed.queryExecutionId()).rows()).containsExactly(List.of("two"));

            Principal noGlue = userWith("no-glue", ALL.replace("\"glue:GetTable\"", "\"glue:GetTables\""));
            QueryExecution glue = runAs(g, noGlue, "SELECT * FROM sales.t");
            assertThat(glue.state()).isEqualTo(QueryState.FAILED);
            assertThat(glue.status().stateChangeReason()).isEqualTo("Insufficient permissions to execute the query."
                    + " User: arn:aws:iam::000000000000:user/no-glue is not authorized to perform: glue:GetTable on"
                    + " resource: arn:aws:glue:us-east-1:000000000000:table/sales/t because no identity-based policy"
                    + " allows the glue:GetTable action. To allow it: Allow glue:GetTable on"
                    + " arn:aws:glue:us-east-1:000000000000:table/sales/t in a policy attached to"
                    + " arn:aws:iam::000000000000:user/no-glue");

            Principal otherPrefix = userWith("other-prefix", ALL.replace("arn:aws:s3:::lake/t/*",
                    "arn:aws:s3:::lake/u/*"));
            QueryExecution s3 = runAs(g, otherPrefix, "SELECT * FROM sales.t");
            assertThat(s3.status().stateChangeReason()).startsWith("Permission denied on S3 path: s3://lake/t/."
                    + " User: arn:aws:iam::000000000000:user/other-prefix is not authorized to perform: s3:GetObject"
                    + " on resource: arn:aws:s3:::lake/t/");

            Principal noResults = userWith("no-results", ALL.replace("arn:aws:s3:::results/*",
                    "arn:aws:s3:::elsewhere/*"));
            QueryExecution output = runAs(g, noResults, "SELECT 1");
            assertThat(output.state()).isEqualTo(QueryState.FAILED);
            assertThat(output.status().stateChangeReason()).startsWith("Access denied when writing output to url:"
                    + " s3://results/" + output.queryExecutionId() + ".csv . Please ensure you are allowed to access"
                    + " the S3 bucket.").contains("s3:PutObject on resource: arn:aws:s3:::results/"
                    + output.queryExecutionId() + ".csv");

            // The engine's own work (no caller) and the account's root are not limited by identity policies.
            assertThat(g.run("sales", "SELECT count(*) FROM t").state()).isEqualTo(QueryState.SUCCEEDED);
            assertThat(runAs(g, Principal.root("000000000000"), "SELECT * FROM sales.t").state())
                    .isEqualTo(QueryState.SUCCEEDED);
            // A view is checked by the tables under it.
            g.query("CREATE VIEW sales.v AS SELECT name FROM sales.t");
            assertThat(runAs(g, otherPrefix, "SELECT * FROM sales.v").status().stateChangeReason())
                    .startsWith("Permission denied on S3 path: s3://lake/t/.");
        }
    }
}
