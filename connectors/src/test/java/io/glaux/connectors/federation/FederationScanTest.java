package io.glaux.connectors.federation;

import io.glaux.connector.BatchReader;
import io.glaux.connector.ColumnBatch;
import io.glaux.connector.ConnectorSplit;
import io.glaux.connector.ConnectorValues;
import io.glaux.connector.Domain;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SortItem;
import io.glaux.connector.ValueSet;
import io.glaux.storage.LocalFolderStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Layouts, splits and reads through a real Federation SDK connector. */
class FederationScanTest {

    @TempDir
    Path folder;

    private LocalFolderStore store;
    private SdkFunction function;
    private FederationConnector connector;

    @BeforeEach
    void start() throws Exception {
        store = new LocalFolderStore(folder);
        function = new SdkFunction(store, true);
        connector = new FederationConnector("sales_catalog", function, SpilledObjects.of(store),
                FederationSettings.DEFAULTS);
    }

    @AfterEach
    void stop() {
        assertThat(connector.openReaders()).as("Arrow memory still held").isZero();
        connector.close();
    }

    @Test
    void aReaderOpenWhenItsConnectorClosesStillFinishes() {
        ScanRequest request = Scans.request(connector, "customers", List.of("name"), Map.of());
        ConnectorSplit split = connector.scanner().splits(request).get(0);
        try (BatchReader reader = connector.scanner().read(request, split)) {
            ColumnBatch batch = reader.next();
            connector.close();

            assertThat(batch.rowCount()).isEqualTo(5);
            assertThat(batch.value(0, 4)).isEqualTo("c4");
            assertThat(reader.next()).isNull();
            assertThat(connector.openReaders()).isEqualTo(1);
        }
    }

    @Test
    void splitsAreGatheredFollowingContinuationTokens() {
        List<ConnectorSplit> splits = connector.scanner().splits(Scans.request(connector, "orders",
                List.of("id"), Map.of()));

        assertThat(splits).hasSize(3);
        assertThat(function.received("GetTableLayoutRequest")).hasSize(1);
        assertThat(function.received("GetSplitsRequest")).extracting(Received::continuationToken)
                .containsExactly(null, "1", "2");
        assertThat(function.received("GetSplitsRequest")).extracting(Received::queryId)
                .containsOnly(Scans.QUERY_ID);
    }

    @Test
    void theConstraintPrunesPartitionsAndAllPrunedLeavesNoSplits() {
        assertThat(connector.scanner().splits(Scans.request(connector, "orders", List.of("id"),
                Map.of("year", Domain.singleValue(2022))))).hasSize(1);
        assertThat(function.received("GetTableLayoutRequest").get(0).summary())
                .containsEntry("year", "SortedRangeSet[[2022, 2022]] nulls=false");

        assertThat(connector.scanner().splits(Scans.request(connector, "orders", List.of("id"),
                Map.of("year", Domain.singleValue(2030))))).isEmpty();
        assertThat(function.received("GetSplitsRequest")).hasSize(1);
    }

    @Test
    void aReadGetsTheProjectionAndTheConstraintAndReturnsOnlyMatchingRows() {
        Map<String, Domain> domains = new LinkedHashMap<>();
        domains.put("id", new Domain(ValueSet.SortedRanges.of(List.of(new ValueSet.Range(
                new ValueSet.Bound(2021010L, false), new ValueSet.Bound(2021040L, true)))), false));
        domains.put("customer", new Domain(ValueSet.ofValues(List.of("c1", "c3")), false));
        ScanRequest request = Scans.request(connector, "orders", List.of("customer", "id", "year"), domains);

        List<List<Object>> rows = Scans.rows(connector, request);

        assertThat(rows).hasSize(12).allSatisfy(row -> {
            assertThat(row.get(0)).isIn("c1", "c3");
            assertThat((Long) row.get(1)).isBetween(2021011L, 2021040L);
            assertThat(row.get(2)).isEqualTo(2021);
        });
        Received read = function.received("ReadRecordsRequest").get(0);
        assertThat(read.columns()).containsExactly("customer", "id", "year");
        assertThat(read.summary()).containsEntry("id", "SortedRangeSet[(2021010, 2021040]] nulls=false")
                .containsEntry("customer", "SortedRangeSet[[c1, c1], [c3, c3]] nulls=false");
        assertThat(read.limit()).isEqualTo(-1);
        assertThat(read.catalogName()).isEqualTo("sales_catalog");
        assertThat(read.queryId()).isEqualTo(Scans.QUERY_ID);
    }

    @Test
    void valuesArriveInTheEngineForms() {
        ScanRequest request = Scans.request(connector, "orders", List.of("amount", "ratio", "day", "seen", "vip",
                "tags", "info", "id"), Map.of("id", Domain.singleValue(2022001L)));

        List<Object> row = Scans.rows(connector, request).get(0);

        assertThat(row.subList(0, 6)).containsExactly(new BigDecimal("1.25"), 0.25,
                ConnectorValues.date(LocalDate.of(2022, 1, 2)),
                ConnectorValues.timestamp(LocalDateTime.of(2022, 1, 1, 1, 30)), false, List.of("t1", "x"));
        assertThat((Object[]) row.get(6)).containsExactly(1, "n1");
        assertThat(row.get(7)).isEqualTo(2022001L);
    }

