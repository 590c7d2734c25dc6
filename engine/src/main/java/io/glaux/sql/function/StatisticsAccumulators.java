package io.glaux.sql.function;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Accumulators of Trino's statistical aggregates over numbers: central moments (geometric_mean, skewness, kurtosis)
 * and covariance (corr, covar_pop, covar_samp, regr_slope, regr_intercept). They update running means and sums of
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
}
