package io.glaux.quicksight.dataset;

import java.util.List;

/** The parts of a dataset definition the compiler reads, as records (see {@link DataSetReader}). */
final class DataSetModel {

    private DataSetModel() {
    }

    /** An InputColumn: its name in the source, QuickSight InputColumnDataType, optional id and sub type. */
    record InputColumn(String name, String id, String type, String subType) {
    }

    /** A physical table Glaux can read: a RelationalTable or a CustomSql. */
    sealed interface PhysicalTable permits RelationalTable, CustomSql {
        String id();

        String dataSourceArn();

        /** The table's Name, which QuickSight uses as the alias of the logical table it generates for it. */
        String name();

        List<InputColumn> columns();
    }

    record RelationalTable(String id, String dataSourceArn, String catalog, String schema, String name,
                           List<InputColumn> columns) implements PhysicalTable {
    }

    record CustomSql(String id, String dataSourceArn, String name, String sqlQuery, List<InputColumn> columns)
            implements PhysicalTable {
    }

    /** A logical table: exactly one of {@code physicalTableId} and {@code join} is set. */
    record LogicalTable(String id, String alias, String physicalTableId, Join join, List<Transform> transforms) {
    }

    /** A JoinInstruction; {@code type} is INNER, OUTER, LEFT or RIGHT. */
    record Join(String leftOperand, String rightOperand, String type, String onClause) {
    }

    /** One of a logical table's DataTransforms. */
    sealed interface Transform permits Project, Filter, CreateColumns, Rename, Cast, Tag, Untag {
    }

    record Project(List<String> columns) implements Transform {
    }

    record Filter(String condition) implements Transform {
    }

    record CreateColumns(List<CalculatedColumn> columns) implements Transform {
    }

    record CalculatedColumn(String name, String id, String expression) {
    }

    record Rename(String column, String newName) implements Transform {
    }

    /** A CastColumnTypeOperation; {@code subType} and {@code format} may be null. */
    record Cast(String column, String newType, String subType, String format) implements Transform {
    }

    /** A TagColumnOperation; {@code description} is null when no ColumnDescription tag is given. */
    record Tag(String column, String description) implements Transform {
    }

    /** An UntagColumnOperation; {@code removesDescription} when its TagNames include COLUMN_DESCRIPTION. */
    record Untag(String column, boolean removesDescription) implements Transform {
    }
}