    @Test
    void datesTimestampsDecimalsBooleansAndNullChecksAreSentTypedByTheColumn() {
        Map<String, Domain> domains = new LinkedHashMap<>();
        domains.put("day", new Domain(ValueSet.SortedRanges.of(List.of(ValueSet.Range.greaterThan(
                ConnectorValues.date(LocalDate.of(2023, 2, 10)), true))), false));
        domains.put("seen", new Domain(ValueSet.SortedRanges.of(List.of(ValueSet.Range.lessThan(
                ConnectorValues.timestamp(LocalDateTime.of(2023, 1, 4, 0, 0)), false))), false));
        domains.put("amount", new Domain(ValueSet.SortedRanges.of(List.of(ValueSet.Range.greaterThan(
                new BigDecimal("0.5"), false))), false));
        domains.put("vip", Domain.singleValue(true));
        domains.put("customer", Domain.notNull());
        ScanRequest request = Scans.request(connector, "orders", List.of("id", "day", "seen", "amount", "vip",
                "customer"), domains);

        List<List<Object>> rows = Scans.rows(connector, request);

        assertThat(rows).extracting(row -> row.get(0)).containsExactly(2023042L, 2023045L);
        Map<String, String> summary = function.received("ReadRecordsRequest").get(0).summary();
        assertThat(summary).containsEntry("day", "SortedRangeSet[[19398, +inf)] nulls=false")
                .containsEntry("seen", "SortedRangeSet[(-inf, 2023-01-04T00:00)] nulls=false")
                .containsEntry("amount", "SortedRangeSet[(0.50, +inf)] nulls=false")
                .containsEntry("vip", "SortedRangeSet[[true, true]] nulls=false")
                .containsEntry("customer", "SortedRangeSet[(-inf, +inf)] nulls=false");
    }

    @Test
    void anExclusionListIsSentAsAnEquatableValueSet() {
        ScanRequest request = Scans.request(connector, "customers", List.of("name"),
                Map.of("name", new Domain(new ValueSet.Equatable(false, Set.of("c0")), false)));

        assertThat(Scans.rows(connector, request)).extracting(row -> row.get(0))
                .containsExactly("c1", "c2", "c3", "c4");
        assertThat(function.received("ReadRecordsRequest").get(0).summary())
                .containsEntry("name", "EquatableValueSet[exclude c0] nulls=false");
    }

    @Test
    void aNullCheckOnANestedColumnIsSentAsAnAllOrNoneValueSet() {
        ScanRequest request = Scans.request(connector, "orders", List.of("id", "tags"),
                Map.of("tags", Domain.notNull(), "year", Domain.singleValue(2023)));

        assertThat(Scans.rows(connector, request)).hasSize(50);
        assertThat(function.received("ReadRecordsRequest").get(0).summary())
                .containsEntry("tags", "AllOrNoneValueSet[all] nulls=false");
    }

    @Test
    void aLimitIsSentWhenTheConnectorDeclaredItAndTheSummaryIsTheWholeConstraint() {
        ScanRequest request = Scans.request(connector, "orders", List.of("id"),
                Map.of("customer", Domain.singleValue("c2")), OptionalLong.of(4), List.of());

        List<List<Object>> rows = Scans.rows(connector, request);

        assertThat(rows).hasSize(12);
        assertThat(function.received("ReadRecordsRequest")).extracting(Received::limit).containsOnly(4L);
        assertThat(function.received("GetTableLayoutRequest")).extracting(Received::limit).containsOnly(4L);
    }

    @Test
    void aTopNSendsItsOrderWithTheLimit() {
        ScanRequest request = Scans.request(connector, "orders", List.of("id"), Map.of(), OptionalLong.of(2),
                List.of(new SortItem("id", false, false)));

        List<List<Object>> rows = Scans.rows(connector, request);

        assertThat(rows).extracting(row -> row.get(0)).containsExactly(2021049L, 2021048L, 2022049L, 2022048L,
                2023049L, 2023048L);
        assertThat(function.received("ReadRecordsRequest")).extracting(Received::orderBy)
                .containsOnly(List.of("id DESC_NULLS_LAST"));
    }

    @Test
    void aConstraintWithNoExactFormInTheColumnTypeIsLeftOutAndTheLimitWithIt() {
        ScanRequest request = Scans.request(connector, "orders", List.of("id", "amount"),
                Map.of("year", Domain.singleValue(2021), "amount", new Domain(ValueSet.SortedRanges.of(List.of(
                        ValueSet.Range.greaterThan(new BigDecimal("0.125"), false))), false)),
                OptionalLong.of(3), List.of());

        List<List<Object>> rows = Scans.rows(connector, request);

        assertThat(rows).hasSize(50);
        Received read = function.received("ReadRecordsRequest").get(0);
        assertThat(read.summary()).containsOnlyKeys("year");
        assertThat(read.limit()).isEqualTo(-1);
    }

    @Test
    void aLimitIsNotSentToAConnectorThatDidNotDeclareIt() throws Exception {
        SdkFunction plain = new SdkFunction(store, false);
        try (FederationConnector undeclared = new FederationConnector("plain", plain, SpilledObjects.of(store),
                FederationSettings.DEFAULTS)) {
            ScanRequest request = Scans.request(undeclared, "customers", List.of("id"), Map.of(),
                    OptionalLong.of(2), List.of());

            assertThat(Scans.rows(undeclared, request)).hasSize(5);
            assertThat(plain.received("ReadRecordsRequest")).extracting(Received::limit).containsOnly(-1L);
        }
    }

    @Test
    void aScanOfNoColumnsStillCountsTheRows() {
        ScanRequest request = Scans.request(connector, "orders", List.of(), Map.of());

        assertThat(Scans.rows(connector, request)).hasSize(150).allSatisfy(row -> assertThat(row).isEmpty());
        assertThat(function.received("ReadRecordsRequest").get(0).columns()).containsExactly("id");
    }
}
