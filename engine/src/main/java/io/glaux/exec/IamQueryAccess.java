package io.glaux.exec;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.AccessRequest;
import io.glaux.iam.Authorizer;
import io.glaux.iam.Principal;
import io.glaux.sql.QueryContext;
import io.glaux.sql.TableSource;
import io.glaux.kms.KmsAccess;
import io.glaux.storage.S3Location;
import io.glaux.storage.crypto.KeyUser;
import io.glaux.storage.crypto.KeyUsers;

import java.util.List;
import java.util.function.Function;

/**
 * Athena's checks of a statement's caller, by IAM actions, before anything is read: for each table of the Glue-like
 * catalog {@code glue:GetDatabase} and {@code glue:GetTable} on its database and table ARNs, then
 * {@code s3:ListBucket} (with {@code s3:prefix}) and {@code s3:GetObject} on its location; for each table of a
 * LAMBDA catalog {@code lambda:InvokeFunction} on its functions; and {@code s3:PutObject} on the result object. SPICE
 * tables are Glaux's own and need nothing. Each refusal fails the query in Athena's words, followed by AWS's sentence
 * naming the principal, action and resource and the grant that would allow it. KMS keys are used as the caller
 * through {@link KmsAccess} (key policies, the caller's policies, grants), so encrypted table data and results need
 * {@code kms:Decrypt} / {@code kms:GenerateDataKey} on their key.
 */
public final class IamQueryAccess implements QueryAccess {

    private final Authorizer authorizer;
    private final String accountId;
    private final String region;
    private final Function<String, List<String>> functionsOfCatalog;
    private final KmsAccess kms;

    /**
     * @param functionsOfCatalog the Lambda functions (names or ARNs) a federated catalog invokes
     * @param kms how callers use KMS keys (the same authorizer's decisions, with key policies and grants)
     */
    public IamQueryAccess(Authorizer authorizer, String accountId, String region,
                          Function<String, List<String>> functionsOfCatalog, KmsAccess kms) {
        this.authorizer = authorizer;
        this.accountId = accountId;
        this.region = region;
        this.functionsOfCatalog = functionsOfCatalog;
        this.kms = kms;
    }

    @Override
    public KeyUsers keyUsers() {
        return (principal, viaService) -> principal == null ? null
                : new KeyUser(principal, kms, region, viaService);
    }

    @Override
    public void check(Principal principal, List<TableSource> tables, S3Location resultObject) {
        for (TableSource table : tables) {
            if (table.federated()) {
                for (String function : functionsOfCatalog.apply(table.catalog())) {
                    String arn = functionArn(function);
                    check(new AccessRequest(principal, "lambda:InvokeFunction", arn), denied ->
                            "GENERIC_USER_ERROR: Encountered an exception[com.amazonaws.services.lambda.model"
                                    + ".AWSLambdaException] from your LambdaFunction[" + arn + "] executed in"
                                    + " context[retrieving meta-data] with message[" + denied + "]");
                }
            } else if (table.catalog().equals(QueryContext.DEFAULT_CATALOG)) {
                String glue = "arn:aws:glue:" + region + ":" + accountId + ":";
                check(new AccessRequest(principal, "glue:GetDatabase", glue + "database/" + table.database()),
                        denied -> "Insufficient permissions to execute the query. " + denied);
                check(new AccessRequest(principal, "glue:GetTable", glue + "table/" + table.database() + "/"
                        + table.table()), denied -> "Insufficient permissions to execute the query. " + denied);
                if (table.location() != null) {
                    checkRead(principal, table.location());
                }
            }
        }
        check(new AccessRequest(principal, "s3:PutObject", objectArn(resultObject)), denied ->
                "Access denied when writing output to url: " + resultObject + " . Please ensure you are allowed to"
                        + " access the S3 bucket. If you are encrypting query results with KMS key, please ensure you"
                        + " are allowed to access your KMS key. " + denied);
    }

    private void checkRead(Principal principal, String location) {
        S3Location where;
        try {
            where = S3Location.parse(location);
        } catch (RuntimeException e) {
            return; // not an S3 location: nothing S3 would check
        }
        String message = "Permission denied on S3 path: " + location + ". ";
        check(new AccessRequest(principal, "s3:ListBucket", "arn:aws:s3:::" + where.bucket())
                .with("s3:prefix", where.key()), denied -> message + denied);
        check(new AccessRequest(principal, "s3:GetObject", objectArn(where)), denied -> message + denied);
    }

    private void check(AccessRequest request, Function<String, String> athenaMessage) {
        try {
            authorizer.check(request);
        } catch (AccessDeniedException denied) {
            throw new GlauxException(ErrorType.USER_ERROR, athenaMessage.apply(denied.messageWithFix()));
        }
    }

    private static String objectArn(S3Location location) {
        return "arn:aws:s3:::" + location.bucket() + "/" + location.key();
    }

    private String functionArn(String function) {
        return function.startsWith("arn:") ? function
                : "arn:aws:lambda:" + region + ":" + accountId + ":function:" + function;
    }
}
