package com.acme.governance.bench;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * What a synthetic product is about (one of 40 subjects) and where (one of 25 regions), decided by its name, so that
 * a mesh of any size has 1,000 kinds of product in equal shares and a search for a subject and a region (B4) finds
 * a thousandth of it, as a person's search would, rather than every product.
 */
final class ProductWords {

    private static final List<String> SUBJECTS = List.of("orders", "customers", "shipments", "invoices", "payments",
            "refunds", "campaigns", "clicks", "sessions", "inventory", "suppliers", "returns", "reviews", "carts",
            "prices", "discounts", "subscriptions", "tickets", "claims", "policies", "accounts", "transfers", "loans",
            "deposits", "trades", "quotes", "leads", "contracts", "employees", "payrolls", "assets", "sensors",
            "devices", "routes", "parcels", "vehicles", "bookings", "stays", "flights", "meters");
    private static final List<String> REGIONS = List.of("emea", "apac", "americas", "nordics", "benelux", "iberia",
            "dach", "france", "italy", "poland", "japan", "korea", "india", "brazil", "mexico", "canada", "texas",
            "ohio", "ontario", "bavaria", "lombardy", "catalonia", "scotland", "wales", "ireland");

    private ProductWords() {
    }

    static String title(String name) {
        String subject = subject(name);
        return Character.toUpperCase(subject.charAt(0)) + subject.substring(1) + " of " + region(name).toUpperCase(
                Locale.ROOT);
    }

    static String description(String name) {
        return "Every one of the " + subject(name) + " recorded in " + region(name);
    }

    /** A search as a person types it: a subject and a region, each possibly cut short. */
    static String search(RandomGenerator random) {
        String subject = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        return subject.substring(0, Math.min(subject.length(), 4 + random.nextInt(4))) + "+" + region;
    }

    private static String subject(String name) {
        return SUBJECTS.get(Math.floorMod(name.hashCode(), SUBJECTS.size()));
    }

    private static String region(String name) {
        return REGIONS.get(Math.floorMod(name.hashCode() / SUBJECTS.size(), REGIONS.size()));
    }
}
