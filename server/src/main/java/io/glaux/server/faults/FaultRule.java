package io.glaux.server.faults;

import io.glaux.error.ErrorType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One fault rule: which requests (or queries) it matches, when it fires, and what it does then. Immutable; build one
 * with the factories and {@code with...} methods, or read it from JSON ({@link FaultRules#parse}).
 *
 * <p>A rule is one of three kinds, by what it names:
 * <ul>
 *   <li>a <b>call</b> rule matches API calls: Athena operations, or S3 requests by operation, method, bucket and key.
 *       It adds {@link #latency} and/or answers with an {@link #error}, on a {@link #probability share} of the
 *       matching calls, at most {@link #times} times, or only on the calls beyond {@link #maxCallsPerSecond} a
 *       second;</li>
 *   <li>an <b>active-query limit</b> ({@link #maxActiveQueries}) refuses StartQueryExecution while that many queries
 *       are QUEUED or RUNNING, as Athena's per-account quota does;</li>
 *   <li>a <b>query</b> rule ({@link #failQuery} and/or {@link #sql}) applies when a query starts running: it delays
 *       the run and/or fails the query with the given Athena error, seen through GetQueryExecution as any
 *       failure.</li>
 * </ul>
 *
 * @param id the rule's name in the stats; null gets {@code rule-<n>}
 * @param service which service's requests it matches
 * @param operations call rules: the operations matched (Athena's X-Amz-Target names, S3's API names such as
 *     {@code GetObject}); empty matches every operation
 * @param methods S3 call rules: the HTTP methods matched; empty matches any
 * @param bucket S3 call rules: a glob the bucket must match ({@code *} any characters, {@code ?} one); null any
 * @param key S3 call rules: a glob the key must match ({@code *} crosses {@code /}); null any (and requests
 *     without a key too)
 * @param sql query rules: a regular expression found in the query's text; null matches every query
 * @param probability the share of matching requests it fires on, 0 to 1
 * @param times fires at most this many times, then no more; null without end
 * @param maxCallsPerSecond call rules: fires only on calls beyond this many a second for each operation (fixed
 *     one-second windows; calls it refuses do not count)
 * @param maxActiveQueries refuses StartQueryExecution while this many queries are QUEUED or RUNNING
 * @param latency delay added before the request is answered (or the query runs)
 * @param error the error a call rule (or an active-query limit) answers with
 * @param failQuery the Athena error a query rule fails queries with
 */
public record FaultRule(String id, Service service, List<String> operations, List<String> methods, String bucket,
                        String key, String sql, double probability, Integer times, Integer maxCallsPerSecond,
                        Integer maxActiveQueries, Latency latency, FaultError error, QueryFailure failQuery) {

    /** The longest latency a rule may add: ten minutes. */
    public static final long MAX_LATENCY_MILLIS = 600_000;

    /** The service whose requests a rule matches. */
    public enum Service {
        ATHENA, S3;

        /** Its name in JSON: {@code athena}, {@code s3}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a rule applies to, by the members it has. */
    public enum Kind {
        /** API calls, before they are dispatched. */
        CALL,
        /** StartQueryExecution's admission (an active-query limit). */
        SUBMIT,
        /** Queries, when they start running. */
        QUERY
    }

    public FaultRule {
        Objects.requireNonNull(service, "service");
        operations = operations == null ? List.of() : List.copyOf(operations);
        methods = methods == null ? List.of() : methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        if (id != null && id.isBlank()) {
            throw new IllegalArgumentException("id: must not be blank");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability: must be between 0 and 1, not " + probability);
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times: must be at least 1, not " + times);
        }
        if (maxCallsPerSecond != null && maxCallsPerSecond < 1) {
            throw new IllegalArgumentException("maxCallsPerSecond: must be at least 1, not " + maxCallsPerSecond);
        }
        if (maxActiveQueries != null && maxActiveQueries < 0) {
            throw new IllegalArgumentException("maxActiveQueries: must be at least 0, not " + maxActiveQueries);
        }
        if (sql != null) {
            try {
                Pattern.compile(sql);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("sql: not a regular expression: " + e.getDescription());
            }
        }
    }

    /** A call rule for Athena operations (none named: every operation). Give it an error and/or a latency. */
    public static FaultRule athena(String... operations) {
        return new FaultRule(null, Service.ATHENA, Arrays.asList(operations), null, null, null, null, 1, null, null,
                null, null, null, null);
    }

    /** A call rule for S3 operations such as {@code GetObject} (none named: every request). */
    public static FaultRule s3(String... operations) {
        return new FaultRule(null, Service.S3, Arrays.asList(operations), null, null, null, null, 1, null, null, null,
                null, null, null);
    }

    /**
     * Athena's per-account active-query quota: StartQueryExecution is refused with TooManyRequestsException (Reason
     * {@code CONCURRENT_QUERY_LIMIT_EXCEEDED}) while {@code max} queries are QUEUED or RUNNING.
     */
    public static FaultRule activeQueryLimit(int max) {
        return new FaultRule(null, Service.ATHENA, null, null, null, null, null, 1, null, null, max, null, null,
                null);
    }

    /** A query rule: queries whose text matches {@code sqlRegex} (null: every query) fail with {@code failure}. */
    public static FaultRule failQueries(String sqlRegex, QueryFailure failure) {
        return new FaultRule(null, Service.ATHENA, null, null, null, null, sqlRegex, 1, null, null, null, null, null,
                Objects.requireNonNull(failure));
    }

    public FaultRule withId(String newId) {
        return new FaultRule(newId, service, operations, methods, bucket, key, sql, probability, times,
                maxCallsPerSecond, maxActiveQueries, latency, error, failQuery);
    }

    public FaultRule withMethods(String... newMethods) {
        return new FaultRule(id, service, operations, Arrays.asList(newMethods), bucket, key, sql, probability, times,
                maxCallsPerSecond, maxActiveQueries, latency, error, failQuery);
    }

    public FaultRule withBucket(String glob) {
        return new FaultRule(id, service, operations, methods, glob, key, sql, probability, times, maxCallsPerSecond,
                maxActiveQueries, latency, error, failQuery);
    }

    public FaultRule withKey(String glob) {
        return new FaultRule(id, service, operations, methods, bucket, glob, sql, probability, times,
                maxCallsPerSecond, maxActiveQueries, latency, error, failQuery);
    }

    public FaultRule withSql(String regex) {
        return new FaultRule(id, service, operations, methods, bucket, key, regex, probability, times,
                maxCallsPerSecond, maxActiveQueries, latency, error, failQuery);
    }

    public FaultRule withProbability(double share) {
        return new FaultRule(id, service, operations, methods, bucket, key, sql, share, times, maxCallsPerSecond,
                maxActiveQueries, latency, error, failQuery);
    }

    public FaultRule withTimes(int count) {
        return new FaultRule(id, service, operations, methods, bucket, key, sql, probability, count,
                maxCallsPerSecond, maxActiveQueries, latency, error, failQuery);
    }

    public FaultRule withMaxCallsPerSecond(int calls) {
        return new FaultRule(id, service, operations, methods, bucket, key, sql, probability, times, calls,
                maxActiveQueries, latency, error, failQuery);
    }

    /** A fixed delay. */
    public FaultRule withLatency(long millis) {
        return withLatency(new Latency(millis, millis));
    }

    /** A delay drawn uniformly from {@code [minMillis, maxMillis]}. */
    public FaultRule withLatency(long minMillis, long maxMillis) {
        return withLatency(new Latency(minMillis, maxMillis));
    }

    public FaultRule withLatency(Latency newLatency) {
        return new FaultRule(id, service, operations, methods, bucket, key, sql, probability, times,
                maxCallsPerSecond, maxActiveQueries, newLatency, error, failQuery);
    }

    /** Answers with the error of this code, with its default message (and Reason). */
    public FaultRule withError(String code) {
        return withError(new FaultError(code, null, null));
    }

    public FaultRule withError(FaultError newError) {
        return new FaultRule(id, service, operations, methods, bucket, key, sql, probability, times,
                maxCallsPerSecond, maxActiveQueries, latency, newError, failQuery);
    }

    /** The kind of rule this is, by its members. */
    public Kind kind() {
        if (failQuery != null || sql != null) {
            return Kind.QUERY;
        }
        return maxActiveQueries != null ? Kind.SUBMIT : Kind.CALL;
    }

    /** Checks that the rule's members make one rule of one kind; the message names the offending member. */
    void validate() {
        Kind kind = kind();
        if (service == Service.S3) {
            refuse(sql != null, "sql", "applies to Athena queries, not S3 requests");
            refuse(failQuery != null, "failQuery", "applies to Athena queries, not S3 requests");
            refuse(maxActiveQueries != null, "maxActiveQueries", "applies to Athena, not S3");
        } else {
            refuse(!methods.isEmpty(), "methods", "applies to S3 requests only");
            refuse(bucket != null, "bucket", "applies to S3 requests only");
            refuse(key != null, "key", "applies to S3 requests only");
        }
        if (error != null) {
            WireErrors.check(service, error);
        }
        switch (kind) {
            case CALL -> refuse(latency == null && error == null, "error",
                    "a rule needs an error and/or a latency (or maxActiveQueries, or failQuery)");
            case SUBMIT -> {
                refuse(latency != null, "latency", "an active-query limit refuses at once; it has no latency");
                refuse(maxCallsPerSecond != null, "maxCallsPerSecond", "does not combine with maxActiveQueries");
                refuse(!operations.isEmpty() && !operations.equals(List.of("StartQueryExecution")), "operations",
                        "an active-query limit applies to StartQueryExecution only");
            }
            case QUERY -> {
                refuse(!operations.isEmpty(), "operations", "a query rule (sql, failQuery) applies to queries as"
                        + " they run, not to API calls");
                refuse(maxCallsPerSecond != null, "maxCallsPerSecond", "does not apply to a query rule");
                refuse(maxActiveQueries != null, "maxActiveQueries", "does not combine with sql or failQuery");
                refuse(error != null, "error", "a query rule fails queries with failQuery, not an API error");
                refuse(latency == null && failQuery == null, "failQuery", "a query rule needs failQuery and/or a"
                        + " latency");
            }
        }
    }

    private static void refuse(boolean wrong, String member, String why) {
        if (wrong) {
            throw new IllegalArgumentException(member + ": " + why);
        }
    }

    /** A delay drawn uniformly from {@code [minMillis, maxMillis]} (equal bounds: a fixed delay). */
    public record Latency(long minMillis, long maxMillis) {
        public Latency {
            if (minMillis < 0 || maxMillis < minMillis || maxMillis > MAX_LATENCY_MILLIS) {
                throw new IllegalArgumentException("latency: needs 0 <= minMillis <= maxMillis <= "
                        + MAX_LATENCY_MILLIS + ", not " + minMillis + ".." + maxMillis);
            }
        }
    }

    /**
     * An AWS error to answer with, by its code: Athena's {@code TooManyRequestsException},
     * {@code ThrottlingException}, {@code InternalServerException}; S3's {@code SlowDown}, {@code InternalError}.
     *
     * @param message null: the error's usual message
     * @param reason TooManyRequestsException's Reason; null: {@code CONCURRENT_QUERY_LIMIT_EXCEEDED}, empty: none
     */
    public record FaultError(String code, String message, String reason) {
        public FaultError {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("error.code: is required");
            }
        }
    }

    /**
     * How a query rule fails a query: Athena's AthenaError, which GetQueryExecution reports with the message as the
     * StateChangeReason.
     *
     * @param errorCategory 1 system, 2 user, 3 other
     * @param errorType Athena's error type number (0 to 9999), e.g. 1001 DATA_ERROR
     * @param retryable the AthenaError's Retryable
     * @param message the ErrorMessage and StateChangeReason
     */
    public record QueryFailure(int errorCategory, int errorType, boolean retryable, String message) {
        public QueryFailure {
            if (errorCategory < 1 || errorCategory > 3) {
                throw new IllegalArgumentException("failQuery.errorCategory: must be 1 (system), 2 (user) or 3"
                        + " (other), not " + errorCategory);
            }
            if (errorType < 0 || errorType > 9999) {
                throw new IllegalArgumentException("failQuery.errorType: must be between 0 and 9999, not "
                        + errorType);
            }
            if (message == null || message.isBlank()) {
                throw new IllegalArgumentException("failQuery.message: is required");
            }
        }

        /** A failure of one of the Athena error types Glaux knows by name, with its category and retryability. */
        public static QueryFailure of(ErrorType type, String message) {
            return new QueryFailure(type.category().code(), type.code(), type.retryable(), message);
        }
    }
}
