package io.glaux.quicksight.role;

import io.glaux.Glaux;
import io.glaux.sql.QueryContext;
import io.glaux.sql.TableSource;
import io.glaux.storage.S3Location;
import io.glaux.workgroup.EncryptionConfiguration;
import io.glaux.workgroup.Workgroup;

import java.util.List;
import java.util.Optional;

/**
 * What QuickSight's role needs before QuickSight runs a query through Athena (a SPICE ingestion, a direct-query
 * visual, a dataset preview), checked as the role so that a refusal reaches the user in QuickSight's words with the
 * troubleshooting table's fix: {@code athena:StartQueryExecution} on the workgroup, the workgroup's result location
 * (list the bucket, write and read objects under the prefix), and {@code lambda:InvokeFunction} on the functions of
 * every federated catalog the statement reads, and {@code kms:GenerateDataKey} and {@code kms:Decrypt} on the KMS
 * key that encrypts the workgroup's results (SSE_KMS, CSE_KMS). The query itself then runs as the role, so Athena
 * checks the rest (Glue entries, table locations, keys of encrypted table data) as it checks any caller's.
 */
public final class QueryChecks {

    /** Why the role may not run a query: the table's fix and the full message. */
    public record Refused(Fix fix, String message) {
    }

    private final Glaux glaux;
    private final QuickSightRole role;

    public QueryChecks(Glaux glaux, QuickSightRole role) {
        this.glaux = glaux;
        this.role = role;
    }

    /** The first refusal of running {@code sql} in {@code workGroup} as QuickSight's role, if any. */
    public Optional<Refused> beforeQuery(String sql, String workGroup) {
        if (!role.enforced()) {
            return Optional.empty(); // nothing would be refused: no need to plan the statement for its catalogs
        }
        Optional<RoleRefusal> athena = role.athena("athena:StartQueryExecution", workGroup);
        if (athena.isPresent()) {
            return Optional.of(new Refused(Fix.ATHENA, athena.get().withFix("Athena refused QuickSight's query in"
                    + " workgroup " + workGroup + ": " + athena.get().sentence())));
        }
        Optional<Workgroup> found = glaux.workgroups().find(workGroup);
        if (found.isPresent()) {
            S3Location prefix;
            try {
                prefix = glaux.workgroups().outputLocation(found.get(), null);
            } catch (RuntimeException e) {
                prefix = null; // no output location: the query is refused with Athena's own error
            }
            if (prefix != null) {
                Optional<RoleRefusal> s3 = role.resultLocation(prefix);
                if (s3.isPresent()) {
                    return Optional.of(new Refused(Fix.S3, resultBucket(prefix, s3.get())));
                }
            }
            Optional<Refused> key = resultKey(found.get());
            if (key.isPresent()) {
                return key;
            }
        }
        for (String function : federatedFunctions(sql)) {
            Optional<RoleRefusal> lambda = role.invoke(function);
            if (lambda.isPresent()) {
                String arn = role.functionArn(function);
                return Optional.of(new Refused(Fix.LAMBDA, lambda.get().withFix("GENERIC_USER_ERROR: Encountered an"
                        + " exception[com.amazonaws.services.lambda.model.AWSLambdaException] from your"
                        + " LambdaFunction[" + arn + "] executed in context[retrieving meta-data] with message["
                        + lambda.get().sentence() + "]")));
            }
        }
        return Optional.empty();
    }

    /**
     * The role's refusal of the KMS key a workgroup's results are encrypted with (SSE_KMS without a key: S3's
     * {@code alias/aws/s3}): writing them needs {@code kms:GenerateDataKey}, reading them {@code kms:Decrypt}.
     */
    private Optional<Refused> resultKey(Workgroup workGroup) {
        EncryptionConfiguration encryption;
        try {
            encryption = glaux.workgroups().resultEncryption(workGroup, null);
        } catch (RuntimeException e) {
            return Optional.empty(); // refused by Athena itself when the query is submitted
        }
        if (encryption == null || encryption.encryptionOption().equals("SSE_S3")) {
            return Optional.empty();
        }
        String keyArn = RoleKeys.in(glaux.kms().store(role.accountId(), role.region())).arnOf(
                encryption.kmsKey() == null ? "alias/aws/s3" : encryption.kmsKey());
        for (String action : List.of("Decrypt", "GenerateDataKey")) {
            Optional<RoleRefusal> refused = role.useKey(keyArn, action);
            if (refused.isPresent()) {
                return Optional.of(new Refused(Fix.KMS, decryption(workGroup.name(), keyArn, refused.get())));
            }
        }
        return Optional.empty();
    }

    /** A refusal of a KMS key, as QuickSight reports a decryption error. */
    static String decryption(String workGroup, String keyArn, RoleRefusal refusal) {
        return refusal.withFix("QuickSight's role cannot use the KMS key " + keyArn + " that encrypts the query"
                + " results of workgroup " + workGroup + ": " + refusal.sentence());
    }

    /**
     * A refusal of the role's use of a KMS key that surfaced while Athena ran or QuickSight read the results (a key
     * policy, a table object encrypted under a key the role may not use), with the table's KMS fix.
     */
    public static Refused keyRefused(io.glaux.iam.AccessDeniedException denied, String during) {
        return new Refused(Fix.KMS, "Decryption error " + during + ": " + denied.getMessage() + ". "
                + Fix.KMS.text() + ".");
    }

    /** The refusal of reading a result object back, if any. */
    public Optional<Refused> beforeRead(S3Location resultObject) {
        return role.readResult(resultObject).map(refusal -> new Refused(Fix.S3, resultBucket(resultObject,
                refusal)));
    }

    private static String resultBucket(S3Location location, RoleRefusal refusal) {
        return refusal.withFix("QuickSight's role cannot access the query result bucket " + location.bucket()
                + " (" + location + "): " + refusal.sentence());
    }

    /** The functions of the federated catalogs {@code sql} reads (none when it cannot be planned here). */
    private List<String> federatedFunctions(String sql) {
        List<TableSource> tables;
        try {
            tables = glaux.planner().prepare(sql, QueryContext.DEFAULT, List.of()).tables();
        } catch (RuntimeException e) {
            return List.of(); // the query reports its own error when it runs
        }
        return tables.stream().filter(TableSource::federated).map(TableSource::catalog).distinct()
                .flatMap(catalog -> glaux.federatedCatalogs().functionsOf(catalog).stream()).distinct().toList();
    }
}
