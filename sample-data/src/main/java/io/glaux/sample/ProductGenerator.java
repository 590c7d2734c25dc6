package io.glaux.sample;

import io.glaux.sample.Records.Product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Products in eight categories with log-normal prices ending in .99 or .49 and launch dates from 2019 onwards. Some
 * names contain a literal double quote (inch marks) or an ampersand, never a comma: the table is read by
 * LazySimpleSerDe, which has no quoting. A few brands are unknown ({@code \N}, LazySimpleSerDe's NULL).
 */
final class ProductGenerator {

    static final LocalDate FIRST_LAUNCH = LocalDate.of(2019, 1, 1);
    static final LocalDate LAST_LAUNCH = LocalDate.of(2024, 3, 15);

    private record Category(String name, double medianPrice, String[] brands, String[] nouns, double weight) {
    }

    private static final List<Category> CATEGORIES = List.of(
            new Category("Electronics", 120, new String[] {"Voltix", "Nordlys", "Kairo", "Pixelon"},
                    new String[] {"27\" Monitor", "Wireless Earbuds", "USB-C Hub", "Smart Speaker", "4K Webcam",
                        "Mechanical Keyboard", "15.6\" Laptop Sleeve", "Power Bank"}, 1.4),
            new Category("Home & Kitchen", 45, new String[] {"Casa Verde", "Hearth & Co", "Kitchenry"},
                    new String[] {"Chef's Knife 8\"", "Cast Iron Skillet", "Pour-Over Kettle", "Linen Napkins",
                        "Espresso Cups", "Cutting Board"}, 1.2),
            new Category("Books", 18, new String[] {"Lantern Press", "Quire Books"},
                    new String[] {"Cookbook", "Travel Guide", "Mystery Novel", "Field Notes Journal",
                        "Children's Atlas"}, 1.0),
            new Category("Toys", 30, new String[] {"Bricktopia", "Tumble Tots"},
                    new String[] {"Building Set", "Plush Fox", "Wooden Train", "Puzzle 1000 pcs"}, 0.8),
            new Category("Sports", 60, new String[] {"Summit Gear", "Trailhead", "Velo"},
                    new String[] {"Yoga Mat", "Trail Running Shoes", "Water Bottle", "Cycling Gloves",
                        "Climbing Chalk"}, 0.9),
            new Category("Beauty", 25, new String[] {"Lumière", "Botanica"},
                    new String[] {"Face Serum", "Clay Mask", "Lip Balm Trio", "Hair Oil"}, 0.7),
            new Category("Garden", 35, new String[] {"Greenthumb", "Terra"},
                    new String[] {"Pruning Shears", "Seed Starter Kit", "Watering Can", "Raised Bed 4'x8'"}, 0.5),
            new Category("Clothing", 40, new String[] {"Northwind", "Atelier Nine", "Basics"},
                    new String[] {"Merino T-Shirt", "Rain Jacket", "Wool Socks", "Denim Jeans", "Hoodie"}, 1.1));

    private static final String[] EDITIONS = {"", "", "", " Pro", " Mini", " Max", " 2nd Gen", " Lite", " XL"};
    private static final String[] COLOURS = {"", "", "", " - Black", " - Sand", " - Forest Green", " - Navy"};

    private ProductGenerator() {
    }

    static List<Product> generate(int count, long seed) {
        Random random = new Random(seed);
        double[] weights = CATEGORIES.stream().mapToDouble(Category::weight).toArray();
        Weighted<Category> categories = Weighted.of(CATEGORIES, weights);
        int launchDays = (int) (LAST_LAUNCH.toEpochDay() - FIRST_LAUNCH.toEpochDay());
        List<Product> products = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Category category = categories.pick(random);
            String brand = category.brands()[random.nextInt(category.brands().length)];
            String name = brand + " " + category.nouns()[random.nextInt(category.nouns().length)]
                    + EDITIONS[random.nextInt(EDITIONS.length)] + COLOURS[random.nextInt(COLOURS.length)];
            double raw = category.medianPrice() * StrictMath.exp(0.45 * random.nextGaussian());
            BigDecimal price = BigDecimal.valueOf(StrictMath.max(1, StrictMath.round(raw)))
                    .subtract(random.nextInt(4) == 0 ? new BigDecimal("0.51") : new BigDecimal("0.01"))
                    .setScale(2, RoundingMode.UNNECESSARY);
            LocalDate launched = FIRST_LAUNCH.plusDays(random.nextInt(launchDays + 1));
            String recordedBrand = random.nextDouble() < 0.03 ? null : brand;
            products.add(new Product(i, name, category.name(), recordedBrand, price, launched));
        }
        return products;
    }
}
