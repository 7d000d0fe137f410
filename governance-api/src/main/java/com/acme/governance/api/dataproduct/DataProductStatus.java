package com.acme.governance.api.dataproduct;

/** {@code DRAFT -> PUBLISHED -> DEPRECATED -> RETIRED}; RETIRED is final. */
public enum DataProductStatus {
    DRAFT, PUBLISHED, DEPRECATED, RETIRED;

    public boolean acceptsAccessRequests() {
        return this == PUBLISHED || this == DEPRECATED;
    }
}
