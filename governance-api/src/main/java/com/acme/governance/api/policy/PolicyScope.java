package com.acme.governance.api.policy;

import com.acme.governance.api.dataproduct.DataProductId;
import jakarta.validation.constraints.Pattern;

/** A policy applies to every domain ({@code domain} null) or to one. */
public record PolicyScope(@Pattern(regexp = DataProductId.SEGMENT) String domain) {

    public static PolicyScope global() {
        return new PolicyScope(null);
    }

    public boolean covers(String productDomain) {
        return domain == null || domain.equals(productDomain);
    }
}
