package io.glaux.format.parquet;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Matches a table's columns against a Parquet file's schema: columns by name (case-insensitively), struct fields by
 * name, lists in their standard and legacy layouts, maps. The result is the schema to request from the file (only
 * the projected columns, and within structs only the fields the table declares) and the converters that build rows.
 * A type the table cannot read the file's column as fails with Athena's HIVE_BAD_DATA message.
 */
final class ReadPlanner {

    /** One planned field: the part of the file type to read, and how to build its converter once its sink is known. */
    record Node(Type requested, boolean bareRepeated, Function<ValueSink, Converter> factory) {
        Converter converter(ValueSink sink) {
            return factory.apply(sink);
        }
    }

    /**
     * The plan for a whole row.
     *
     * @param requestedSchema the file columns to read
     * @param fields one node per requested top-level field, in requested-schema order
     * @param slots for each requested field, the output positions (indexes into the projection) it fills
     * @param pushable table column index → its top-level primitive file column, for projected columns a predicate can
     *     be pushed on
     */
    record RowPlan(MessageType requestedSchema, List<Node> fields, int[][] slots, Map<Integer, PrimitiveType> pushable) {
    }

    private final String objectName;

    ReadPlanner(String objectName) {
        this.objectName = objectName;
    }

    RowPlan planRow(MessageType fileSchema, List<Column> dataColumns, int[] projection) {
        Map<Integer, List<Integer>> slotsByFileField = new LinkedHashMap<>();
        Map<Integer, Integer> tableColumnByFileField = new LinkedHashMap<>();
        for (int slot = 0; slot < projection.length; slot++) {
            int fileField = fieldIndex(fileSchema, dataColumns.get(projection[slot]).name());
            if (fileField >= 0) {
                slotsByFileField.computeIfAbsent(fileField, k -> new ArrayList<>()).add(slot);
                tableColumnByFileField.putIfAbsent(fileField, projection[slot]);
            }
        }
        List<Integer> fileFields = new ArrayList<>(slotsByFileField.keySet());
        fileFields.sort(Integer::compare);
        List<Node> nodes = new ArrayList<>();
        List<Type> requested = new ArrayList<>();
        int[][] slots = new int[fileFields.size()][];
        Map<Integer, PrimitiveType> pushable = new LinkedHashMap<>();
        for (int i = 0; i < fileFields.size(); i++) {
            int fileField = fileFields.get(i);
            int tableColumn = tableColumnByFileField.get(fileField);
            Column column = dataColumns.get(tableColumn);
            Type fileType = fileSchema.getType(fileField);
            Node node = plan(fileType, column.type(), column.name());
            nodes.add(node);
            requested.add(node.requested());
            slots[i] = slotsByFileField.get(fileField).stream().mapToInt(Integer::intValue).toArray();
            if (fileType.isPrimitive() && !fileType.isRepetition(Type.Repetition.REPEATED)) {
                pushable.put(tableColumn, fileType.asPrimitiveType());
            }
        }
        return new RowPlan(new MessageType(fileSchema.getName(), requested), nodes, slots, pushable);
    }

