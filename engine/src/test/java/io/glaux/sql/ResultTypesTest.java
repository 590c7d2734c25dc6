package io.glaux.sql;

import io.glaux.results.ValueFormatter;
import io.glaux.sql.parse.GlauxTypeSystem;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTypesTest {

    @Test
    void unnamedRowFieldsPrintAsAthenaNamesThem() {
        RelDataTypeFactory f = new JavaTypeFactoryImpl(GlauxTypeSystem.INSTANCE);
        RelDataType row = f.createStructType(List.of(f.createSqlType(SqlTypeName.INTEGER),
                f.createSqlType(SqlTypeName.VARCHAR)), List.of("EXPR$0", "EXPR$1"));
        RelDataType named = f.createStructType(List.of(f.createSqlType(SqlTypeName.INTEGER)), List.of("x"));
        RelDataType columns = f.createStructType(List.of(row, named), List.of("a", "b"));

        List<io.glaux.results.ValueType> types = ResultTypes.valueTypes(columns);

        assertThat(new ValueFormatter(types.get(0)).format(new Object[] {1, "a"})).isEqualTo("{field0=1, field1=a}");
        assertThat(new ValueFormatter(types.get(1)).format(new Object[] {1})).isEqualTo("{x=1}");
    }
}
