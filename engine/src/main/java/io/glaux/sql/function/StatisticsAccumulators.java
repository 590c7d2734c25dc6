package io.glaux.sql.function;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulators of Trino's statistical aggregates over numbers: central moments (geometric_mean, skewness, kurtosis)
 * and covariance (corr, covar_pop, covar_samp, regr_slope, regr_intercept), and numeric_histogram. They update running means and sums of
 * powers of deviations one row at a time, as Trino's states do, so results agree to the last digits. Rows with a
 * NULL operand are skipped.
 */
final class StatisticsAccumulators {
    private StatisticsAccumulators() {
    }

    /** geometric_mean: exp of the mean of ln(x); NULL over no values. */
    public static final class GeometricMean implements GlauxAccumulator {
        private long count;
        private double logSum;

        @Override
        public void add(@Nullable Object[] operands) {
            if (operands[0] != null) {
                count++;
                logSum += Math.log(((Number) operands[0]).doubleValue());
            }
        }

        @Override
        public void merge(GlauxAccumulator other) {
            GeometricMean o = (GeometricMean) other;
            count += o.count;
            logSum += o.logSum;
        }

        @Override
        public @Nullable Object result() {
            return count == 0 ? null : Math.exp(logSum / count);
        }
    }

    /** skewness (kurtosis = false) and excess kurtosis (true) from the second to fourth central moments. */
    public static final class Moments implements GlauxAccumulator {
        private final boolean kurtosis;
        private long n;
        private double mean;
        private double m2;
        private double m3;
        private double m4;

        public Moments(boolean kurtosis) {
            this.kurtosis = kurtosis;
        }

        @Override
        public void add(@Nullable Object[] operands) {
            if (operands[0] == null) {
                return;
            }
            double x = ((Number) operands[0]).doubleValue();
            long n1 = n;
            n++;
            double delta = x - mean;
            double deltaN = delta / n;
            double deltaN2 = deltaN * deltaN;
            double term1 = delta * deltaN * n1;
            mean += deltaN;
            m4 += term1 * deltaN2 * ((double) n * n - 3 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
            m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2;
            m2 += term1;
        }

        @Override
        public void merge(GlauxAccumulator other) {
            Moments o = (Moments) other;
            if (o.n == 0) {
                return;
            }
            double na = n;
            double nb = o.n;
            double nx = na + nb;
            double delta = o.mean - mean;
            double d2 = delta * delta;
            double newM4 = m4 + o.m4 + d2 * d2 * na * nb * (na * na - na * nb + nb * nb) / (nx * nx * nx)
                    + 6 * d2 * (na * na * o.m2 + nb * nb * m2) / (nx * nx) + 4 * delta * (na * o.m3 - nb * m3) / nx;
            double newM3 = m3 + o.m3 + d2 * delta * na * nb * (na - nb) / (nx * nx)
                    + 3 * delta * (na * o.m2 - nb * m2) / nx;
            m2 = m2 + o.m2 + d2 * na * nb / nx;
            m3 = newM3;
            m4 = newM4;
            mean += delta * nb / nx;
            n += o.n;
        }

        @Override
        public @Nullable Object result() {
            double c = n;
            if (kurtosis) {
                return n < 4 ? null : (c + 1) * c * (c - 1) * m4 / ((c - 2) * (c - 3) * m2 * m2)
                        - 3 * (c - 1) * (c - 1) / ((c - 2) * (c - 3));
            }
            return n < 3 ? null : Math.sqrt(c) * m3 / Math.pow(m2, 1.5);
        }
    }

    /** What a covariance accumulator answers from its running sums. */
    public enum CovarianceResult {
        CORR, COVAR_POP, COVAR_SAMP, REGR_SLOPE, REGR_INTERCEPT
    }

    /**
     * corr(y, x), covar_pop(y, x), covar_samp(y, x), regr_slope(y, x), regr_intercept(y, x): y is the first operand
     * (the dependent variable), x the second. NULL over no rows, and where the answer is not finite (no variance).
     */
    public static final class Covariance implements GlauxAccumulator {
        private final CovarianceResult answer;
        private long n;
        private double meanX;
        private double meanY;
        private double c2;
        private double m2X;
        private double m2Y;

        public Covariance(CovarianceResult answer) {
            this.answer = answer;
        }

