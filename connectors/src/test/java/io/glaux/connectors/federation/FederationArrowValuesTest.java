package io.glaux.connectors.federation;

import io.glaux.catalog.AthenaType;
import io.glaux.connector.ConnectorValues;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.impl.UnionMapWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Arrow values as the engine reads them, and engine values as constraint blocks hold them. */
class FederationArrowValuesTest {

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void aZonedTimestampReadsAsTheWallClockOfItsZone() {
        try (TimeStampMilliTZVector vector = new TimeStampMilliTZVector("t", allocator, "Europe/Paris")) {
            vector.allocateNew(1);
            vector.set(0, LocalDateTime.of(2024, 7, 1, 10, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
            vector.setValueCount(1);

            assertThat(ArrowValues.reader(vector).read(0))
                    .isEqualTo(ConnectorValues.timestamp(LocalDateTime.of(2024, 7, 1, 12, 0)));
        }
    }

    @Test
    void finerTimestampUnitsAreCutToMillisecondsAndNullsStayNull() {
        try (TimeStampMicroVector vector = new TimeStampMicroVector("t", allocator)) {
            vector.allocateNew(2);
            vector.set(0, 1_500_999L);
            vector.setNull(1);
            vector.setValueCount(2);

            assertThat(ArrowValues.reader(vector).read(0)).isEqualTo(1_500L);
            assertThat(ArrowValues.reader(vector).read(1)).isNull();
        }
    }

    @Test
    void mapsAndBinariesTakeTheEngineForms() {
        try (MapVector map = MapVector.empty("m", allocator, false);
             VarBinaryVector binary = new VarBinaryVector("b", allocator)) {
            UnionMapWriter writer = map.getWriter();
            writer.setPosition(0);
            writer.startMap();
            writer.startEntry();
            writer.key().integer().writeInt(1);
            writer.value().bigInt().writeBigInt(10L);
            writer.endEntry();
            writer.endMap();
            map.setValueCount(1);
            binary.allocateNew(1);
            binary.setSafe(0, new byte[]{7, 8});
            binary.setValueCount(1);

            assertThat(ArrowValues.reader(map).read(0)).isEqualTo(Map.of(1, 10L));
            assertThat(ArrowValues.reader(binary).read(0)).isEqualTo(new ByteString(new byte[]{7, 8}));
            assertThat(ArrowTypes.athenaType(map.getField()))
                    .isEqualTo(new AthenaType.Map(AthenaType.INT, AthenaType.BIGINT));
        }
    }

    @Test
    void aConstraintValueTheColumnTypeCannotHoldExactlyIsRefused() throws Exception {
        assertThatThrownBy(() -> ValueBlocks.write(new ArrowType.Int(32, true), List.of(1L << 40), allocator, 6))
                .isInstanceOf(ValueBlocks.Unrepresentable.class);
        assertThatThrownBy(() -> ValueBlocks.write(new ArrowType.Decimal(10, 2, 128), List.of(new BigDecimal("1.005")),
                allocator, 6)).isInstanceOf(ValueBlocks.Unrepresentable.class);
        assertThatThrownBy(() -> ValueBlocks.write(new ArrowType.Timestamp(TimeUnit.SECOND, null), List.of(1_500L),
                allocator, 6)).isInstanceOf(ValueBlocks.Unrepresentable.class);
        assertThatThrownBy(() -> ValueBlocks.write(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE),
                List.of(0.1d), allocator, 6)).isInstanceOf(ValueBlocks.Unrepresentable.class);

        byte[][] block = ValueBlocks.write(new ArrowType.Decimal(10, 2, 128), List.of(new BigDecimal("1.5")),
                allocator, 6);
        try (var root = ArrowIpc.readBatch(ArrowIpc.readSchema(block[0]), block[1], allocator)) {
            assertThat(ArrowValues.reader(root.getVector(ValueBlocks.COLUMN)).read(0))
                    .isEqualTo(new BigDecimal("1.50"));
        }
    }

    @Test
    void aFieldAthenaHasNoTypeForIsNamedAsSuch() {
        Field interval = new Field("i", FieldType.nullable(new ArrowType.Interval(
                org.apache.arrow.vector.types.IntervalUnit.DAY_TIME)), null);

        assertThat(ArrowTypes.athenaType(interval)).isNull();
    }
}
