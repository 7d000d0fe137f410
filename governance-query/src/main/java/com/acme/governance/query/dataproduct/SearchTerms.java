package com.acme.governance.query.dataproduct;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words a product is found by: those of its title, description and tags, in lower case, each a run of letters
 * and digits (ADR 0047). A product keeps them as {@code searchTerms}, under a multikey index, and a search asks for
 * products with a term beginning with each word of {@code q}: a prefix of a term is a range of that index on
 * MongoDB and in the embedded store alike, where a substring would be a scan of every product.
 */
public final class SearchTerms {

    /** The field of {@code data_products} that holds them. */
    public static final String FIELD = "searchTerms";

    private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchTerms() {
    }

    /** The distinct terms of a product, in the order they first appear. */
    static List<String> of(String title, String description, List<String> tags) {
        Set<String> terms = new LinkedHashSet<>(words(title));
        terms.addAll(words(description));
        if (tags != null) {
            tags.forEach(tag -> terms.addAll(words(tag)));
        }
        return List.copyOf(terms);
    }

    /** The distinct words of a text, longest first: the first is the most selective prefix of a search. */
    static List<String> wordsOfQuery(String q) {
        return words(q).stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Arrays.stream(BETWEEN_WORDS.split(folded)).filter(word -> !word.isEmpty()).distinct().toList();
    }
}