        @Override
        public void add(@Nullable Object[] operands) {
            if (operands[0] == null || operands[1] == null) {
                return;
            }
            double y = ((Number) operands[0]).doubleValue();
            double x = ((Number) operands[1]).doubleValue();
            n++;
            double dx = x - meanX;
            double dy = y - meanY;
            meanX += dx / n;
            meanY += dy / n;
            c2 += dx * (y - meanY);
            m2X += dx * (x - meanX);
            m2Y += dy * (y - meanY);
        }

        @Override
        public void merge(GlauxAccumulator other) {
            Covariance o = (Covariance) other;
            if (o.n == 0) {
                return;
            }
            double na = n;
            double nb = o.n;
            double nx = na + nb;
            double dx = o.meanX - meanX;
            double dy = o.meanY - meanY;
            c2 += o.c2 + dx * dy * na * nb / nx;
            m2X += o.m2X + dx * dx * na * nb / nx;
            m2Y += o.m2Y + dy * dy * na * nb / nx;
            meanX += dx * nb / nx;
            meanY += dy * nb / nx;
            n += o.n;
        }

        @Override
        public @Nullable Object result() {
            if (n == 0) {
                return null;
            }
            double value;
            switch (answer) {
                case CORR:
                    value = c2 / Math.sqrt(m2X * m2Y);
                    break;
                case COVAR_POP:
                    value = c2 / n;
                    break;
                case COVAR_SAMP:
                    value = n < 2 ? Double.NaN : c2 / (n - 1);
                    break;
                case REGR_SLOPE:
                    value = c2 / m2X;
                    break;
                default:
                    value = meanY - c2 / m2X * meanX;
            }
            return Double.isFinite(value) ? value : null;
        }
    }

    /**
     * numeric_histogram(buckets, x[, weight]): at most {@code buckets} centroids (mean value, total weight), found as
     * Trino finds them: values are buffered (four times the bucket count), and when the buffer is full, and at the
     * end, equal values are combined and the adjacent pair that costs least to merge (weight1 * weight2 /
     * (weight1 + weight2) * distance squared; the leftmost of equal costs) is merged until {@code buckets} remain.
     * NULL values are skipped; NULL over no values.
     */
    public static final class NumericHistogram implements GlauxAccumulator {
        private final boolean weighted;
        private final List<double[]> centroids = new ArrayList<>();
        private int buckets;

        public NumericHistogram(boolean weighted) {
            this.weighted = weighted;
        }

        @Override
        public void add(@Nullable Object[] operands) {
            long b = operands[0] == null ? 0 : ((Number) operands[0]).longValue();
            if (b < 2) {
                throw FunctionErrors.invalidArgument("numeric_histogram bucket count must be greater than one");
            }
            buckets = (int) Math.min(b, 10_000);
            if (operands[1] == null || weighted && operands[2] == null) {
                return;
            }
            if (centroids.size() >= 4 * buckets) {
                compact();
            }
            double weight = weighted ? ((Number) operands[2]).doubleValue() : 1;
            centroids.add(new double[] {((Number) operands[1]).doubleValue(), weight});
        }

        @Override
        public void merge(GlauxAccumulator other) {
            NumericHistogram o = (NumericHistogram) other;
            buckets = Math.max(buckets, o.buckets);
            centroids.addAll(o.centroids);
            compact();
        }

        private void compact() {
            centroids.sort(Comparator.comparingDouble(c -> c[0]));
            for (int i = centroids.size() - 1; i > 0; i--) {
                if (centroids.get(i)[0] == centroids.get(i - 1)[0]) {
                    centroids.get(i - 1)[1] += centroids.remove(i)[1];
                }
            }
            while (centroids.size() > buckets) {
                int best = 0;
                double bestCost = Double.POSITIVE_INFINITY;
                for (int i = 0; i + 1 < centroids.size(); i++) {
                    double cost = cost(centroids.get(i), centroids.get(i + 1));
                    if (cost < bestCost) {
                        best = i;
                        bestCost = cost;
                    }
                }
                double[] left = centroids.get(best);
                double[] right = centroids.remove(best + 1);
                double weight = left[1] + right[1];
                left[0] = (left[0] * left[1] + right[0] * right[1]) / weight;
                left[1] = weight;
            }
        }

        private static double cost(double[] a, double[] b) {
            double d = a[0] - b[0];
            return a[1] * b[1] / (a[1] + b[1]) * d * d;
        }

        @Override
        public @Nullable Object result() {
            if (centroids.isEmpty()) {
                return null;
            }
            compact();
            Map<Object, Object> histogram = new LinkedHashMap<>();
            centroids.forEach(c -> histogram.put(c[0], c[1]));
            return histogram;
        }
    }
}
