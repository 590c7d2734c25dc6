package io.glaux.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.glaux.iam.AccessRequest;
import io.glaux.iam.Decision;
import io.glaux.iam.Decision.Outcome;
import io.glaux.iam.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Principal × action × resource × policies, each expected outcome taken from AWS's documented evaluation logic for
 * one account (explicit deny wins; root is unlimited by identity policies; services and anonymous callers only by
 * resource policies; a resource policy naming the user or session grants fully, naming the role grants within the
 * session policy and boundary, naming the account delegates; a key policy must name the caller or the account).
 */
class PermissionMatrixTest {

    private static final String A = "000000000000";
    private static final Principal ROOT = Principal.root(A);
    private static final Principal BOB = Principal.user(A, "/", "bob", "AIDABOB");
    private static final Principal ALICE = Principal.user(A, "/", "alice", "AIDAALICE");
    private static final Principal SESSION = Principal.assumedRole(A, "/service-role/", "analyst", "AROAANALYST",
            "s1");
    private static final Principal QUICKSIGHT = Principal.service("quicksight.amazonaws.com");
    private static final Principal ATHENA = Principal.service("athena.amazonaws.com");
    private static final Principal ANONYMOUS = Principal.anonymous();

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);

    // ---- identity policies ----
    private static final SourcedPolicy READ_RESULTS = identity("read-results", """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
              "Resource": ["arn:aws:s3:::results", "arn:aws:s3:::results/*"]}]}""");
    private static final SourcedPolicy S3_NO_DELETES = identity("s3-no-deletes", """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
              {"Sid": "NoDeletes", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}]}""");
    private static final SourcedPolicy S3_ALL = identity("s3-all", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}""");
    private static final SourcedPolicy POWER_USER = identity("power-user", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}""");
    private static final SourcedPolicy ALL_BUT_SECRET = identity("all-but-secret", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*",
              "NotResource": "arn:aws:s3:::secret/*"}}""");
    private static final SourcedPolicy HOME = identity("home", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
              "Resource": "arn:aws:s3:::home/${aws:username}/*"}}""");
    private static final SourcedPolicy TLS_ONLY = identity("tls-only", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"Bool": {"aws:SecureTransport": "true"}}}}""");
    private static final SourcedPolicy CORPORATE_NETWORK = identity("corporate-network", """
            {"Version": "2012-10-17", "Statement": {"Sid": "OnlyFromCorp", "Effect": "Deny", "Action": "*",
              "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]}}}}""");
    private static final SourcedPolicy UNTIL_2030 = identity("until-2030", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}}}""");
    private static final SourcedPolicy UNTIL_2024 = identity("until-2024", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"DateLessThan": {"aws:EpochTime": "1704067200"}}}}""");
    private static final SourcedPolicy PRIMARY_WORKGROUP = identity("primary-workgroup", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "athena:*",
              "Resource": "arn:aws:athena:*:*:workgroup/primary"}}""");
    private static final SourcedPolicy USERS_ONLY = identity("users-only", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:GetCallerIdentity",
              "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalType": "User"}}}}""");
    private static final SourcedPolicy KMS_DECRYPT = identity("kms-decrypt", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}}""");
    private static final SourcedPolicy KMS_ALL = identity("kms-all", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "kms:*", "Resource": "*"}}""");
    private static final SourcedPolicy ASSUME_ANALYST = identity("assume-analyst", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole",
              "Resource": "arn:aws:iam::000000000000:role/service-role/analyst"}}""");

    // ---- session policies and boundaries ----
    private static final SourcedPolicy SESSION_READ_ONLY = limit("session policy of s1", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}""");
    private static final SourcedPolicy SESSION_S3_ALL = limit("session policy of s1", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}""");
    private static final SourcedPolicy SESSION_ATHENA_ONLY = limit("session policy of s1", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "athena:*", "Resource": "*"}}""");
    private static final SourcedPolicy SESSION_NO_PUT = limit("session policy of s1", """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
              {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}]}""");
    private static final SourcedPolicy BOUNDARY_READ = limit("arn:aws:iam::000000000000:policy/boundary-read", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}""");
    private static final SourcedPolicy BOUNDARY_S3 = limit("arn:aws:iam::000000000000:policy/boundary-s3", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}""");
    private static final SourcedPolicy BOUNDARY_ATHENA = limit("arn:aws:iam::000000000000:policy/boundary-athena", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "athena:*", "Resource": "*"}}""");
    private static final SourcedPolicy BOUNDARY_NO_PUT = limit("arn:aws:iam::000000000000:policy/boundary-no-put", """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},
              {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}]}""");

    // ---- bucket policies on "data" (UNION) ----
    private static final ResourcePolicy BUCKET_BOB = bucket("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::000000000000:user/bob"}, "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::data/*"}}""");
    private static final ResourcePolicy BUCKET_ACCOUNT = bucket("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "000000000000"},
              "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"}}""");
    private static final ResourcePolicy BUCKET_PUBLIC = bucket("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::data/public/*"}}""");
    private static final ResourcePolicy BUCKET_ROLE = bucket("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::000000000000:role/service-role/analyst"}, "Action": "s3:*",
              "Resource": "arn:aws:s3:::data/*"}}""");
    private static final ResourcePolicy BUCKET_SESSION = bucket("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:sts::000000000000:assumed-role/analyst/s1"}, "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::data/*"}}""");
    private static final ResourcePolicy BUCKET_QUICKSIGHT = bucket("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"Service": "quicksight.amazonaws.com"}, "Action": ["s3:GetObject", "s3:ListBucket"],
              "Resource": ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]}}""");
    private static final ResourcePolicy BUCKET_TLS = bucket("""
            {"Version": "2012-10-17", "Statement": {"Sid": "DenyInsecureTransport", "Effect": "Deny",
              "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::data", "arn:aws:s3:::data/*"],
              "Condition": {"Bool": {"aws:SecureTransport": "false"}}}}""");
    private static final ResourcePolicy BUCKET_NO_DELETES = bucket("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": {"AWS": "000000000000"},
              "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::data/*"}}""");
    private static final ResourcePolicy BUCKET_ONLY_BOB = bucket("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny",
              "NotPrincipal": {"AWS": ["arn:aws:iam::000000000000:root", "arn:aws:iam::000000000000:user/bob"]},
              "Action": "s3:*", "Resource": "arn:aws:s3:::data/*"}}""");
    private static final ResourcePolicy BUCKET_ONLY_BOB_NO_ACCOUNT = bucket("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny",
              "NotPrincipal": {"AWS": "arn:aws:iam::000000000000:user/bob"},
              "Action": "s3:*", "Resource": "arn:aws:s3:::data/*"}}""");
    private static final ResourcePolicy BUCKET_B_USERS = bucket("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::data/*",
              "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::000000000000:user/b*"}}}}""");
    private static final ResourcePolicy BUCKET_OWN_ACCOUNT = bucket("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::data/*",
              "Condition": {"StringEquals": {"aws:PrincipalAccount": "000000000000"}}}}""");

    // ---- key policies (KEY_POLICY) ----
    private static final ResourcePolicy KEY_ROOT = key("""
            {"Version": "2012-10-17", "Statement": {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::000000000000:root"}, "Action": "kms:*", "Resource": "*"}}""");
    private static final ResourcePolicy KEY_ROLE_ONLY = key("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::000000000000:role/service-role/analyst"}, "Action": "kms:Decrypt",
              "Resource": "*"}}""");
    private static final ResourcePolicy KEY_BOB_ONLY = key("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::000000000000:user/bob"}, "Action": ["kms:Encrypt", "kms:Decrypt"],
              "Resource": "*"}}""");
    private static final ResourcePolicy KEY_QUICKSIGHT = key("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"Service": "quicksight.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "*"}}""");
    private static final ResourcePolicy KEY_ROOT_NO_DELETION = key("""
            {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::000000000000:root"}, "Action": "kms:*", "Resource": "*"},
              {"Sid": "NoDeletion", "Effect": "Deny", "Principal": "*", "Action": "kms:ScheduleKeyDeletion",
               "Resource": "*"}]}""");

    // ---- trust policies (UNION, on the role) ----
    private static final ResourcePolicy TRUST_BOB = trust("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::000000000000:user/bob"}, "Action": "sts:AssumeRole"}}""");
    private static final ResourcePolicy TRUST_ACCOUNT = trust("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "000000000000"},
              "Action": "sts:AssumeRole"}}""");
    private static final ResourcePolicy TRUST_QUICKSIGHT = trust("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Principal": {"Service": "quicksight.amazonaws.com"}, "Action": "sts:AssumeRole"}}""");

    private static final String RESULTS = "arn:aws:s3:::results/q.csv";
    private static final String DATA = "arn:aws:s3:::data/x.csv";
    private static final String KEY = "arn:aws:kms:us-east-1:000000000000:key/1234abcd";
    private static final String ROLE = "arn:aws:iam::000000000000:role/service-role/analyst";

    static Stream<Arguments> cases() {
        return Stream.of(
                // identity policies alone
                c("user, allowed action and resource").by(BOB).does("s3:GetObject", RESULTS).identity(READ_RESULTS)
                        .allowed(),
                c("user, action not listed").by(BOB).does("s3:PutObject", RESULTS).identity(READ_RESULTS)
                        .implicit("because no identity-based policy allows the s3:PutObject action"),
                c("user, action matched case-insensitively").by(BOB).does("s3:getobject", RESULTS)
                        .identity(READ_RESULTS).allowed(),
                c("user, resource matched case-sensitively").by(BOB).does("s3:GetObject", "arn:aws:s3:::Results/q")
                        .identity(READ_RESULTS)
                        .implicit("because no identity-based policy allows the s3:GetObject action"),
                c("user, bucket ARN listed").by(BOB).does("s3:ListBucket", "arn:aws:s3:::results")
                        .identity(READ_RESULTS).allowed(),
                c("user without policies").by(BOB).does("s3:GetObject", RESULTS)
                        .implicit("because no identity-based policy allows the s3:GetObject action"),
                c("user, wildcard action").by(BOB).does("s3:PutObject", DATA).identity(S3_NO_DELETES).allowed(),
                c("user, explicit deny in the same policy").by(BOB).does("s3:DeleteObject", DATA)
                        .identity(S3_NO_DELETES).explicit("with an explicit deny in an identity-based policy: "
                                + "arn:aws:iam::000000000000:policy/s3-no-deletes"),
                c("user, explicit deny beats another policy's allow").by(BOB).does("s3:DeleteObject", DATA)
                        .identity(S3_ALL, S3_NO_DELETES).explicit("with an explicit deny in an identity-based"
                                + " policy: arn:aws:iam::000000000000:policy/s3-no-deletes"),
                c("user, NotAction allows the others").by(BOB).does("athena:StartQueryExecution", "*")
                        .identity(POWER_USER).allowed(),
                c("user, NotAction excludes iam").by(BOB).does("iam:CreateUser", "arn:aws:iam::000000000000:user/x")
                        .identity(POWER_USER)
                        .implicit("because no identity-based policy allows the iam:CreateUser action"),
                c("user, NotResource allows the others").by(BOB).does("s3:GetObject", DATA).identity(ALL_BUT_SECRET)
                        .allowed(),
                c("user, NotResource excludes secret").by(BOB).does("s3:GetObject", "arn:aws:s3:::secret/k")
                        .identity(ALL_BUT_SECRET)
                        .implicit("because no identity-based policy allows the s3:GetObject action"),
                c("user, own home folder by variable").by(BOB).does("s3:PutObject", "arn:aws:s3:::home/bob/a.txt")
                        .identity(HOME).allowed(),
                c("user, another's home folder").by(BOB).does("s3:GetObject", "arn:aws:s3:::home/alice/a.txt")
                        .identity(HOME).implicit("because no identity-based policy allows the s3:GetObject action"),
                c("role session has no aws:username").by(SESSION).does("s3:GetObject", "arn:aws:s3:::home/s1/a")
                        .identity(HOME).implicit("because no identity-based policy allows the s3:GetObject action"),
                c("user, Bool condition met").by(BOB).does("s3:GetObject", DATA).key("aws:SecureTransport", "true")
                        .identity(TLS_ONLY).allowed(),
                c("user, Bool condition not met").by(BOB).does("s3:GetObject", DATA)
                        .key("aws:SecureTransport", "false").identity(TLS_ONLY)
                        .implicit("because no identity-based policy allows the s3:GetObject action"),
                c("user, Bool condition key missing").by(BOB).does("s3:GetObject", DATA).identity(TLS_ONLY)
                        .implicit("because no identity-based policy allows the s3:GetObject action"),
                c("user inside the corporate network").by(BOB).does("s3:GetObject", DATA)
                        .key("aws:SourceIp", "10.1.2.3").identity(S3_ALL, CORPORATE_NETWORK).allowed(),
                c("user inside the corporate IPv6 network").by(BOB).does("s3:GetObject", DATA)
                        .key("aws:SourceIp", "2001:db8::1").identity(S3_ALL, CORPORATE_NETWORK).allowed(),
                c("user outside the corporate network").by(BOB).does("s3:GetObject", DATA)
                        .key("aws:SourceIp", "192.168.1.1").identity(S3_ALL, CORPORATE_NETWORK)
                        .explicit("with an explicit deny in an identity-based policy: "
                                + "arn:aws:iam::000000000000:policy/corporate-network"),
                c("NotIpAddress deny applies when the address is missing").by(BOB).does("s3:GetObject", DATA)
                        .identity(S3_ALL, CORPORATE_NETWORK).explicit("with an explicit deny in an identity-based"
                                + " policy: arn:aws:iam::000000000000:policy/corporate-network"),
                c("aws:CurrentTime from the clock, inside the window").by(BOB).does("s3:GetObject", DATA)
                        .identity(UNTIL_2030).allowed(),
                c("aws:EpochTime from the clock, window closed").by(BOB).does("s3:GetObject", DATA)
                        .identity(UNTIL_2024).implicit("because no identity-based policy allows the s3:GetObject"
                                + " action"),
                c("user, workgroup resource").by(BOB).does("athena:StartQueryExecution",
                        "arn:aws:athena:us-east-1:000000000000:workgroup/primary").identity(PRIMARY_WORKGROUP)
                        .allowed(),
                c("user, other workgroup").by(BOB).does("athena:StartQueryExecution",
                        "arn:aws:athena:us-east-1:000000000000:workgroup/adhoc").identity(PRIMARY_WORKGROUP)
                        .implicit("because no identity-based policy allows the athena:StartQueryExecution action"),
                c("user, action without a resource").by(BOB).does("athena:ListWorkGroups", "*")
                        .identity(PRIMARY_WORKGROUP)
                        .implicit("because no identity-based policy allows the athena:ListWorkGroups action"),
                c("aws:PrincipalType of a user").by(BOB).does("sts:GetCallerIdentity", "*").identity(USERS_ONLY)
                        .allowed(),
                c("aws:PrincipalType of a role session").by(SESSION).does("sts:GetCallerIdentity", "*")
                        .identity(USERS_ONLY)
                        .implicit("because no identity-based policy allows the sts:GetCallerIdentity action"),
                // session policies and permissions boundaries
                c("role session, role policy allows").by(SESSION).does("s3:PutObject", DATA).identity(S3_ALL)
                        .allowed(),
                c("role session, both role and session policy allow").by(SESSION).does("s3:GetObject", DATA)
                        .identity(S3_ALL).session(SESSION_READ_ONLY).allowed(),
                c("role session, session policy narrows").by(SESSION).does("s3:PutObject", DATA).identity(S3_ALL)
                        .session(SESSION_READ_ONLY)
                        .implicit("because no session policy allows the s3:PutObject action"),
                c("role session, session policy cannot widen").by(SESSION).does("s3:PutObject", RESULTS)
                        .identity(READ_RESULTS).session(SESSION_S3_ALL)
                        .implicit("because no identity-based policy allows the s3:PutObject action"),
                c("role session, explicit deny in session policy").by(SESSION).does("s3:PutObject", DATA)
                        .identity(S3_ALL).session(SESSION_NO_PUT)
                        .explicit("with an explicit deny in a session policy"),
                c("role session, one of two session policies allows").by(SESSION).does("s3:GetObject", DATA)
                        .identity(S3_ALL).session(SESSION_ATHENA_ONLY, SESSION_READ_ONLY).allowed(),
                c("role session, none of two session policies allows").by(SESSION).does("s3:PutObject", DATA)
                        .identity(S3_ALL).session(SESSION_ATHENA_ONLY, SESSION_READ_ONLY)
                        .implicit("because no session policy allows the s3:PutObject action"),
                c("role session, a deny in one session policy beats an allow in another").by(SESSION)
                        .does("s3:PutObject", DATA).identity(S3_ALL).session(SESSION_S3_ALL, SESSION_NO_PUT)
                        .explicit("with an explicit deny in a session policy"),
                c("role session whose session policies are gone").by(SESSION).does("s3:GetObject", DATA)
                        .identity(S3_ALL).session()
                        .implicit("because no session policy allows the s3:GetObject action"),
                c("role session, boundary and session policy both narrow").by(SESSION).does("s3:GetObject", DATA)
                        .identity(S3_ALL).session(SESSION_S3_ALL).boundary(BOUNDARY_ATHENA)
                        .implicit("because no permissions boundary allows the s3:GetObject action"),
                c("user, boundary allows too").by(BOB).does("s3:GetObject", DATA).identity(S3_ALL)
                        .boundary(BOUNDARY_READ).allowed(),
                c("user, boundary narrows").by(BOB).does("s3:PutObject", DATA).identity(S3_ALL)
                        .boundary(BOUNDARY_READ)
                        .implicit("because no permissions boundary allows the s3:PutObject action"),
                c("user, boundary cannot widen").by(BOB).does("s3:PutObject", RESULTS).identity(READ_RESULTS)
                        .boundary(BOUNDARY_S3)
                        .implicit("because no identity-based policy allows the s3:PutObject action"),
                c("user, explicit deny in boundary").by(BOB).does("s3:PutObject", DATA).identity(S3_ALL)
                        .boundary(BOUNDARY_NO_PUT).explicit("with an explicit deny in a permissions boundary"),
                // root, services, anonymous without resource policies
                c("root without policies").by(ROOT).does("s3:DeleteObject", DATA).allowed(),
                c("root ignores identity policies' denies").by(ROOT).does("s3:DeleteObject", DATA)
                        .identity(S3_NO_DELETES).allowed(),
                c("root, IAM action").by(ROOT).does("iam:CreateUser", "arn:aws:iam::000000000000:user/x").allowed(),
                c("service without a resource policy").by(QUICKSIGHT).does("s3:GetObject", DATA)
                        .implicit("because no resource-based policy allows the s3:GetObject action"),
                c("anonymous without a resource policy").by(ANONYMOUS).does("s3:GetObject", DATA)
                        .implicit("because no resource-based policy allows the s3:GetObject action"),
                c("anonymous is not helped by identity policies").by(ANONYMOUS).does("s3:GetObject", DATA)
                        .identity(S3_ALL).implicit("because no resource-based policy allows the s3:GetObject action"),
                // bucket policies
                c("bucket policy names the user").by(BOB).does("s3:GetObject", DATA).resource(BUCKET_BOB).allowed(),
                c("bucket policy names the user, other action").by(BOB).does("s3:PutObject", DATA)
                        .resource(BUCKET_BOB)
                        .implicit("because no identity-based policy allows the s3:PutObject action"),
                c("bucket policy names another user").by(ALICE).does("s3:GetObject", DATA).resource(BUCKET_BOB)
                        .implicit("because no identity-based policy allows the s3:GetObject action"),
                c("bucket policy naming the account delegates").by(BOB).does("s3:GetObject", DATA)
                        .resource(BUCKET_ACCOUNT)
                        .implicit("because no identity-based policy allows the s3:GetObject action"),
                c("bucket policy naming the account, identity allows").by(BOB).does("s3:GetObject", DATA)
                        .identity(S3_ALL).resource(BUCKET_ACCOUNT).allowed(),
                c("public bucket path, user").by(BOB).does("s3:GetObject", "arn:aws:s3:::data/public/logo.png")
                        .resource(BUCKET_PUBLIC).allowed(),
                c("public bucket path, anonymous").by(ANONYMOUS)
                        .does("s3:GetObject", "arn:aws:s3:::data/public/logo.png").resource(BUCKET_PUBLIC).allowed(),
                c("private bucket path, anonymous").by(ANONYMOUS).does("s3:GetObject", DATA).resource(BUCKET_PUBLIC)
                        .implicit("because no resource-based policy allows the s3:GetObject action"),
                c("bucket policy names the service").by(QUICKSIGHT).does("s3:ListBucket", "arn:aws:s3:::data")
                        .resource(BUCKET_QUICKSIGHT).allowed(),
                c("bucket policy names another service").by(ATHENA).does("s3:GetObject", DATA)
                        .resource(BUCKET_QUICKSIGHT)
                        .implicit("because no resource-based policy allows the s3:GetObject action"),
                c("bucket policy names the role").by(SESSION).does("s3:PutObject", DATA).resource(BUCKET_ROLE)
                        .allowed(),
                c("bucket policy names the role, session policy limits").by(SESSION).does("s3:PutObject", DATA)
                        .resource(BUCKET_ROLE).session(SESSION_READ_ONLY)
                        .implicit("because no session policy allows the s3:PutObject action"),
                c("bucket policy names the role, boundary limits").by(SESSION).does("s3:GetObject", DATA)
                        .resource(BUCKET_ROLE).boundary(BOUNDARY_ATHENA)
                        .implicit("because no permissions boundary allows the s3:GetObject action"),
                c("bucket policy names the session, session policy does not limit").by(SESSION)
                        .does("s3:GetObject", DATA).resource(BUCKET_SESSION).session(SESSION_ATHENA_ONLY).allowed(),
                c("bucket policy names the user, boundary does not limit").by(BOB).does("s3:GetObject", DATA)
                        .resource(BUCKET_BOB).boundary(BOUNDARY_ATHENA).allowed(),
                c("bucket policy denies insecure transport").by(BOB).does("s3:GetObject", DATA)
                        .key("aws:SecureTransport", "false").identity(S3_ALL).resource(BUCKET_TLS)
                        .explicit("with an explicit deny in a resource-based policy"),
                c("bucket policy's deny does not apply over TLS").by(BOB).does("s3:GetObject", DATA)
                        .key("aws:SecureTransport", "true").identity(S3_ALL).resource(BUCKET_TLS).allowed(),
                c("bucket policy's deny binds root").by(ROOT).does("s3:DeleteObject", DATA)
                        .resource(BUCKET_NO_DELETES).explicit("with an explicit deny in a resource-based policy"),
                c("bucket policy's deny naming the account binds its users").by(BOB).does("s3:DeleteObject", DATA)
                        .identity(S3_ALL).resource(BUCKET_NO_DELETES)
                        .explicit("with an explicit deny in a resource-based policy"),
                c("root, bucket policy not naming it").by(ROOT).does("s3:GetObject", DATA).resource(BUCKET_BOB)
                        .allowed(),
                c("NotPrincipal deny spares the listed user and account").by(BOB).does("s3:GetObject", DATA)
                        .identity(S3_ALL).resource(BUCKET_ONLY_BOB).allowed(),
                c("NotPrincipal deny denies everyone else").by(ALICE).does("s3:GetObject", DATA).identity(S3_ALL)
                        .resource(BUCKET_ONLY_BOB).explicit("with an explicit deny in a resource-based policy"),
                c("NotPrincipal deny denies anyone with a boundary").by(BOB).does("s3:GetObject", DATA)
                        .identity(S3_ALL).boundary(BOUNDARY_S3).resource(BUCKET_ONLY_BOB)
                        .explicit("with an explicit deny in a resource-based policy"),
                c("NotPrincipal deny without the account denies the user").by(BOB).does("s3:GetObject", DATA)
                        .identity(S3_ALL).resource(BUCKET_ONLY_BOB_NO_ACCOUNT)
                        .explicit("with an explicit deny in a resource-based policy"),
                c("bucket policy condition on aws:PrincipalArn, match").by(BOB).does("s3:GetObject", DATA)
                        .resource(BUCKET_B_USERS).allowed(),
                c("bucket policy condition on aws:PrincipalArn, no match").by(ALICE).does("s3:GetObject", DATA)
                        .resource(BUCKET_B_USERS)
                        .implicit("because no identity-based policy allows the s3:GetObject action"),
                c("bucket policy condition on aws:PrincipalAccount").by(SESSION).does("s3:GetObject", DATA)
                        .resource(BUCKET_OWN_ACCOUNT).allowed(),
                c("bucket policy condition on aws:PrincipalAccount, anonymous").by(ANONYMOUS)
                        .does("s3:GetObject", DATA).resource(BUCKET_OWN_ACCOUNT)
                        .implicit("because no resource-based policy allows the s3:GetObject action"),
                // key policies
                c("key policy delegates, identity allows").by(BOB).does("kms:Decrypt", KEY).identity(KMS_DECRYPT)
                        .resource(KEY_ROOT).allowed(),
                c("key policy delegates, identity does not allow").by(BOB).does("kms:Decrypt", KEY)
                        .resource(KEY_ROOT).implicit("because no identity-based policy allows the kms:Decrypt action"),
                c("key policy without root, identity allows").by(BOB).does("kms:Decrypt", KEY).identity(KMS_DECRYPT)
                        .resource(KEY_ROLE_ONLY)
                        .implicit("because no resource-based policy allows the kms:Decrypt action"),
                c("key policy names the role").by(SESSION).does("kms:Decrypt", KEY).resource(KEY_ROLE_ONLY)
                        .allowed(),
                c("key policy names the role for another action").by(SESSION).does("kms:Encrypt", KEY)
                        .identity(KMS_ALL).resource(KEY_ROLE_ONLY)
                        .implicit("because no resource-based policy allows the kms:Encrypt action"),
                c("key policy names the user").by(BOB).does("kms:Encrypt", KEY).resource(KEY_BOB_ONLY).allowed(),
                c("key policy delegates to root").by(ROOT).does("kms:ScheduleKeyDeletion", KEY).resource(KEY_ROOT)
                        .allowed(),
                c("key policy without root binds root").by(ROOT).does("kms:Decrypt", KEY).resource(KEY_ROLE_ONLY)
                        .implicit("because no resource-based policy allows the kms:Decrypt action"),
                c("key policy names the service").by(QUICKSIGHT).does("kms:Decrypt", KEY).resource(KEY_QUICKSIGHT)
                        .allowed(),
                c("key policy delegating to the account does not admit a service").by(QUICKSIGHT)
                        .does("kms:Decrypt", KEY).resource(KEY_ROOT)
                        .implicit("because no resource-based policy allows the kms:Decrypt action"),
                c("key policy's explicit deny").by(BOB).does("kms:ScheduleKeyDeletion", KEY).identity(KMS_ALL)
                        .resource(KEY_ROOT_NO_DELETION)
                        .explicit("with an explicit deny in a resource-based policy"),
                c("key policy delegates, boundary limits").by(BOB).does("kms:Decrypt", KEY).identity(KMS_DECRYPT)
                        .resource(KEY_ROOT).boundary(BOUNDARY_S3)
                        .implicit("because no permissions boundary allows the kms:Decrypt action"),
                // trust policies
                c("trust policy names the user").by(BOB).does("sts:AssumeRole", ROLE).resource(TRUST_BOB).allowed(),
                c("trust policy names another user").by(ALICE).does("sts:AssumeRole", ROLE).resource(TRUST_BOB)
                        .implicit("because no identity-based policy allows the sts:AssumeRole action"),
                c("trust policy names the account, identity allows").by(ALICE).does("sts:AssumeRole", ROLE)
                        .identity(ASSUME_ANALYST).resource(TRUST_ACCOUNT).allowed(),
                c("trust policy names the account, identity does not allow").by(ALICE).does("sts:AssumeRole", ROLE)
                        .resource(TRUST_ACCOUNT)
                        .implicit("because no identity-based policy allows the sts:AssumeRole action"),
                c("trust policy names the service").by(QUICKSIGHT).does("sts:AssumeRole", ROLE)
                        .resource(TRUST_QUICKSIGHT).allowed())
                .map(Case::arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsAwsDocumentsIt(String name, AccessRequest request, PolicySet policies, Outcome outcome,
            String reason) {
        Decision decision = new PolicyEvaluator(CLOCK).evaluate(request, policies);

        assertThat(decision.outcome()).as(name).isEqualTo(outcome);
        assertThat(decision.reason()).as(name).isEqualTo(reason);
        if (outcome != Outcome.ALLOWED) {
            assertThat(decision.fix()).as(name).isNotEmpty();
        }
    }

    // ---- fixtures ----

    private static SourcedPolicy identity(String name, String json) {
        return new SourcedPolicy("arn:aws:iam::000000000000:policy/" + name,
                PolicyDocument.parse(json, PolicyDocument.Kind.IDENTITY));
    }

    private static SourcedPolicy limit(String source, String json) {
        return new SourcedPolicy(source, PolicyDocument.parse(json, PolicyDocument.Kind.IDENTITY));
    }

    private static ResourcePolicy bucket(String json) {
        return new ResourcePolicy("bucket policy of data", PolicyDocument.parse(json, PolicyDocument.Kind.RESOURCE),
                ResourcePolicy.Mode.UNION);
    }

    private static ResourcePolicy key(String json) {
        return new ResourcePolicy("key policy of " + KEY, PolicyDocument.parse(json, PolicyDocument.Kind.RESOURCE),
                ResourcePolicy.Mode.KEY_POLICY);
    }

    private static ResourcePolicy trust(String json) {
        return new ResourcePolicy("trust policy of " + ROLE, PolicyDocument.parse(json, PolicyDocument.Kind.TRUST),
                ResourcePolicy.Mode.UNION);
    }

    private static Case c(String name) {
        return new Case(name);
    }

    /** One row of the matrix, built fluently. */
    private static final class Case {
        private final String name;
        private Principal principal;
        private String action;
        private String resource;
        private final Map<String, List<String>> context = new HashMap<>();
        private final List<SourcedPolicy> identity = new ArrayList<>();
        private ResourcePolicy resourcePolicy;
        private List<SourcedPolicy> sessions;
        private SourcedPolicy boundary;
        private Outcome outcome;
        private String reason;

        Case(String name) {
            this.name = name;
        }

        Case by(Principal who) {
            this.principal = who;
            return this;
        }

        Case does(String what, String on) {
            this.action = what;
            this.resource = on;
            return this;
        }

        Case key(String key, String value) {
            context.put(key, List.of(value));
            return this;
        }

        Case identity(SourcedPolicy... policies) {
            identity.addAll(List.of(policies));
            return this;
        }

        Case resource(ResourcePolicy policy) {
            this.resourcePolicy = policy;
            return this;
        }

        Case session(SourcedPolicy... policies) {
            this.sessions = List.of(policies);
            return this;
        }

        Case boundary(SourcedPolicy policy) {
            this.boundary = policy;
            return this;
        }

        Case allowed() {
            return expect(Outcome.ALLOWED, "");
        }

        Case implicit(String why) {
            return expect(Outcome.IMPLICIT_DENY, why);
        }

        Case explicit(String why) {
            return expect(Outcome.EXPLICIT_DENY, why);
        }

        private Case expect(Outcome expected, String why) {
            this.outcome = expected;
            this.reason = why;
            return this;
        }

        Arguments arguments() {
            PolicySet policies = PolicySet.of(identity).withResourcePolicy(resourcePolicy).withSessionPolicies(sessions)
                    .withPermissionsBoundary(boundary);
            return Arguments.of(name, new AccessRequest(principal, action, resource, context), policies, outcome,
                    reason);
        }
    }
}
