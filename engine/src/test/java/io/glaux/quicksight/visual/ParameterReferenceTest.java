package io.glaux.quicksight.visual;

import io.glaux.quicksight.expression.Column;
import io.glaux.quicksight.expression.ExpressionException;
import io.glaux.quicksight.expression.ExpressionTranslator;
import io.glaux.quicksight.expression.QuickSightType;
import io.glaux.quicksight.expression.Translation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ${Name}} parameter references in calculated-field expressions, as visuals use them. */
class ParameterReferenceTest {
    private final ExpressionTranslator translator = new ExpressionTranslator();
    private final Map<String, Column> columns = Map.of("amount", Column.identifier("amount", QuickSightType.DECIMAL));

    @Test
    void aParameterIsItsValueAndMaySitBesideAnAggregate() {
        Translation t = translator.translate("sum({amount}) * ${Rate}", columns,
                Map.of("Rate", new Column("CAST(2.0 AS DOUBLE)", QuickSightType.DECIMAL)));
        assertThat(t.aggregate()).isTrue();
        assertThat(t.sql()).contains("CAST(2.0 AS DOUBLE)");
        assertThat(t.type()).isEqualTo(QuickSightType.DECIMAL);
    }

    @Test
    void unknownOrMalformedParametersAreRefused() {
        assertThatThrownBy(() -> translator.translate("${Nope} + 1", columns))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("Parameter 'Nope' not found");
        assertThatThrownBy(() -> translator.translate("${Rate", columns))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("missing its closing");
        assertThatThrownBy(() -> translator.translate("$x", columns))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("'$'");
    }
}
