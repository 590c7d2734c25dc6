package io.glaux.server.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.exec.AthenaError;
import io.glaux.exec.QueryInterceptor;
import io.glaux.exec.QueryRequest;
import io.glaux.s3.api.S3Interceptor;
import io.glaux.s3.api.S3OperationNames;
import io.glaux.server.faults.FaultRule.Kind;
import io.glaux.server.faults.FaultRule.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The fault rules a server is running with, and the decisions they make. Every surface drives this one object: the
 * control API ({@code /_glaux/faults}), {@code glaux serve --faults}, {@code GlauxServer.builder().faults(...)} and
 * {@code GlauxServer.faults()} in a test.
 *
 * <p>It is consulted at one place per service: {@link #beforeAthenaCall} before an Athena call is dispatched,
 * {@link #s3Interceptor()} before an S3 request is dispatched, and {@link #queryInterceptor()} in the engine's query
 * lifecycle (active-query limits when a query is submitted, query rules when it starts running). With no rules each
 * costs one volatile read.
 *
 * <p>Rules are evaluated in order. Every rule that matches a request and fires adds its latency; the first that
 * fires with an error (or a query failure) answers the request with it, and later rules are not consulted.
 */
public final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);
    private static final long SEED_STRIDE = 0x9E3779B97F4A7C15L;

    private final Set<String> athenaOperations;
    private final IntSupplier activeQueries;
    private final LongSupplier nanoTime;
    private final SecureRandom seeds = new SecureRandom();
    private volatile Active active = Active.EMPTY;

    /**
     * @param athenaOperations the Athena operations the server answers (rules naming others are refused); empty
     *     accepts any name
     * @param activeQueries the number of queries QUEUED or RUNNING now, for active-query limits
     */
    public Faults(Set<String> athenaOperations, IntSupplier activeQueries) {
        this(athenaOperations, activeQueries, System::nanoTime);
    }

    /** With the clock that rate windows are measured by. */
    Faults(Set<String> athenaOperations, IntSupplier activeQueries, LongSupplier nanoTime) {
        this.athenaOperations = Set.copyOf(athenaOperations);
        this.activeQueries = activeQueries;
        this.nanoTime = nanoTime;
    }

    /** The rules in force (with their seed), none by default. */
    public FaultRules rules() {
        return active.rules;
    }

    /**
     * Replaces the rules and starts their statistics and random sequences afresh.
     *
     * @return the rules in force, with the seed chosen if they gave none
     * @throws IllegalArgumentException when a rule names an operation the service does not have
     */
    public synchronized FaultRules set(FaultRules rules) {
        if (rules.rules().isEmpty()) {
            return clear();
        }
        long seed = rules.seed() != null ? rules.seed() : seeds.nextLong();
        FaultRules seeded = new FaultRules(seed, rules.rules());
        checkOperations(seeded.rules());
        List<RuleState> states = new ArrayList<>();
        for (int i = 0; i < seeded.rules().size(); i++) {
            states.add(new RuleState(seeded.rules().get(i), seed + SEED_STRIDE * (i + 1)));
        }
        active = new Active(seeded, states);
        LOG.info("Fault rules set: {} rule(s), seed {}", seeded.rules().size(), seed);
        return seeded;
    }

    /** Replaces the rules with those of a JSON document ({@link FaultRules#parse}). */
    public FaultRules set(String json) {
        return set(FaultRules.parse(json));
    }

    /** These rules alone, in this order. */
    public FaultRules set(FaultRule... rules) {
        return set(FaultRules.of(rules));
    }

    /** Adds rules after the current ones, which keep their statistics and sequences. */
    public synchronized FaultRules add(FaultRule... rules) {
        Active current = active;
        if (current.rules.rules().isEmpty()) {
            return set(new FaultRules(current.rules.seed(), List.of(rules)));
        }
        List<FaultRule> combined = new ArrayList<>(current.rules.rules());
        int first = combined.size();
        for (FaultRule rule : rules) {
            combined.add(rule);
        }
        FaultRules next = new FaultRules(current.rules.seed(), combined);
        checkOperations(next.rules().subList(first, next.rules().size()));
        List<RuleState> states = new ArrayList<>(current.states);
        for (int i = first; i < next.rules().size(); i++) {
            states.add(new RuleState(next.rules().get(i), next.seed() + SEED_STRIDE * (i + 1)));
        }
        active = new Active(next, states);
        return next;
    }

    /** Removes every rule: nothing is injected any more. */
    public synchronized FaultRules clear() {
        active = Active.EMPTY;
        return FaultRules.NONE;
    }

    /** Each rule's statistics, in rule order. */
    public List<RuleStats> stats() {
        return active.states.stream().map(RuleState::stats).toList();
    }

    /** The rule's statistics. */
    public RuleStats stats(String ruleId) {
        return stats().stream().filter(s -> s.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No fault rule '" + ruleId + "'"));
    }

    /** Faults injected (errors, failed queries, latencies) since the rules were set. */
    public long injected() {
        return stats().stream().mapToLong(RuleStats::injected).sum();
    }

    /** The rules with their statistics, as the control API answers. */
    public ObjectNode toJson() {
        Active current = active;
        return FaultJson.write(current.rules, current.states.stream().map(RuleState::stats).toList());
    }

    /**
     * Before an Athena call is dispatched: may sleep, and throws the {@code ServiceError} to answer with when a rule
     * fires with an error.
     */
    public void beforeAthenaCall(String operation) {
        List<RuleState> rules = active.athenaCalls;
        if (rules.isEmpty()) {
            return;
        }
        RuleState firing = decideCall(rules, operation, null, null, null);
        if (firing != null) {
            LOG.debug("Injected {} into Athena {} (rule {})", firing.rule.error().code(), operation, firing.rule.id());
            throw WireErrors.athena(firing.rule.error());
        }
    }

    /** The S3 endpoint's interceptor: may sleep, and throws the {@code S3Exception} to answer with. */
    public S3Interceptor s3Interceptor() {
        return call -> {
            List<RuleState> rules = active.s3Calls;
            if (rules.isEmpty()) {
                return;
            }
            RuleState firing = decideCall(rules, call.operation(), call.method(), call.bucket(), call.key());
            if (firing != null) {
                LOG.debug("Injected {} into S3 {} {}/{} (rule {})", firing.rule.error().code(), call.operation(),
                        call.bucket(), call.key(), firing.rule.id());
                throw WireErrors.s3(firing.rule.error());
            }
        };
    }

    /** The engine's query interceptor: active-query limits on submission, query rules when a query runs. */
    public QueryInterceptor queryInterceptor() {
        return new QueryInterceptor() {
            @Override
            public void beforeSubmit(QueryRequest request) {
                for (RuleState rule : active.submits) {
                    rule.countMatch();
                    if (activeQueries.getAsInt() >= rule.rule.maxActiveQueries() && rule.fires()) {
                        LOG.debug("Refused a query at the active-query limit {} (rule {})",
                                rule.rule.maxActiveQueries(), rule.rule.id());
                        throw WireErrors.athena(rule.rule.error() != null ? rule.rule.error()
                                : WireErrors.concurrentQueryLimit());
                    }
                }
            }

            @Override
            public AthenaError beforeRun(String queryId, QueryRequest request) {
                return decideQuery(queryId, request);
            }
        };
    }

    private AthenaError decideQuery(String queryId, QueryRequest request) {
        List<RuleState> rules = active.queries;
        if (rules.isEmpty()) {
            return null;
        }
        long delay = 0;
        RuleState firing = null;
        for (RuleState rule : rules) {
            if (!rule.matchesQuery(request.query()) || !rule.fires()) {
                continue;
            }
            delay += rule.latencyMillis();
            if (rule.rule.failQuery() != null) {
                firing = rule;
                break;
            }
        }
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Query " + queryId + " interrupted while delayed by a fault rule");
            }
        }
        if (firing == null) {
            return null;
        }
        FaultRule.QueryFailure failure = firing.rule.failQuery();
        LOG.debug("Failed query {} with error type {} (rule {})", queryId, failure.errorType(), firing.rule.id());
        return new AthenaError(failure.errorCategory(), failure.errorType(), failure.retryable(), failure.message());
    }

    private RuleState decideCall(List<RuleState> rules, String operation, String method, String bucket,
            String key) {
        long delay = 0;
        RuleState firing = null;
        long now = nanoTime.getAsLong();
        for (RuleState rule : rules) {
            if (!rule.matchesCall(operation, method, bucket, key)) {
                continue;
            }
            if (rule.rule.maxCallsPerSecond() != null && rule.admittedByRate(operation, now)) {
                continue;
            }
            if (!rule.fires()) {
                continue;
            }
            delay += rule.latencyMillis();
            if (rule.rule.error() != null) {
                firing = rule;
                break;
            }
        }
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return firing;
    }

    private void checkOperations(List<FaultRule> rules) {
        for (FaultRule rule : rules) {
            for (String operation : rule.operations()) {
                boolean known = rule.service() == Service.S3 ? S3OperationNames.ALL.contains(operation)
                        : athenaOperations.isEmpty() || athenaOperations.contains(operation);
                if (!known) {
                    throw new IllegalArgumentException("rule " + rule.id() + ": operations: "
                            + rule.service().jsonName() + " has no operation '" + operation + "'");
                }
            }
        }
    }

    /** The rules in force and their states, split by where they are consulted. Immutable once published. */
    private static final class Active {
        static final Active EMPTY = new Active(FaultRules.NONE, List.of());

        final FaultRules rules;
        final List<RuleState> states;
        final List<RuleState> athenaCalls;
        final List<RuleState> s3Calls;
        final List<RuleState> submits;
        final List<RuleState> queries;

        Active(FaultRules rules, List<RuleState> states) {
            this.rules = rules;
            this.states = List.copyOf(states);
            this.athenaCalls = states.stream().filter(s -> s.rule.kind() == Kind.CALL
                    && s.rule.service() == Service.ATHENA).toList();
            this.s3Calls = states.stream().filter(s -> s.rule.kind() == Kind.CALL
                    && s.rule.service() == Service.S3).toList();
            this.submits = states.stream().filter(s -> s.rule.kind() == Kind.SUBMIT).toList();
            this.queries = states.stream().filter(s -> s.rule.kind() == Kind.QUERY).toList();
        }
    }
}
