package com.acme.governance.api.dataproduct;

public record FindDataProductHistory(DataProductId id) {
}
