package io.glaux.quicksight.expression;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.glaux.quicksight.expression.QuickSightType.BOOLEAN;
import static io.glaux.quicksight.expression.QuickSightType.DATETIME;
import static io.glaux.quicksight.expression.QuickSightType.DECIMAL;
import static io.glaux.quicksight.expression.QuickSightType.INTEGER;
import static io.glaux.quicksight.expression.QuickSightType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random mutations of valid expressions: each translates or fails with an ExpressionException, never else. */
class ExpressionFuzzTest {

    private static final Map<String, Column> COLUMNS = Map.of(
            "amount", Column.identifier("amount", DECIMAL),
            "qty", Column.identifier("qty", INTEGER),
            "name", Column.identifier("name", STRING),
            "order date", Column.identifier("order date", DATETIME),
            "paid", Column.identifier("paid", BOOLEAN));

    static final List<String> VALID = List.of(
            "ifelse({qty} > 2 AND NOT paid, 'big', {qty} = 1, \"one\", 'small')",
            "concat(left(name, 3), '-', right(name, 2), toString({qty}))",
            "dateDiff({order date}, addDateTime(-2, 'MM', now()), 'WK')",
            "truncDate('Q', parseDate(name, 'MM/dd/yyyy HH:mm:ss'))",
            "extract('WD', {order date}) + round(amount / 3, 2) ^ 2 % 5",
            "sum(qty * amount) / distinct_count(name) - -1.5",
            "in(name, ['a', 'b', NULL]) OR notIn(qty, [1, 2, -3])",
            "coalesce(parseInt(name), strlen(trim(name)), 0) <= ceil(abs(amount))",
            "countIf(name, isNotNull(amount)) + sumIf(qty, paid) + max({order date}) = min({order date})",
            "substring(replace(toUpper(name), 'A', 'b'), 1, 2) <> ltrim(rtrim(toLower(name)))",
            "parseDecimal(name) * floor(.5) + qty");

    private static final String ALPHABET = "(){}[],'\"+-*/%^=<>! .0123456789abcNOTANDORnull_qtyname";

    @Test
    void validExpressionsTranslate() {
        for (String e : VALID) {
            if (e.contains("max(")) {
                continue; // mixes aggregates with fields on purpose, below
            }
            new ExpressionTranslator().translate(e, COLUMNS);
        }
    }

    @Test
    void mutationsNeverThrowAnythingButExpressionException() {
        Random random = new Random(20240611L);
        ExpressionTranslator translator = new ExpressionTranslator();
        int failures = 0;
        int successes = 0;
        for (int i = 0; i < 20_000; i++) {
            String expression = mutate(VALID.get(random.nextInt(VALID.size())), random);
            try {
                Translation t = translator.translate(expression, COLUMNS);
                assertThat(t.sql()).isNotBlank();
                assertThat(t.type()).isNotNull();
                successes++;
            } catch (ExpressionException e) {
                assertThat(e.position()).as(expression).isBetween(0, expression.length());
                assertThat(e.getMessage()).as(expression).endsWith("at position " + e.position());
                failures++;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("'" + expression + "' threw " + e, e);
            }
        }
        assertThat(failures).isPositive();
        assertThat(successes).isPositive();
    }

    static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length());
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(at);
                    }
                }
                case 1 -> b.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> {
                    if (b.length() > 0) {
                        b.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
                case 3 -> {
                    int end = Math.min(b.length(), at + random.nextInt(12));
                    b.insert(random.nextInt(b.length() + 1), b.substring(at, end));
                }
                case 4 -> b.setLength(at);
                default -> {
                    int end = Math.min(b.length(), at + random.nextInt(8));
                    b.delete(at, end);
                }
            }
        }
        return b.toString();
    }
}
