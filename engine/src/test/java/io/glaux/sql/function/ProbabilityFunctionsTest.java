package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbabilityFunctionsTest {

    @Test
    void normalCdfAndItsInverseGiveTrinosValues() {
        assertThat(value("SELECT normal_cdf(0, 1, 1.96)")).isEqualTo(0.9750021048517796);
        assertThat(value("SELECT inverse_normal_cdf(0, 1, 0.975)")).isEqualTo(1.959963984540054);
        assertThat(column("SELECT normal_cdf(0, 1, x) FROM t ORDER BY id").get(2)).isNull();
    }

    @Test
    void betaCdfAndItsInverseGiveTrinosValues() {
        assertThat(value("SELECT beta_cdf(2, 5, 0.5)")).isEqualTo(0.890625);
        assertThat(value("SELECT inverse_beta_cdf(2, 5, 0.890625)")).isEqualTo(0.5);
    }

    @Test
    void distributionsRejectParametersOutOfRange() {
        assertThatThrownBy(() -> value("SELECT normal_cdf(0, x, 1) FROM t WHERE id = 2"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("standardDeviation must be > 0");
        assertThatThrownBy(() -> value("SELECT inverse_normal_cdf(0, 1, x) FROM t WHERE id = 1"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("p must be 0 > p > 1");
        assertThatThrownBy(() -> value("SELECT beta_cdf(2, 5, x) FROM t WHERE id = 1"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("value must be in the interval [0, 1]");
        assertThatThrownBy(() -> value("SELECT inverse_beta_cdf(x, 5, 0.5) FROM t WHERE id = 2"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("a must be > 0");
    }

    @Test
    void wilsonIntervalBoundsTheSuccessRate() {
        assertThat(value("SELECT wilson_interval_lower(1250, 1310, 1.96)")).isEqualTo(0.9414883725395894);
        assertThat(value("SELECT wilson_interval_upper(1250, 1310, 1.96)")).isEqualTo(0.9642524717143908);
        assertThatThrownBy(() -> value("SELECT wilson_interval_lower(n, 2, 1.96) FROM t WHERE id = 1"))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("number of successes must not be larger than number of trials");
    }
}
