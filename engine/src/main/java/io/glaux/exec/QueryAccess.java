package io.glaux.exec;

import io.glaux.iam.Principal;
import io.glaux.sql.TableSource;
import io.glaux.storage.S3Location;
import io.glaux.storage.crypto.KeyUsers;

import java.util.List;

/**
 * What a statement's caller must be allowed before it runs, as Athena checks it with the caller's credentials: to
 * read each table it reads (its catalog entry, its S3 location or its federated function) and to write its result
 * object. A refusal is a {@link io.glaux.error.GlauxException} in Athena's words, which fails the query. Its KMS keys
 * are used as the caller too ({@link #keyUsers()}): reading encrypted table data, writing and reading encrypted
 * results.
 */
@FunctionalInterface
public interface QueryAccess {

    /** Checks nothing: the engine's default, and the server's with IAM enforcement off. */
    QueryAccess NONE = (principal, tables, resultObject) -> { };

    /**
     * @param principal who runs the statement (never null: requests without a caller are not checked)
     * @param tables the tables it reads
     * @param resultObject the object its result goes to ({@code s3://bucket/prefix/<id>.csv})
     */
    void check(Principal principal, List<TableSource> tables, S3Location resultObject);

    /** How a caller uses KMS keys ({@link KeyUsers#GLAUX}: Glaux uses them itself, nothing is refused). */
    default KeyUsers keyUsers() {
        return KeyUsers.GLAUX;
    }
}
