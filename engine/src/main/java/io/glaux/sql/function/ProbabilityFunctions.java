package io.glaux.sql.function;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Erf;

import static io.glaux.sql.function.Arg.BIGINT;
import static io.glaux.sql.function.Arg.DOUBLE;

/**
 * Trino's probability functions: normal and beta distributions (computed with Commons Math, as Trino does, so that
 * the answers agree to the last bit) and Wilson score intervals.
 */
public final class ProbabilityFunctions {
    private ProbabilityFunctions() {
    }

    /** Declares the probability functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> p = ProbabilityFunctions.class;
        r.define(GlauxFunction.strict("normal_cdf", false,
                Signature.of(p, "normalCdf", Returns.DOUBLE, DOUBLE, DOUBLE, DOUBLE)));
        r.define(GlauxFunction.strict("inverse_normal_cdf", false,
                Signature.of(p, "inverseNormalCdf", Returns.DOUBLE, DOUBLE, DOUBLE, DOUBLE)));
        r.define(GlauxFunction.strict("beta_cdf", false,
                Signature.of(p, "betaCdf", Returns.DOUBLE, DOUBLE, DOUBLE, DOUBLE)));
        r.define(GlauxFunction.strict("inverse_beta_cdf", false,
                Signature.of(p, "inverseBetaCdf", Returns.DOUBLE, DOUBLE, DOUBLE, DOUBLE)));
        r.define(GlauxFunction.strict("wilson_interval_lower", false,
                Signature.of(p, "wilsonIntervalLower", Returns.DOUBLE, BIGINT, BIGINT, DOUBLE)));
        r.define(GlauxFunction.strict("wilson_interval_upper", false,
                Signature.of(p, "wilsonIntervalUpper", Returns.DOUBLE, BIGINT, BIGINT, DOUBLE)));
    }

    /** The probability that a normal variable of the given mean and standard deviation is at most {@code value}. */
    public static double normalCdf(double mean, double sd, double value) {
        check(sd > 0, "standardDeviation must be > 0");
        return 0.5 * (1 + Erf.erf((value - mean) / (sd * Math.sqrt(2))));
    }

    /** The value below which a normal variable falls with probability {@code p}, 0 &lt; p &lt; 1. */
    public static double inverseNormalCdf(double mean, double sd, double p) {
        check(p > 0 && p < 1, "p must be 0 > p > 1");
        check(sd > 0, "sd must be > 0");
        return mean + sd * Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }

    /** The beta distribution's cumulative probability at {@code value} in [0, 1]. */
    public static double betaCdf(double a, double b, double value) {
        checkShape(a, b);
        check(value >= 0 && value <= 1, "value must be in the interval [0, 1]");
        return beta(a, b).cumulativeProbability(value);
    }

    /** The inverse of {@link #betaCdf}: the value at which the cumulative probability is {@code p}. */
    public static double inverseBetaCdf(double a, double b, double p) {
        checkShape(a, b);
        check(p >= 0 && p <= 1, "p must be in the interval [0, 1]");
        return beta(a, b).inverseCumulativeProbability(p);
    }

    private static BetaDistribution beta(double a, double b) {
        return new BetaDistribution(null, a, b, BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    }

    private static void checkShape(double a, double b) {
        check(a > 0, "a must be > 0");
        check(b > 0, "b must be > 0");
    }

    /** The lower bound of the Wilson score interval of a Bernoulli parameter at confidence z-score {@code z}. */
    public static double wilsonIntervalLower(long successes, long trials, double z) {
        return wilson(successes, trials, z, -1);
    }

    /** The upper bound of the Wilson score interval. */
    public static double wilsonIntervalUpper(long successes, long trials, double z) {
        return wilson(successes, trials, z, 1);
    }

    private static double wilson(long successes, long trials, double z, int side) {
        check(successes >= 0, "number of successes must not be negative");
        check(trials > 0, "number of trials must be positive");
        check(successes <= trials, "number of successes must not be larger than number of trials");
        check(z >= 0, "z-score must not be negative");
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double center = p + z2 / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return (center + side * spread) / (1 + z2 / n);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw FunctionErrors.invalidArgument(message);
        }
    }
}
