package io.glaux.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Row counts, referential integrity and the skew dashboards rely on, checked on the committed copy. */
class ShopDataInvariantsTest {

    static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    static final LocalDate LAST = LocalDate.of(2024, 3, 30);

    static List<Map<String, String>> customers;
    static List<String[]> products;
    static List<ShopTables.OrderRow> orders;
    static List<JsonNode> events;

    @BeforeAll
    static void read() throws Exception {
        ShopTables tables = ShopTables.committed();
        customers = tables.customers();
        products = tables.products();
        orders = tables.orders();
        events = tables.webEvents();
    }

    static LocalDate dateOf(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void rowCountsMatchScaleOne() {
        assertThat(customers).hasSize(1_000);
        assertThat(products).hasSize(200);
        assertThat(orders).hasSize(20_000);
        assertThat(events).hasSize(5_000);
        assertThat(orders.stream().map(ShopTables.OrderRow::partition).distinct()).hasSize(90);
    }

    @Test
    void customersNeedCsvQuotingAndHaveValidFields() {
        assertThat(customers).allSatisfy(c -> {
            assertThat(c).containsOnlyKeys("customer_id", "name", "email", "country", "city", "signup_date",
                    "segment");
            LocalDate signup = LocalDate.ofEpochDay(Long.parseLong(c.get("signup_date")));
            assertThat(signup).isBetween(LocalDate.of(2020, 1, 1), LocalDate.of(2023, 12, 31));
            assertThat(c.get("email")).matches("[a-z]+\\.[a-z]+\\d+@[a-z.]+");
        });
        assertThat(customers.stream().map(c -> c.get("customer_id")).distinct()).hasSize(1_000);
        assertThat(customers).anySatisfy(c -> assertThat(c.get("name")).contains(", "));
        assertThat(customers).anySatisfy(c -> assertThat(c.get("name")).contains("\""));
        assertThat(customers).anySatisfy(c -> assertThat(c.get("city")).contains(","));
        assertThat(customers).anySatisfy(c -> assertThat(c.get("city")).isEmpty());
    }

    @Test
    void productsAreValidLazySimpleText() {
        assertThat(products).allSatisfy(p -> {
            assertThat(p).hasSize(6);
            assertThat(new BigDecimal(p[4])).isPositive().hasScaleOf(2);
            assertThat(LocalDate.parse(p[5])).isBetween(LocalDate.of(2019, 1, 1), LAST);
        });
        assertThat(products).anySatisfy(p -> assertThat(p[3]).isNull());
        assertThat(products).anySatisfy(p -> assertThat(p[1]).contains("\""));
    }

    @Test
    void everyOrderReferencesExistingRowsWithinTheQuarter() {
        Set<Long> customerIds = customers.stream().map(c -> Long.parseLong(c.get("customer_id")))
                .collect(Collectors.toSet());
        Map<Long, String[]> productsById = new HashMap<>();
        products.forEach(p -> productsById.put(Long.parseLong(p[0]), p));
        Set<Long> orderIds = new HashSet<>();
        for (ShopTables.OrderRow order : orders) {
            Object[] v = order.values();
            assertThat(orderIds.add((Long) v[0])).isTrue();
            assertThat(customerIds).contains((Long) v[1]);
            String[] product = productsById.get((Long) v[2]);
            assertThat(product).isNotNull();
            assertThat((Integer) v[3]).isPositive();
            assertThat((BigDecimal) v[4]).isPositive().isEqualTo(new BigDecimal(product[4]));
            LocalDate day = dateOf((Long) v[8]);
            assertThat(day).isBetween(FIRST, LAST).isEqualTo(LocalDate.parse(order.partition()));
            assertThat(LocalDate.parse(product[5])).isBeforeOrEqualTo(day);
            assertThat(v[6]).isIn("completed", "cancelled", "returned", "processing", "shipped");
        }
        assertThat(orders).anySatisfy(o -> assertThat(o.values()[5]).isNull());
        assertThat(orders).anySatisfy(o -> assertThat((Double) o.values()[5]).isBetween(0.05, 0.25));
        assertThat(orders).anySatisfy(o -> assertThat(o.values()[7]).isNull());
    }

    @Test
    void orderIdsFollowTime() {
        List<Object[]> sorted = orders.stream().map(ShopTables.OrderRow::values)
                .sorted((a, b) -> Long.compare((Long) a[0], (Long) b[0])).toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat((Long) sorted.get(i)[8]).isGreaterThanOrEqualTo((Long) sorted.get(i - 1)[8]);
        }
    }

    @Test
    void ordersAreSkewedTowardsFewCustomersAndWeekends() {
        Map<Long, Long> perCustomer = orders.stream()
                .collect(Collectors.groupingBy(o -> (Long) o.values()[1], Collectors.counting()));
        List<Long> counts = perCustomer.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
        long topFifth = counts.stream().limit(customers.size() / 5).mapToLong(Long::longValue).sum();
        assertThat(topFifth).isGreaterThan(orders.size() / 2);

        Map<LocalDate, Long> perDay = new TreeMap<>(orders.stream()
                .collect(Collectors.groupingBy(o -> LocalDate.parse(o.partition()), Collectors.counting())));
        double weekend = perDay.entrySet().stream().filter(e -> e.getKey().getDayOfWeek().getValue() >= 6)
                .mapToLong(Map.Entry::getValue).average().orElseThrow();
        double weekday = perDay.entrySet().stream().filter(e -> e.getKey().getDayOfWeek().getValue() < 6)
                .mapToLong(Map.Entry::getValue).average().orElseThrow();
        assertThat(weekend).isGreaterThan(weekday * 1.15);
        assertThat(perDay.get(FIRST)).isLessThan(perDay.get(LocalDate.of(2024, 1, 8)));
        assertThat(perDay.get(LocalDate.of(2024, 3, 16))).isGreaterThan(perDay.get(LocalDate.of(2024, 3, 9)));
        assertThat(FIRST.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void webEventsHaveNullsAndValidReferences() {
        Set<Long> customerIds = customers.stream().map(c -> Long.parseLong(c.get("customer_id")))
                .collect(Collectors.toSet());
        long previousId = 0;
        for (JsonNode event : events) {
            assertThat(event.get("event_id").asLong()).isEqualTo(previousId + 1);
            previousId = event.get("event_id").asLong();
            JsonNode customer = event.get("customer_id");
            if (!customer.isNull()) {
                assertThat(customerIds).contains(customer.asLong());
            }
            LocalDateTime at = LocalDateTime.parse(event.get("occurred_at").asText().replace(' ', 'T'));
            assertThat(at.toLocalDate()).isBetween(FIRST, LAST.plusDays(1));
            assertThat(event.get("event_type").asText()).isIn("page_view", "search", "product_view", "add_to_cart",
                    "checkout", "purchase");
        }
        assertThat(events).anySatisfy(e -> assertThat(e.get("customer_id").isNull()).isTrue());
        assertThat(events).anySatisfy(e -> assertThat(e.get("device").isNull()).isTrue());
        assertThat(events).anySatisfy(e -> assertThat(e.get("device").path("os").asText()).isEqualTo("iOS"));
        assertThat(events).anySatisfy(e -> assertThat(e.has("tags")).isFalse());
        assertThat(events).anySatisfy(e -> assertThat(e.get("tags")).isNotNull().hasSizeGreaterThan(0));
    }
}
