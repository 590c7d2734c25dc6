package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.type.BasicSqlType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Util;

import java.nio.charset.Charset;

/**
 * A Trino type Calcite lacks that Glaux holds as a VARCHAR ({@link JsonType}, {@link TrinoCharType}): a VARCHAR to
 * the validator and to code generation (values are {@link String}s), with the default charset and collation, and a
 * digest of its own, so that it equals only itself.
 */
abstract class VarcharHeldType extends BasicSqlType {

    VarcharHeldType(RelDataTypeSystem typeSystem, boolean nullable) {
        super(typeSystem, SqlTypeName.VARCHAR, nullable);
    }

    VarcharHeldType(RelDataTypeSystem typeSystem, boolean nullable, int precision) {
        super(typeSystem, SqlTypeName.VARCHAR, nullable, precision);
    }

    @Override
    public Charset getCharset() {
        return Util.getDefaultCharset();
    }

    @Override
    public SqlCollation getCollation() {
        return SqlCollation.IMPLICIT;
    }
}
