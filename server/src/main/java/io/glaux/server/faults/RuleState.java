package io.glaux.server.faults;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** One rule while it is set: its compiled filters, its own random sequence, its counters and rate windows. */
final class RuleState {

    private static final long SECOND_NANOS = 1_000_000_000L;

    final FaultRule rule;
    private final Random random;
    private final Pattern bucket;
    private final Pattern key;
    private final Pattern sql;
    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();
    private final AtomicInteger remaining;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RuleState(FaultRule rule, long seed) {
        this.rule = rule;
        this.random = new Random(seed);
        this.bucket = rule.bucket() == null ? null : glob(rule.bucket());
        this.key = rule.key() == null ? null : glob(rule.key());
        this.sql = rule.sql() == null ? null : Pattern.compile(rule.sql());
        this.remaining = rule.times() == null ? null : new AtomicInteger(rule.times());
    }

    /** {@code *} any run of characters ({@code /} included), {@code ?} one character, the rest literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Whether an API call matches the rule's filters (and counts it as matched if so). */
    boolean matchesCall(String operation, String method, String bucketName, String keyName) {
        if (!rule.operations().isEmpty() && !rule.operations().contains(operation)) {
            return false;
        }
        if (!rule.methods().isEmpty() && (method == null || !rule.methods().contains(method))) {
            return false;
        }
        if (bucket != null && (bucketName == null || !bucket.matcher(bucketName).matches())) {
            return false;
        }
        if (key != null && (keyName == null || !key.matcher(keyName).matches())) {
            return false;
        }
        matched.incrementAndGet();
        return true;
    }

    /** Whether a query's text matches (counted as matched if so). */
    boolean matchesQuery(String query) {
        if (sql != null && (query == null || !sql.matcher(query).find())) {
            return false;
        }
        matched.incrementAndGet();
        return true;
    }

    /** Counts a call that reached the rule without a filter of its own (StartQueryExecution for a limit). */
    void countMatch() {
        matched.incrementAndGet();
    }

    /**
     * Under {@code maxCallsPerSecond}: whether this call fits in its operation's current one-second window (and is
     * then counted in it), so the rule does not fire on it.
     */
    boolean admittedByRate(String operation, long nowNanos) {
        Window window = windows.computeIfAbsent(operation == null ? "" : operation, name -> new Window(nowNanos));
        synchronized (window) {
            if (nowNanos - window.start >= SECOND_NANOS) {
                window.start = nowNanos;
                window.admitted = 0;
            }
            if (window.admitted < rule.maxCallsPerSecond()) {
                window.admitted++;
                return true;
            }
            return false;
        }
    }

    /**
     * Decides whether the rule fires on a matching request: one draw from its sequence against the probability,
     * then one of its {@code times}. Counted as injected when it fires.
     */
    boolean fires() {
        if (rule.probability() < 1 && !(random.nextDouble() < rule.probability())) {
            return false;
        }
        if (remaining != null) {
            int left;
            do {
                left = remaining.get();
                if (left <= 0) {
                    return false;
                }
            } while (!remaining.compareAndSet(left, left - 1));
        }
        injected.incrementAndGet();
        return true;
    }

    /** The latency to add now (0 without one). */
    long latencyMillis() {
        FaultRule.Latency latency = rule.latency();
        if (latency == null) {
            return 0;
        }
        long spread = latency.maxMillis() - latency.minMillis();
        return latency.minMillis() + (spread == 0 ? 0 : (long) (random.nextDouble() * (spread + 1)));
    }

    RuleStats stats() {
        return new RuleStats(rule.id(), matched.get(), injected.get(), remaining == null ? null : remaining.get());
    }

    private static final class Window {
        long start;
        int admitted;

        Window(long start) {
            this.start = start;
        }
    }
}
