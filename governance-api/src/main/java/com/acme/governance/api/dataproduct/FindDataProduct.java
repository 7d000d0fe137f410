package com.acme.governance.api.dataproduct;

public record FindDataProduct(DataProductId id) {
}
