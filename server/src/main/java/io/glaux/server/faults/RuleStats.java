package io.glaux.server.faults;

/**
 * What one rule has done since the rules were set.
 *
 * @param matched requests (or queries) that matched the rule's filters
 * @param injected times it fired: answered with its error, failed a query, or added its latency
 * @param remaining firings left under {@code times}; null without a limit
 */
public record RuleStats(String id, long matched, long injected, Integer remaining) {
}
