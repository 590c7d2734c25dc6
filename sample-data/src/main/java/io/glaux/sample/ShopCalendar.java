package io.glaux.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

/**
 * The 90 days of trading the dataset covers (2024-01-01 to 2024-03-30) and how busy each day and hour is: weekends
 * busier than weekdays, steady growth over the quarter, a quiet New Year's Day, a Valentine's week and a three-day
 * spring sale, with some day-to-day noise.
 */
final class ShopCalendar {

    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final int DAYS = 90;
    static final LocalDate LAST_DAY = FIRST_DAY.plusDays(DAYS - 1);
    static final LocalDate SPRING_SALE_START = LocalDate.of(2024, 3, 15);
    static final LocalDate SPRING_SALE_END = LocalDate.of(2024, 3, 17);

    /** Relative traffic by hour of day: a lunch peak and a larger evening peak. */
    static final double[] HOUR_WEIGHTS = {1.2, 0.7, 0.4, 0.3, 0.3, 0.5, 1.2, 2.4, 3.5, 4.0, 4.3, 4.8,
        5.6, 5.4, 4.6, 4.3, 4.4, 5.0, 6.0, 7.2, 7.6, 6.8, 4.6, 2.4};

    private ShopCalendar() {
    }

    static LocalDate day(int index) {
        return FIRST_DAY.plusDays(index);
    }

    static boolean inSpringSale(LocalDate day) {
        return !day.isBefore(SPRING_SALE_START) && !day.isAfter(SPRING_SALE_END);
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    static double[] dayWeights(Random random) {
        double[] weights = new double[DAYS];
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = day(i);
            double weekday = switch (day.getDayOfWeek()) {
                case MONDAY -> 1.0;
                case TUESDAY -> 0.94;
                case WEDNESDAY -> 0.97;
                case THURSDAY -> 1.02;
                case FRIDAY -> 1.12;
                case SATURDAY -> 1.38;
                case SUNDAY -> 1.30;
            };
            double trend = 1.0 + 0.3 * i / (DAYS - 1);
            double event = 1.0;
            if (day.equals(FIRST_DAY)) {
                event = 0.55;
            } else if (day.getMonthValue() == 2 && day.getDayOfMonth() >= 7 && day.getDayOfMonth() <= 13) {
                event = 1.45;
            } else if (inSpringSale(day)) {
                event = 1.9;
            }
            double noise = 0.9 + 0.2 * random.nextDouble();
            weights[i] = weekday * trend * event * noise;
        }
        return weights;
    }

    /** Splits {@code total} over the days in proportion to the weights (largest remainders get the leftovers). */
    static int[] allocate(long total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        int[] counts = new int[weights.length];
        double[] remainders = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            counts[i] = (int) StrictMath.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        for (long left = total - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }

    /** A time of day in milliseconds, drawn from {@link #HOUR_WEIGHTS}. */
    static long timeOfDayMillis(Random random, Weighted<Integer> hours) {
        long hour = hours.pick(random);
        return hour * 3_600_000L + random.nextInt(3_600_000);
    }

    static Weighted<Integer> hours() {
        Integer[] hours = new Integer[24];
        for (int i = 0; i < 24; i++) {
            hours[i] = i;
        }
        return Weighted.of(java.util.List.of(hours), HOUR_WEIGHTS);
    }
}
