package com.acme.governance.api.dataproduct;

/** Sensitivity of a data product, in increasing order. */
public enum Classification {
    PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED
}
