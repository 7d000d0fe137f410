package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.ListDataProducts;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The MongoDB filter of a list query, built only from validated values: equality on the filters, and for
 * {@code q} a case-insensitive substring match whose text is quoted so it is never read as a pattern. The field
 * names are those of {@link DataProductView}'s components, as the record codec stores them.
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
            String quoted = Pattern.quote(query.q());
            conditions.add(Filters.or(
                    Filters.regex("title", quoted, "i"),
                    Filters.regex("description", quoted, "i"),
                    Filters.regex("tags", quoted, "i")));
        }
        return conditions.isEmpty() ? Filters.empty() : Filters.and(conditions);
    }
}
