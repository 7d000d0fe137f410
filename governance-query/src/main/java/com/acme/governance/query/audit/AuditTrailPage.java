package com.acme.governance.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A page of the audit trail, oldest first.
 *
 * @param next the cursor of the page after this one; null when no further event matches yet
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditTrailPage(List<AuditTrailItem> items, String next) {

    public AuditTrailPage {
        items = List.copyOf(items);
    }
}