    private static int fieldIndex(GroupType group, String name) {
        for (int i = 0; i < group.getFieldCount(); i++) {
            if (group.getType(i).getName().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    Node plan(Type file, AthenaType table, String path) {
        if (file.isRepetition(Type.Repetition.REPEATED)) {
            if (!(table instanceof AthenaType.Array array)) {
                throw mismatch(file, table, path);
            }
            Node element = planValue(file, array.element(), path);
            return new Node(element.requested(), true, element.factory());
        }
        return planValue(file, table, path);
    }

    /** Plans {@code file} ignoring its repetition (used for the element of 2-level lists and bare repeated fields). */
    private Node planValue(Type file, AthenaType table, String path) {
        return switch (table.kind()) {
            case ARRAY -> planList(file, (AthenaType.Array) table, path);
            case MAP -> planMap(file, (AthenaType.Map) table, path);
            case STRUCT -> planStruct(file, (AthenaType.Struct) table, path);
            default -> planPrimitive(file, table, path);
        };
    }

    private Node planPrimitive(Type file, AthenaType table, String path) {
        if (!file.isPrimitive()) {
            throw mismatch(file, table, path);
        }
        PrimitiveType primitive = file.asPrimitiveType();
        FileValueKind kind = FileValueKind.of(primitive);
        UnaryOperator<Object> coercion = kind == null ? null : ValueCoercion.of(kind, table);
        if (coercion == null) {
            throw mismatch(file, table, path);
        }
        return new Node(file, false, sink -> new LeafConverter(primitive, kind, coercion, sink));
    }

    private Node planList(Type file, AthenaType.Array table, String path) {
        if (file.isPrimitive() || !(file.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)) {
            throw mismatch(file, table, path);
        }
        GroupType list = file.asGroupType();
        if (list.getFieldCount() != 1 || !list.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            throw mismatch(file, table, path);
        }
        Type repeated = list.getType(0);
        if (repeatedIsElement(repeated, list.getName())) {
            Node element = planValue(repeated, table.element(), path + ".element");
            return new Node(list.withNewFields(element.requested()), false,
                    sink -> new ListConverter(element, false, sink));
        }
        GroupType entry = repeated.asGroupType();
        Node element = plan(entry.getType(0), table.element(), path + ".element");
        return new Node(list.withNewFields(entry.withNewFields(element.requested())), false,
                sink -> new ListConverter(element, true, sink));
    }

    /** Parquet's backward-compatibility rules for telling a 2-level list's element from a 3-level list's entry. */
    private static boolean repeatedIsElement(Type repeated, String listName) {
        if (repeated.isPrimitive()) {
            return true;
        }
        GroupType group = repeated.asGroupType();
        return group.getFieldCount() != 1
                || group.getType(0).isRepetition(Type.Repetition.REPEATED)
                || group.getName().equals("array")
                || group.getName().equals(listName + "_tuple");
    }

    private Node planMap(Type file, AthenaType.Map table, String path) {
        LogicalTypeAnnotation annotation = file.getLogicalTypeAnnotation();
        boolean mapAnnotated = annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || annotation instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
        if (file.isPrimitive() || !mapAnnotated) {
            throw mismatch(file, table, path);
        }
        GroupType map = file.asGroupType();
        if (map.getFieldCount() != 1 || map.getType(0).isPrimitive()
                || !map.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            throw mismatch(file, table, path);
        }
        GroupType entry = map.getType(0).asGroupType();
        int keyIndex = entry.containsField("key") ? entry.getFieldIndex("key") : 0;
        int valueIndex = entry.containsField("value") ? entry.getFieldIndex("value")
                : entry.getFieldCount() > 1 ? (keyIndex == 0 ? 1 : 0) : -1;
        Node key = plan(entry.getType(keyIndex), table.key(), path + ".key");
        Node value = valueIndex < 0 ? null : plan(entry.getType(valueIndex), table.value(), path + ".value");
        List<Type> fields = value == null ? List.of(key.requested()) : List.of(key.requested(), value.requested());
        return new Node(map.withNewFields(entry.withNewFields(fields)), false,
                sink -> new MapConverter(key, 0, value, value == null ? -1 : 1, sink));
    }

    private Node planStruct(Type file, AthenaType.Struct table, String path) {
        LogicalTypeAnnotation annotation = file.getLogicalTypeAnnotation();
        if (file.isPrimitive() || annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
                || annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
            throw mismatch(file, table, path);
        }
        GroupType group = file.asGroupType();
        List<Node> children = new ArrayList<>();
        List<int[]> slots = new ArrayList<>();
        List<Type> requested = new ArrayList<>();
        for (int f = 0; f < group.getFieldCount(); f++) {
            Type field = group.getType(f);
            int slot = structFieldIndex(table, field.getName());
            if (slot >= 0 && !alreadyMatched(slots, slot)) {
                AthenaType.Field tableField = table.fields().get(slot);
                Node child = plan(field, tableField.type(), path + "." + tableField.name());
                children.add(child);
                slots.add(new int[] {slot});
                requested.add(child.requested());
            }
        }
        int width = table.fields().size();
        int[][] childSlots = slots.toArray(new int[0][]);
        if (children.isEmpty()) {
            Type first = group.getType(0);
            return new Node(group.withNewFields(first), false, sink -> new StructConverter(width, List.of(
                    new Node(first, false, ignored -> IgnoringConverter.of(first))), new int[][] {{-1}}, sink));
        }
        return new Node(group.withNewFields(requested), false,
                sink -> new StructConverter(width, children, childSlots, sink));
    }

    private static boolean alreadyMatched(List<int[]> slots, int slot) {
        return slots.stream().anyMatch(s -> s[0] == slot);
    }

    private static int structFieldIndex(AthenaType.Struct struct, String name) {
        for (int i = 0; i < struct.fields().size(); i++) {
            if (struct.fields().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private GlauxException mismatch(Type file, AthenaType table, String path) {
        return new GlauxException(ErrorType.DATA_ERROR, TrinoErrorCode.HIVE_BAD_DATA, "Field "
                + path.toLowerCase(Locale.ROOT)
                + "'s type " + FileValueKind.describe(file) + " in parquet file " + objectName
                + " is incompatible with type " + table.ddl() + " defined in table schema");
    }
}
