package io.glaux.sample;

import java.util.List;
import java.util.Random;

/** A fixed list of choices with relative weights, drawn with a caller's seeded {@link Random}. */
final class Weighted<T> {

    private final List<T> choices;
    private final double[] cumulative;

    private Weighted(List<T> choices, double[] weights) {
        if (choices.size() != weights.length || choices.isEmpty()) {
            throw new IllegalArgumentException("choices and weights differ in length");
        }
        this.choices = List.copyOf(choices);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    static <T> Weighted<T> of(List<T> choices, double... weights) {
        return new Weighted<>(choices, weights);
    }

    T pick(Random random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (target < cumulative[middle]) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return choices.get(low);
    }

    List<T> choices() {
        return choices;
    }
}
