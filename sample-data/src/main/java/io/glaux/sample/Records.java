package io.glaux.sample;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The generated entities other tables refer to. */
final class Records {

    private Records() {
    }

    record Customer(long id, String name, String email, String country, String city, LocalDate signupDate,
                    String segment) {
    }

    record Product(long id, String name, String category, String brand, BigDecimal price, LocalDate launchedOn) {
    }
}
