package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.ListDataProducts;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * The MongoDB filter of a list query, built only from validated values: equality on the filters, and for
 * {@code q} a product term beginning with each of its words ({@link SearchTerms}, ADR 0047), the longest word first.
 * The field names are those of {@link DataProductView}'s components, as the record codec stores them.
 */
final class DataProductSearchFilter {

    private DataProductSearchFilter() {
    }

    static Bson of(ListDataProducts query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.domain() != null) {
            conditions.add(Filters.eq("domain", query.domain()));
        }
        if (query.ownerTeam() != null) {
            conditions.add(Filters.eq("ownerTeam", query.ownerTeam().value()));
        }
        if (query.classification() != null) {
            conditions.add(Filters.eq("classification", query.classification().name()));
        }
        if (query.tag() != null) {
            conditions.add(Filters.eq("tags", query.tag().value()));
        }
        if (query.status() != null) {
            conditions.add(Filters.eq("status", query.status().name()));
        }
        if (query.q() != null) {
            List<String> words = SearchTerms.wordsOfQuery(query.q());
            if (words.isEmpty()) {
                // no word to look for, so no product can match: asked as a term none holds, which the index answers
                conditions.add(Filters.eq(SearchTerms.FIELD, ""));
            }
            // letters and digits only, so the pattern is a plain anchored prefix that an index bounds
            words.forEach(word -> conditions.add(Filters.regex(SearchTerms.FIELD, "^" + word)));
        }
        return conditions.isEmpty() ? Filters.empty() : Filters.and(conditions);
    }
}
