package io.glaux.sample;

import io.glaux.sample.Records.Customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Customers spread over countries by market size, signing up at an accelerating rate over four years. Some names are
 * written "Last, First" or carry a nickname in double quotes, and some cities contain commas, so the CSV needs
 * quoting; a few cities are unknown (empty).
 */
final class CustomerGenerator {

    static final LocalDate FIRST_SIGNUP = LocalDate.of(2020, 1, 1);
    static final LocalDate LAST_SIGNUP = LocalDate.of(2023, 12, 31);

    private static final String[] FIRST_NAMES = {"Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Lucas",
        "Mia", "Mateo", "Amelia", "Leon", "Charlotte", "Hugo", "Isabella", "Arthur", "Hannah", "Jonas", "Chloé", "Louis",
        "Yuki", "Haruto", "Priya", "Arjun", "Camila", "Santiago", "Zoë", "Finn", "Léa", "Gabriel", "Sofia", "Luca",
        "Ingrid", "Lars", "Aisha", "Omar", "Grace", "Jack", "Emily", "Thomas"};
    private static final String[] LAST_NAMES = {"Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis",
        "Müller", "Schmidt", "Schneider", "Martin", "Bernard", "Dubois", "Rossi", "Russo", "Tanaka", "Sato", "Patel",
        "Sharma", "Silva", "Santos", "O'Brien", "Murphy", "Wilson", "Taylor", "Andersson", "Johansson", "Nielsen",
        "Kowalski", "Nowak", "García López", "van der Berg", "De Luca", "MacDonald", "Nguyen", "Kim", "Lee", "Cohen",
        "Evans", "Walker"};
    private static final String[] NICKNAMES = {"Bob", "Liz", "Sunny", "Max", "Kiki", "Ace"};

    private static final Weighted<String> COUNTRIES = Weighted.of(
            List.of("United States", "United Kingdom", "Germany", "France", "Canada", "Japan", "India", "Brazil",
                    "Italy", "Australia", "Spain", "Netherlands", "Sweden", "Mexico"),
            34, 11, 10, 8, 7, 6, 5, 4, 4, 3, 3, 2, 2, 1);

    private static final Map<String, String[]> CITIES = Map.ofEntries(
            Map.entry("United States", new String[] {"New York", "Los Angeles", "Chicago", "Houston", "Seattle",
                "Washington, D.C.", "Austin", "Boston", "Denver", "Miami"}),
            Map.entry("United Kingdom", new String[] {"London", "Manchester", "Birmingham", "Leeds", "Glasgow",
                "Stratford-upon-Avon"}),
            Map.entry("Germany", new String[] {"Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main"}),
            Map.entry("France", new String[] {"Paris", "Lyon", "Marseille", "Toulouse", "Lille"}),
            Map.entry("Canada", new String[] {"Toronto", "Montréal", "Vancouver", "Calgary", "Ottawa"}),
            Map.entry("Japan", new String[] {"Tokyo", "Osaka", "Yokohama", "Sapporo", "Fukuoka"}),
            Map.entry("India", new String[] {"Mumbai", "Delhi", "Bengaluru", "Chennai", "Hyderabad"}),
            Map.entry("Brazil", new String[] {"São Paulo", "Rio de Janeiro", "Brasília", "Salvador"}),
            Map.entry("Italy", new String[] {"Roma", "Milano", "Napoli", "Torino", "Bologna"}),
            Map.entry("Australia", new String[] {"Sydney", "Melbourne", "Brisbane", "Perth"}),
            Map.entry("Spain", new String[] {"Madrid", "Barcelona", "Valencia", "Sevilla"}),
            Map.entry("Netherlands", new String[] {"Amsterdam", "Rotterdam", "Utrecht", "'s-Hertogenbosch"}),
            Map.entry("Sweden", new String[] {"Stockholm", "Göteborg", "Malmö"}),
            Map.entry("Mexico", new String[] {"Ciudad de México", "Guadalajara", "Monterrey, N.L."}));

    private static final Weighted<String> SEGMENTS = Weighted.of(
            List.of("Consumer", "Small Business", "Enterprise"), 72, 20, 8);

    private static final String[] DOMAINS = {"example.com", "mail.example.org", "shopper.example.net",
        "inbox.example.co.uk", "post.example.de"};

    private CustomerGenerator() {
    }

    static List<Customer> generate(int count, long seed) {
        Random random = new Random(seed);
        int signupDays = (int) (LAST_SIGNUP.toEpochDay() - FIRST_SIGNUP.toEpochDay());
        List<Customer> customers = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            double style = random.nextDouble();
            String name;
            if (style < 0.06) {
                name = last + ", " + first;
            } else if (style < 0.09) {
                name = first + " \"" + NICKNAMES[random.nextInt(NICKNAMES.length)] + "\" " + last;
            } else {
                name = first + " " + last;
            }
            String email = (ascii(first) + "." + ascii(last)).toLowerCase(Locale.ROOT) + i + "@"
                    + DOMAINS[random.nextInt(DOMAINS.length)];
            String country = COUNTRIES.pick(random);
            String[] cities = CITIES.get(country);
            String city = random.nextDouble() < 0.03 ? "" : cities[(int) (cities.length * StrictMath.pow(random.nextDouble(), 1.6))];
            // More sign-ups as the shop grows: the square root skews days towards the end of the range.
            LocalDate signup = FIRST_SIGNUP.plusDays((long) (signupDays * StrictMath.sqrt(random.nextDouble())));
            customers.add(new Customer(i, name, email, country, city, signup, SEGMENTS.pick(random)));
        }
        return customers;
    }

    /** E-mail local parts without accents, spaces or apostrophes. */
    private static String ascii(String text) {
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "");
    }
}
