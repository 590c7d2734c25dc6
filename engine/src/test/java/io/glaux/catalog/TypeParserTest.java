package io.glaux.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypeParserTest {

    @Test
    void trinoSpellingReadsAsTheHiveType() {
        assertThat(AthenaType.parse("array(varchar)").ddl()).isEqualTo("array<string>");
        assertThat(AthenaType.parse("map(varchar, integer)").ddl()).isEqualTo("map<string,int>");
        assertThat(AthenaType.parse("row(x integer, y varchar(5))").ddl()).isEqualTo("struct<x:int,y:varchar(5)>");
        assertThat(AthenaType.parse("array(map(varchar, array(bigint)))").ddl())
                .isEqualTo("array<map<string,array<bigint>>>");
        assertThat(AthenaType.parse("array<struct<a:int>>").ddl()).isEqualTo("array<struct<a:int>>");
    }

    @Test
    void jsonIsAStoredViewColumnTypeButNoDdlType() {
        assertThat(AthenaType.parseStored("array<json>")).isEqualTo(new AthenaType.Array(AthenaType.JSON));
        assertThat(AthenaType.parseStored("json").trinoName()).isEqualTo("json");
        assertThat(AthenaType.JSON.kind()).isEqualTo(AthenaType.Kind.STRING);
        assertThatThrownBy(() -> AthenaType.parse("json")).isInstanceOf(TypeSyntaxException.class)
                .hasMessageContaining("unknown type 'json'");
    }

    @Test
    void bracketsMustMatch() {
        assertThatThrownBy(() -> AthenaType.parse("array(varchar>")).isInstanceOf(TypeSyntaxException.class);
        assertThatThrownBy(() -> AthenaType.parse("row<x:int>")).isInstanceOf(TypeSyntaxException.class);
    }
}
