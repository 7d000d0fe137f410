package com.acme.governance.query.dataproduct;

import com.acme.governance.api.dataproduct.ListDataProducts;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.acme.governance.query.dataproduct.DataProductFields.*;

/**
 * The MongoDB filter of a list query, built only from validated values: equality on the filters, and for
 * {@code q} a case-insensitive substring match whose text is quoted so it is never read as a pattern.
 */
final class DataProductSearchFilter {

    private DataProductSearchFilter() {
    }

    static Bson of(ListDataProducts query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.domain() != null) {
            conditions.add(Filters.eq(DOMAIN, query.domain()));
        }
        if (query.ownerTeam() != null) {
            conditions.add(Filters.eq(OWNER_TEAM, query.ownerTeam().value()));
        }
        if (query.classification() != null) {
            conditions.add(Filters.eq(CLASSIFICATION, query.classification().name()));
        }
        if (query.tag() != null) {
            conditions.add(Filters.eq(TAGS, query.tag().value()));
        }
        if (query.status() != null) {
            conditions.add(Filters.eq(STATUS, query.status().name()));
        }
        if (query.q() != null) {
            String quoted = Pattern.quote(query.q());
            conditions.add(Filters.or(
                    Filters.regex(TITLE, quoted, "i"),
                    Filters.regex(DESCRIPTION, quoted, "i"),
                    Filters.regex(TAGS, quoted, "i")));
        }
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }
}
