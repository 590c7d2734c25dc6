package io.glaux.connectors.federation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated rows the test connector serves. {@code sales.orders} is partitioned by year (2021..2023), 50 orders
 * a year; {@code sales.customers} has five customers; the tables of schema {@code many} are copies of customers.
 */
final class SalesData {

    static final int[] YEARS = {2021, 2022, 2023};
    static final int ORDERS_PER_YEAR = 50;
    static final String[] CUSTOMER_REGIONS = {"eu", "us", "eu", "ap", "us"};

    private SalesData() {
    }

    /** Order {@code i} of a year, by column name; values in the Java types the SDK's BlockUtils writes. */
    static Map<String, Object> order(int year, int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", (long) year * 1000 + i);
        row.put("customer", "c" + (i % 5));
        row.put("amount", BigDecimal.valueOf(i * 125L, 2));
        row.put("ratio", i / 4.0);
        row.put("day", LocalDate.of(year, 1, 1).plusDays(i));
        row.put("seen", LocalDateTime.of(year, 1, 1, 0, 0).plusMinutes(i * 90L));
        row.put("vip", i % 3 == 0);
        row.put("tags", List.of("t" + (i % 2), "x"));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("code", i);
        info.put("note", "n" + i);
        row.put("info", info);
        row.put("year", year);
        return row;
    }

    static List<Map<String, Object>> orders(int year) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ORDERS_PER_YEAR; i++) {
            rows.add(order(year, i));
        }
        return rows;
    }

    static List<Map<String, Object>> customers() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < CUSTOMER_REGIONS.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", (long) i);
            row.put("name", "c" + i);
            row.put("region", CUSTOMER_REGIONS[i]);
            rows.add(row);
        }
        return rows;
    }
}
