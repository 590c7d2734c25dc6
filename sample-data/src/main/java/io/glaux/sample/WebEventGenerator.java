package io.glaux.sample;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.glaux.sample.Records.Customer;
import io.glaux.sample.Records.Product;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Click-stream events as JSON lines (Hive JSON SerDe), one file per month. Sessions walk a funnel: landing page,
 * searches and product views, sometimes cart, checkout and purchase. About 40 % of sessions are anonymous
 * ({@code customer_id} null), a few come from bots without a device ({@code device} null), and {@code tags} is
 * sometimes empty and sometimes missing altogether.
 */
final class WebEventGenerator {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private static final Weighted<String[]> DEVICES = Weighted.of(List.of(
            new String[] {"iOS", "Safari"}, new String[] {"iOS", "Chrome"}, new String[] {"Android", "Chrome"},
            new String[] {"Android", "Samsung Internet"}, new String[] {"Windows", "Chrome"},
            new String[] {"Windows", "Edge"}, new String[] {"Windows", "Firefox"}, new String[] {"macOS", "Safari"},
            new String[] {"macOS", "Chrome"}, new String[] {"Linux", "Firefox"}),
            26, 6, 20, 4, 18, 7, 3, 9, 5, 2);
    private static final String[] TAGS = {"promo", "newsletter", "retargeting", "organic", "social", "email",
        "affiliate"};
    private static final String[] SEARCHES = {"headphones", "yoga+mat", "cast+iron", "gift+for+dad", "rain+jacket",
        "lego", "serum", "monitor+27", "kettle", "running+shoes"};

    private WebEventGenerator() {
    }

    static List<String> generate(Path bucket, long total, List<Customer> customers, List<Product> products, long seed)
            throws IOException {
        Random random = new Random(seed);
        int[] perDay = ShopCalendar.allocate(total, ShopCalendar.dayWeights(random));
        Weighted<Integer> hours = ShopCalendar.hours();
        JsonFactory json = new JsonFactory();
        List<String> keys = new ArrayList<>();
        long eventId = 1;
        OutputStream out = null;
        int month = -1;
        try {
            for (int d = 0; d < ShopCalendar.DAYS; d++) {
                LocalDate day = ShopCalendar.day(d);
                if (day.getMonthValue() != month) {
                    if (out != null) {
                        out.close();
                    }
                    month = day.getMonthValue();
                    String key = "shop/web_events/events-" + day.toString().substring(0, 7) + ".json";
                    Path file = bucket.resolve(key);
                    Files.createDirectories(file.getParent());
                    out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                    keys.add(key);
                }
                List<Object[]> events = new ArrayList<>();
                while (events.size() < perDay[d]) {
                    session(day, random, hours, customers, products, events);
                }
                List<Object[]> today = new ArrayList<>(events.subList(0, perDay[d]));
                today.sort((a, b) -> ((LocalDateTime) a[4]).compareTo((LocalDateTime) b[4]));
                for (Object[] event : today) {
                    writeLine(json, out, eventId++, event);
                }
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
        return keys;
    }

    /** Appends one session's events: {session, customer, type, page, time, device, tags}. */
    private static void session(LocalDate day, Random random, Weighted<Integer> hours, List<Customer> customers,
                                List<Product> products, List<Object[]> events) {
        String sessionId = String.format("%016x", random.nextLong());
        Long customer = random.nextDouble() < 0.4 ? null
                : customers.get((int) (customers.size() * StrictMath.pow(random.nextDouble(), 2.5))).id();
        boolean bot = random.nextDouble() < 0.02;
        String[] device = bot ? null : DEVICES.pick(random);
        List<String> tags = tags(random);
        LocalDateTime time = day.atStartOfDay().plusNanos(ShopCalendar.timeOfDayMillis(random, hours) * 1_000_000L);

        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"page_view", random.nextDouble() < 0.7 ? "/" : "/deals"});
        int browsing = 1 + random.nextInt(bot ? 12 : 5);
        for (int i = 0; i < browsing; i++) {
            if (random.nextDouble() < 0.25) {
                steps.add(new String[] {"search", "/search?q=" + SEARCHES[random.nextInt(SEARCHES.length)]});
            }
            steps.add(new String[] {"product_view", "/products/" + products.get(random.nextInt(products.size())).id()});
        }
        if (!bot && random.nextDouble() < 0.3) {
            steps.add(new String[] {"add_to_cart", "/cart"});
            if (random.nextDouble() < 0.55) {
                steps.add(new String[] {"checkout", "/checkout"});
                if (random.nextDouble() < 0.8) {
                    steps.add(new String[] {"purchase", "/checkout/complete"});
                }
            }
        }
        for (String[] step : steps) {
            events.add(new Object[] {sessionId, customer, step[0], step[1], time, device, tags});
            time = time.plusNanos((bot ? 500L + random.nextInt(2_000) : 4_000L + random.nextInt(110_000)) * 1_000_000L);
        }
    }

    private static List<String> tags(Random random) {
        double draw = random.nextDouble();
        if (draw < 0.05) {
            return null;
        }
        if (draw < 0.5) {
            return List.of();
        }
        String first = TAGS[random.nextInt(TAGS.length)];
        String second = TAGS[random.nextInt(TAGS.length)];
        return random.nextBoolean() || first.equals(second) ? List.of(first) : Arrays.asList(first, second);
    }

    @SuppressWarnings("unchecked")
    private static void writeLine(JsonFactory json, OutputStream out, long eventId, Object[] event) throws IOException {
        try (JsonGenerator line = json.createGenerator(new NonClosing(out), JsonEncoding.UTF8)) {
            line.writeStartObject();
            line.writeNumberField("event_id", eventId);
            line.writeStringField("session_id", (String) event[0]);
            if (event[1] == null) {
                line.writeNullField("customer_id");
            } else {
                line.writeNumberField("customer_id", (Long) event[1]);
            }
            line.writeStringField("event_type", (String) event[2]);
            line.writeStringField("page", (String) event[3]);
            line.writeStringField("occurred_at", TIMESTAMP.format((LocalDateTime) event[4]));
            String[] device = (String[]) event[5];
            if (device == null) {
                line.writeNullField("device");
            } else {
                line.writeObjectFieldStart("device");
                line.writeStringField("os", device[0]);
                line.writeStringField("browser", device[1]);
                line.writeEndObject();
            }
            List<String> tags = (List<String>) event[6];
            if (tags != null) {
                line.writeArrayFieldStart("tags");
                for (String tag : tags) {
                    line.writeString(tag);
                }
                line.writeEndArray();
            }
            line.writeEndObject();
        }
        out.write('\n');
    }

    /** Lets each line's generator flush into the shared file without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
