package io.glaux.sql.differential;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuckDbTranslationTest {

    @Test
    void concatBecomesTheNullPropagatingOperatorAndNestedCallsAreRewrittenToo() {
        assertThat(DuckDbTranslation.toDuckDb("SELECT concat(note, '-', CAST(qty AS varchar)) FROM fact"))
                .isEqualTo("SELECT (note || '-' || CAST(qty AS varchar)) FROM fact");
        assertThat(DuckDbTranslation.toDuckDb("SELECT cardinality(filter(nums, x -> x > 2)) FROM fact"))
                .isEqualTo("SELECT len(list_filter(nums, x -> x > 2)) FROM fact");
    }

    @Test
    void mapsAndArraysGetTheirOwnSpellings() {
        assertThat(DuckDbTranslation.toDuckDb("element_at(attrs, 'a'), element_at(nums, 2), cardinality(attrs)"))
                .isEqualTo("map_extract_value(attrs, 'a'), list_extract(nums, 2), cardinality(attrs)");
    }

    @Test
    void dateAdditionKeepsTheArgumentsType() {
        assertThat(DuckDbTranslation.toDuckDb("date_add('day', -3, d)"))
                .isEqualTo("CAST( d + INTERVAL ( -3) day AS DATE)");
        assertThat(DuckDbTranslation.toDuckDb("date_add('hour', 5, ts)")).isEqualTo("( ts + INTERVAL ( 5) hour)");
    }

    @Test
    void namesInsideStringsAndLongerIdentifiersAreLeftAlone() {
        assertThat(DuckDbTranslation.toDuckDb("SELECT 'concat(a)', my_concat(x), note FROM fact"))
                .isEqualTo("SELECT 'concat(a)', my_concat(x), note FROM fact");
    }
}
